// /podcasts/:show: the show, its artwork, how to subscribe, and its episodes newest first.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import { DateTime, Pagination } from '../../site/views.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { episodeUrl, listeningTime, showFeedPath, showUrl } from '../urls.js'
import { typographic } from '../../platform/text/typography.js'

/** The show page's content. */
export function ShowPage(props: {
  show: Show
  artwork?: Image | undefined
  episodes: readonly Episode[]
  page: number
  pageCount: number
  feedUrl: string
  timeZone: string
}) {
  const { show, artwork, episodes } = props
  const paragraphs = show.description
    .split(/\n\s*\n/)
    .map(p => p.trim())
    .filter(Boolean)
  return (
    <article class="podcast-show">
      <header class="podcast-hero">
        <div class="wrap podcast-hero__inner">
          {artwork ? (
            <Picture class="podcast-hero__art" image={artwork} priority sizes="(max-width: 600px) 60vw, 18rem" />
          ) : null}
          <div>
            <p class="kicker">
              <a href="/podcasts">Podcast</a> · {show.subcategory ?? show.category}
            </p>
            <h1 class="podcast-hero__title">{typographic(show.title)}</h1>
            <p class="podcast-hero__by">By {show.author}</p>
            <SubscribeLinks show={show} feedUrl={props.feedUrl} />
          </div>
        </div>
      </header>
      <div class="wrap podcast-show__body">
        <section class="prose podcast-show__about" aria-labelledby="about-heading">
          <h2 id="about-heading" class="visually-hidden">
            About the show
          </h2>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
        <section aria-labelledby="episodes-heading">
          <h2 id="episodes-heading" class="section-heading">
            Episodes
          </h2>
          {episodes.length ? (
            <ol class="episode-list">
              {episodes.map(e => (
                <li key={e.id} class="episode-list__item">
                  <p class="episode-list__meta">
                    {e.season !== null ? `Season ${e.season} · ` : ''}
                    {e.number !== null ? `Episode ${e.number} · ` : ''}
                    {e.episodeType !== 'full' ? `${e.episodeType === 'trailer' ? 'Trailer' : 'Bonus'} · ` : ''}
                    {e.publishedAt ? <DateTime iso={e.publishedAt} timeZone={props.timeZone} /> : null}
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
                  {e.summary ? <p class="episode-list__summary">{e.summary}</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>No episodes yet. Subscribe to hear the first one when it comes out.</p>
          )}
          <Pagination path={showUrl(show.slug)} page={props.page} pageCount={props.pageCount} />
        </section>
      </div>
    </article>
  )
}

/** Where to follow the show: its RSS feed (for any app), and the feed address to copy. */
export function SubscribeLinks({ show, feedUrl }: { show: Show; feedUrl: string }) {
  return (
    <div class="subscribe">
      <h2 class="subscribe__title">Subscribe</h2>
      <ul class="subscribe__links">
        <li>
          <a class="button" href={showFeedPath(show.slug)} type="application/rss+xml">
            RSS feed
          </a>
        </li>
        <li>
          <a class="subscribe__link" href={`podcast://${feedUrl.replace(/^https?:\/\//, '')}`}>
            Open in your podcast app
          </a>
        </li>
      </ul>
      <p class="subscribe__feed">
        <label for="feed-url">Feed address, for any app:</label>{' '}
        <input id="feed-url" class="subscribe__input" readonly value={feedUrl} />
      </p>
    </div>
  )
}
