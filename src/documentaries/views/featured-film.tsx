// The featured film at the top of /documentaries: the poster large, title, dek, runtime and year,
// and a "Watch the trailer" link to the film page at its excerpt. The player island turns the link
// into a button that puts a muted player of the passage in the poster's place (client/player/trailer.ts);
// nothing plays until the reader asks, and never with sound first.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import type { ReadyVideo } from '../../embeds/index.js'
import type { Documentary } from '../store.js'
import { documentaryUrl } from '../urls.js'
import { Runtime } from './documentary-card.js'
import { typographic } from '../../platform/text/typography.js'

/** The passage the trailer plays: the film's first excerpt, or its opening. */
export interface TrailerPassage {
  title: string
  startSeconds: number
  endSeconds: number
}

export interface FeaturedFilmProps {
  film: Documentary
  poster?: Image | undefined
  /** The film's video when it is ready to play; without one there is no trailer, only the film's page. */
  video?: ReadyVideo | undefined
  trailer?: TrailerPassage | undefined
}

/** The media the island builds the trailer's player from (the shape client/player/excerpt.ts reads). */
function trailerMedia(film: Documentary, video: ReadyVideo, trailer: TrailerPassage) {
  return {
    id: film.id,
    title: typographic(`${film.title}: ${trailer.title}`),
    hlsUrl: video.hlsUrl,
    mp4Url: video.mp4Url,
    posterUrl: video.posterUrl,
    width: video.width,
    height: video.height,
    start: trailer.startSeconds,
    end: trailer.endSeconds,
    captions: video.captions,
  }
}

/** The featured film's band. */
export function FeaturedFilm({ film, poster, video, trailer }: FeaturedFilmProps) {
  const href = documentaryUrl(film.slug)
  const playable = video && trailer ? trailer : undefined
  return (
    <section class="featured-film" aria-labelledby="featured-film-title">
      <div class="wrap featured-film__inner">
        <div
          class="featured-film__media"
          data-trailer={playable && video ? JSON.stringify(trailerMedia(film, video, playable)) : undefined}
          data-start={playable ? String(playable.startSeconds) : undefined}
          data-end={playable ? String(playable.endSeconds) : undefined}
        >
          <div class="excerpt-media featured-film__frame">
            {poster ? (
              <Picture class="featured-film__poster" image={poster} priority sizes="(max-width: 48rem) 100vw, 40rem" />
            ) : (
              <span class="featured-film__poster featured-film__poster--empty" />
            )}
          </div>
        </div>
        <div class="featured-film__text">
          <p class="kicker">
            <span class="label">Featured documentary</span>
          </p>
          <h2 id="featured-film-title" class="featured-film__title">
            <a href={href}>{typographic(film.title)}</a>
          </h2>
          {film.dek ? <p class="featured-film__dek">{typographic(film.dek)}</p> : null}
          <p class="featured-film__facts">
            <Runtime seconds={film.runtimeSeconds} /> ·{' '}
            <time datetime={film.releaseDate}>{film.releaseDate.slice(0, 4)}</time>
          </p>
          <p class="featured-film__actions">
            {playable ? (
              <a
                class="button featured-film__watch"
                href={`${href}?t=${Math.floor(playable.startSeconds)}#watch`}
                data-trailer-button
              >
                Watch the trailer
              </a>
            ) : null}
            <a class={playable ? 'featured-film__more' : 'button featured-film__watch'} href={`${href}#watch`}>
              {playable ? 'The full film' : 'Go to the film'}
            </a>
          </p>
        </div>
      </div>
    </section>
  )
}
