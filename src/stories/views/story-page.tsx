// The story page: everything a documentary newsroom's story shows.
import { Picture } from '../../media/views.js'
import { AuthorBox } from '../../people/views.js'
import { personUrl } from '../../people/index.js'
import { StoryCorrections } from '../../corrections/views.js'
import type { StoryPageData } from '../story-page-data.js'
import { sectionLabel } from '../urls.js'
import { StoryMore } from './story-more.js'
import { DateTime } from '../../site/views.js'
import { typographic } from '../../platform/text/typography.js'

/** The story page's content inside the site layout. */
export function StoryPage({
  data,
  timeZone,
  preview,
}: {
  data: StoryPageData
  timeZone: string
  preview?: boolean | undefined
}) {
  const { story, hero, authors, topics, corrections } = data
  const primary = topics[0]
  const updated =
    story.publishedAt &&
    story.updatedAt > story.publishedAt &&
    Date.parse(story.updatedAt) - Date.parse(story.publishedAt) > 60_000
  const lastCorrection = corrections[corrections.length - 1]
  return (
    <>
      <article class="story">
        {preview ? (
          <p class="preview-banner wrap" role="status">
            Preview: this is how readers will see the story. It is not public ({story.status.replace('_', ' ')}).
          </p>
        ) : null}
        <header class="story__header wrap wrap--narrow">
          <p class="kicker">
            {primary ? <a href={`/topics/${primary.slug}`}>{primary.name}</a> : null}
            {primary ? <span aria-hidden="true"> · </span> : null}
            <span class="kicker__section">{sectionLabel(story.section)}</span>
          </p>
          <h1 class="story__title">{typographic(story.title)}</h1>
          {story.dek ? <p class="story__dek">{typographic(story.dek)}</p> : null}
          <div class="byline">
            {authors.length ? (
              <p class="byline__names">
                By{' '}
                {authors.map(({ person }, i) => (
                  <>
                    {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
                    <a href={personUrl(person.slug)}>{person.name}</a>
                  </>
                ))}
              </p>
            ) : null}
            <p class="byline__dates">
              {story.publishedAt ? (
                <>
                  Published <DateTime iso={story.publishedAt} timeZone={timeZone} />
                </>
              ) : null}
              {updated ? (
                <>
                  {' '}
                  · Updated <DateTime iso={story.updatedAt} timeZone={timeZone} withTime />
                </>
              ) : null}
              {lastCorrection ? (
                <>
                  {' '}
                  ·{' '}
                  <a href="#corrections">
                    {corrections.length > 1
                      ? `${corrections.length} corrections and clarifications`
                      : lastCorrection.kind === 'clarification'
                        ? 'Clarified'
                        : 'Corrected'}
                  </a>
                </>
              ) : null}
            </p>
          </div>
        </header>
        {hero ? (
          <figure class="story__hero wrap wrap--wide">
            <Picture image={hero} priority />
            {hero.caption || hero.credit ? (
              <figcaption>
                <span class="caption">{hero.caption}</span> <span class="credit">{hero.credit}</span>
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="story__body prose wrap wrap--narrow" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
        <div class="wrap wrap--narrow">
          <StoryCorrections corrections={corrections} timeZone={timeZone} />
          <footer class="story__footer">
            {topics.length ? (
              <nav aria-label="Topics of this story">
                <h2 class="visually-hidden">Topics</h2>
                <ul class="topic-chips">
                  {topics.map(t => (
                    <li key={t.id}>
                      <a href={`/topics/${t.slug}`}>{t.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <p class="standards-note">
              This story follows our <a href="/standards">journalistic standards</a>. See an error? Every correction we
              make is listed on our <a href="/corrections">corrections page</a>.
            </p>
          </footer>
          <AuthorBox authors={authors} />
        </div>
      </article>
      <StoryMore data={data} timeZone={timeZone} />
    </>
  )
}
