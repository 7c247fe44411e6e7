// /podcasts: every show with its artwork and how many episodes it has.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import type { Show } from '../show-store.js'
import { showUrl } from '../urls.js'
import { typographic } from '../../platform/text/typography.js'

/** One show as the list shows it. */
export interface ShowTeaser {
  show: Show
  artwork?: Image | undefined
  episodeCount: number
}

/** A grid of show cards. */
export function ShowGrid({
  teasers,
  headingLevel = 2,
}: {
  teasers: readonly ShowTeaser[]
  headingLevel?: 2 | 3 | undefined
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul class="show-grid">
      {teasers.map(({ show, artwork, episodeCount }) => (
        <li key={show.id}>
          <a class="show-card" href={showUrl(show.slug)}>
            {artwork ? (
              <Picture class="show-card__art" image={artwork} alt="" sizes="(max-width: 600px) 50vw, 16rem" />
            ) : (
              <span class="show-card__art show-card__art--empty" />
            )}
            <Heading class="show-card__title">{typographic(show.title)}</Heading>
            <p class="show-card__meta">
              {episodeCount === 1 ? '1 episode' : `${episodeCount} episodes`} · {show.subcategory ?? show.category}
            </p>
          </a>
        </li>
      ))}
    </ul>
  )
}

/** The podcasts list page. */
export function PodcastsPage({ teasers, siteName }: { teasers: readonly ShowTeaser[]; siteName: string }) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Podcasts</h1>
        <p class="list-page__intro">Shows from {siteName}: listen here, or subscribe in any podcast app.</p>
      </header>
      {teasers.length ? <ShowGrid teasers={teasers} /> : <p>There are no shows yet.</p>}
    </div>
  )
}
