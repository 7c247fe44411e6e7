// /topics/:slug: one topic's films (on its first page) and its stories, newest first.
import { StoryList } from '../../stories/views.js'
import type { StoryTeaser } from '../../stories/index.js'
import { DocumentaryGrid } from '../../documentaries/views.js'
import type { DocumentaryTeaser } from '../../documentaries/index.js'
import { Pagination } from '../../site/views.js'
import type { Topic } from '../store.js'

/** What a topic's page shows. */
export interface TopicPageProps {
  topic: Topic
  path: string
  films: DocumentaryTeaser[]
  teasers: StoryTeaser[]
  page: number
  pageCount: number
  timeZone: string
}

/** One topic's page of stories, under its films. */
export function TopicPage({ topic, path, films, teasers, page, pageCount, timeZone }: TopicPageProps) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <p class="kicker">Topic</p>
        <h1>{topic.name}</h1>
        <p class="list-page__intro">{topic.description}</p>
        <p class="feed-link">
          <a href={`${path}/feed.xml`}>RSS feed for {topic.name}</a>
        </p>
      </header>
      {films.length ? (
        <section aria-labelledby="topic-films" class="list-page__section">
          <h2 id="topic-films" class="section-heading">
            Documentaries
          </h2>
          <DocumentaryGrid teasers={films} />
        </section>
      ) : null}
      <section aria-labelledby="topic-stories" class="list-page__section">
        <h2 id="topic-stories" class="section-heading">
          Stories
        </h2>
        {teasers.length ? <StoryList teasers={teasers} timeZone={timeZone} /> : <p>No stories under this topic yet.</p>}
      </section>
      <Pagination path={path} page={page} pageCount={pageCount} />
    </div>
  )
}
