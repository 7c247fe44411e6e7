// The home page: lead story, latest stories, latest documentaries, topics.
import type { Topic } from '../../topics/index.js'
import { StoryCard, StoryList } from '../../stories/views.js'
import type { StoryTeaser } from '../../stories/index.js'
import { DocumentaryGrid } from '../../documentaries/views.js'
import type { DocumentaryTeaser } from '../../documentaries/index.js'

export interface HomePageProps {
  siteName: string
  lead?: StoryTeaser | undefined
  latest: StoryTeaser[]
  documentaries: DocumentaryTeaser[]
  topics: Topic[]
  timeZone: string
}

/** The home page's content. */
export function HomePage({ siteName, lead, latest, documentaries, topics, timeZone }: HomePageProps) {
  return (
    <div class="wrap home">
      <h1 class="visually-hidden">{siteName}</h1>
      <div class="home__top">
        {lead ? (
          <section class="home__lead" aria-labelledby="lead-heading">
            <h2 id="lead-heading" class="visually-hidden">
              Top story
            </h2>
            <StoryCard teaser={lead} timeZone={timeZone} variant="lead" priority />
          </section>
        ) : (
          <p>No stories have been published yet.</p>
        )}
        <section class="home__latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="section-heading">
            Latest
          </h2>
          <StoryList teasers={latest.slice(0, 5)} timeZone={timeZone} variant="compact" />
        </section>
      </div>
      {documentaries.length ? (
        <section class="home__documentaries" aria-labelledby="home-docs-heading">
          <div class="section-header">
            <h2 id="home-docs-heading" class="section-heading">
              Latest documentaries
            </h2>
            <a href="/documentaries">All documentaries</a>
          </div>
          <DocumentaryGrid teasers={documentaries} />
        </section>
      ) : null}
      {latest.length > 5 ? (
        <section aria-labelledby="more-stories-heading">
          <div class="section-header">
            <h2 id="more-stories-heading" class="section-heading">
              More stories
            </h2>
            <a href="/articles">All articles</a>
          </div>
          <StoryList teasers={latest.slice(5)} timeZone={timeZone} />
        </section>
      ) : null}
      <section class="home__topics" aria-labelledby="home-topics-heading">
        <h2 id="home-topics-heading" class="section-heading">
          Topics
        </h2>
        <ul class="topic-chips">
          {topics.map(t => (
            <li key={t.id}>
              <a href={`/topics/${t.slug}`}>{t.name}</a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
