// /podcasts: every show with its artwork, description and how many episodes it has, then the
// latest episodes across shows.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import { CardGrid, DateTime } from '../../site/views.js'
import { truncate } from '../../platform/format.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { episodeUrl, listeningTime, showUrl } from '../urls.js'
import { typographic } from '../../platform/text/typography.js'

/** One show as the list shows it. */
export interface ShowTeaser {
  show: Show
  artwork?: Image | undefined
  episodeCount: number
}

/** A grid of show cards (CardGrid: no orphans). */
export function ShowGrid({
  teasers,
  headingLevel = 2,
}: {
  teasers: readonly ShowTeaser[]
  headingLevel?: 2 | 3 | undefined
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <CardGrid
      kind="show"
      items={teasers}
      keyOf={t => t.show.id}
      render={({ show, artwork, episodeCount }) => (
        <article class="show-card">
          <a class="show-card__link" href={showUrl(show.slug)}>
            {artwork ? (
              <Picture class="show-card__art" image={artwork} alt="" sizes="(max-width: 600px) 50vw, 20rem" />
            ) : (
              <span class="show-card__art show-card__art--empty" />
            )}
            <Heading class="show-card__title">{typographic(show.title)}</Heading>
          </a>
          <p class="show-card__meta">
            {episodeCount === 1 ? '1 episode' : `${episodeCount} episodes`} · {show.subcategory ?? show.category}
          </p>
          {show.description ? (
            <p class="show-card__description">{typographic(truncate(show.description, 220))}</p>
          ) : null}
        </article>
      )}
    />
  )
}

/** An episode with the show it belongs to. */
export interface LatestEpisode {
  episode: Episode
  show: Show
}

/** The latest episodes across shows, newest first. */
function LatestEpisodes({ latest, timeZone }: { latest: readonly LatestEpisode[]; timeZone: string }) {
  return (
    <section class="podcasts__latest" aria-labelledby="latest-episodes-heading">
      <h2 id="latest-episodes-heading" class="section-heading">
        Latest episodes
      </h2>
      <ol class="episode-list">
        {latest.map(({ episode: e, show }) => (
          <li key={e.id} class="episode-list__item">
            <p class="episode-list__meta">
              <a class="episode-list__show" href={showUrl(show.slug)}>
                {typographic(show.title)}
              </a>
              {e.publishedAt ? (
                <>
                  {' '}
                  · <DateTime iso={e.publishedAt} timeZone={timeZone} />
                </>
              ) : null}
              {e.durationSeconds ? (
                <>
                  {' '}
                  · <span>{listeningTime(e.durationSeconds)}</span>
                </>
              ) : null}
            </p>
            <h3 class="episode-list__title">
              <a href={episodeUrl(show.slug, e.slug)}>{typographic(e.title)}</a>
            </h3>
            {e.summary ? <p class="episode-list__summary">{typographic(e.summary)}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The podcasts list page. */
export function PodcastsPage({
  teasers,
  latest,
  siteName,
  timeZone,
}: {
  teasers: readonly ShowTeaser[]
  latest: readonly LatestEpisode[]
  siteName: string
  timeZone: string
}) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Podcasts</h1>
        <p class="list-page__intro">Shows from {siteName}: listen here, or subscribe in any podcast app.</p>
      </header>
      {teasers.length ? (
        <section aria-labelledby="shows-heading" class="podcasts__shows">
          <h2 id="shows-heading" class="section-heading">
            Shows
          </h2>
          <ShowGrid teasers={teasers} headingLevel={3} />
        </section>
      ) : (
        <p>There are no shows yet.</p>
      )}
      {latest.length ? <LatestEpisodes latest={latest} timeZone={timeZone} /> : null}
    </div>
  )
}
