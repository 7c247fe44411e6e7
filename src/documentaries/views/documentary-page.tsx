// The documentary page: the film first (player, or poster and its state), then title, synopsis, credits, funders, excerpts and companion stories.
import type { Image } from '../../media/index.js'
import type { Funder } from '../../funders/index.js'
import type { Excerpt } from '../../excerpts/index.js'
import type { Topic } from '../../topics/index.js'
import { StoryList } from '../../stories/views.js'
import type { StoryTeaser } from '../../stories/index.js'
import { formatDate } from '../../platform/format.js'
import { typographic } from '../../platform/text/typography.js'
import { formatTimecode } from '../../body/index.js'
import type { Documentary } from '../store.js'
import type { DocumentaryTeaser } from '../teasers.js'
import { DocumentaryGrid, Runtime } from './documentary-card.js'
import { DocumentaryStage } from './documentary-stage.js'
import type { PlayableVideo } from '../../embeds/index.js'
import { InterviewList } from '../../interviews/views.js'
import type { InterviewListEntry } from '../../interviews/index.js'

export interface DocumentaryPageProps {
  documentary: Documentary
  poster?: Image | undefined
  topics: Topic[]
  funders: Funder[]
  excerpts: Excerpt[]
  stories: StoryTeaser[]
  more: DocumentaryTeaser[]
  timeZone: string
  /** The film's video from the pipeline; absent or failed shows nothing. */
  video?: PlayableVideo | undefined
  /** The interviews recorded for the film, with the moments of it that use them. */
  interviews?: InterviewListEntry[] | undefined
}

/** The documentary page's content. */
export function DocumentaryPage(props: DocumentaryPageProps) {
  const {
    documentary: film,
    poster,
    topics,
    funders,
    excerpts,
    stories,
    more,
    timeZone,
    video,
    interviews = [],
  } = props
  const paragraphs = film.synopsis
    .split(/\n\s*\n/)
    .map(p => p.trim())
    .filter(Boolean)
  return (
    <>
      <article class="documentary">
        <DocumentaryStage title={typographic(film.title)} poster={poster} video={video} />
        <header class="documentary__hero">
          <div class="wrap documentary__hero-inner">
            <div class="documentary__intro">
              <p class="kicker">
                <span class="label">Documentary</span>
                {topics[0] ? (
                  <>
                    {' '}
                    · <a href={`/topics/${topics[0].slug}`}>{topics[0].name}</a>
                  </>
                ) : null}
              </p>
              <h1 class="documentary__title">{typographic(film.title)}</h1>
              {film.dek ? <p class="documentary__dek">{typographic(film.dek)}</p> : null}
            </div>
            <dl class="documentary__facts">
              <div>
                <dt>Runtime</dt>
                <dd>
                  <Runtime seconds={film.runtimeSeconds} />
                </dd>
              </div>
              <div>
                <dt>Released</dt>
                <dd>
                  <time datetime={film.releaseDate}>{formatDate(`${film.releaseDate}T12:00:00Z`, timeZone)}</time>
                </dd>
              </div>
            </dl>
          </div>
        </header>
        <div class="wrap documentary__body">
          <section class="prose documentary__synopsis" aria-labelledby="synopsis-heading">
            <h2 id="synopsis-heading">About the film</h2>
            {paragraphs.map((p, i) => (
              <p key={i}>{typographic(p)}</p>
            ))}
          </section>
          <aside class="documentary__side">
            {film.credits.length ? (
              <section aria-labelledby="credits-heading">
                <h2 id="credits-heading" class="section-heading">
                  Credits
                </h2>
                <dl class="credits">
                  {film.credits.map((c, i) => (
                    <div key={i}>
                      <dt>{c.role}</dt>
                      <dd>{c.name}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
            {funders.length ? (
              <section aria-labelledby="film-funders-heading" class="documentary__funders">
                <h2 id="film-funders-heading" class="section-heading">
                  Support provided by
                </h2>
                <ul>
                  {funders.map(f => (
                    <li key={f.id}>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {topics.length ? (
              <nav aria-label="Topics of this documentary">
                <h2 class="section-heading">Topics</h2>
                <ul class="topic-chips">
                  {topics.map(t => (
                    <li key={t.id}>
                      <a href={`/topics/${t.slug}`}>{t.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </aside>
        </div>
        {excerpts.length ? (
          <section class="wrap documentary__excerpts" aria-labelledby="excerpts-heading">
            <h2 id="excerpts-heading" class="section-heading">
              Excerpts
            </h2>
            <ol class="excerpt-list">
              {excerpts.map(e => (
                <li key={e.id}>
                  <p class="excerpt-list__time">
                    {formatTimecode(e.startSeconds)}–{formatTimecode(e.endSeconds)}
                  </p>
                  <h3 class="excerpt-list__title">{typographic(e.title)}</h3>
                  {e.caption ? <p>{typographic(e.caption)}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {interviews.length ? (
          <section class="wrap documentary__interviews" aria-labelledby="interviews-heading">
            <h2 id="interviews-heading" class="section-heading">
              The interviews
            </h2>
            <InterviewList entries={interviews} timeZone={timeZone} />
          </section>
        ) : null}
      </article>
      <div class="wrap related">
        {stories.length ? (
          <section aria-labelledby="companion-heading" class="related__section">
            <h2 id="companion-heading" class="section-heading">
              Reporting on this film
            </h2>
            <StoryList teasers={stories} timeZone={timeZone} />
          </section>
        ) : null}
        {more.length ? (
          <section aria-labelledby="more-docs-heading" class="related__section">
            <h2 id="more-docs-heading" class="section-heading">
              Latest documentaries
            </h2>
            <DocumentaryGrid teasers={more} />
          </section>
        ) : null}
      </div>
    </>
  )
}
