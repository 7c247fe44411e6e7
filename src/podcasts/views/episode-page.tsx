// /podcasts/:show/:episode: the episode, its player, show notes, chapters and transcript.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import { DateTime } from '../../site/views.js'
import type { TranscriptParagraph } from '../transcript.js'
import { formatTimecode } from '../../body/index.js'
import type { EpisodeChapter } from '../chapter-store.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { listeningTime, showUrl, transcriptUrl } from '../urls.js'
import { AudioPlayer, ChapterList, type PlayerSources } from './audio-player.js'
import { typographic } from '../../platform/text/typography.js'

export interface EpisodePageProps {
  show: Show
  episode: Episode
  artwork?: Image | undefined
  /** The show notes as HTML from the body renderer (the only raw HTML on the page). */
  notesHtml: string
  chapters: readonly EpisodeChapter[]
  transcript: readonly TranscriptParagraph[]
  sources?: PlayerSources | undefined
  playerScript?: string | undefined
  timeZone: string
}

/** The episode page's content. */
export function EpisodePage(props: EpisodePageProps) {
  const { show, episode: e, artwork, chapters, transcript } = props
  return (
    <article class="podcast-episode">
      <header class="podcast-hero">
        <div class="wrap podcast-hero__inner">
          {artwork ? (
            <Picture class="podcast-hero__art podcast-hero__art--small" image={artwork} priority alt="" sizes="10rem" />
          ) : null}
          <div>
            <p class="kicker">
              <a href={showUrl(show.slug)}>{show.title}</a>
              {e.season !== null ? ` · Season ${e.season}` : ''}
              {e.number !== null ? ` · Episode ${e.number}` : ''}
            </p>
            <h1 class="podcast-hero__title">{typographic(e.title)}</h1>
            <p class="podcast-hero__by">
              {e.publishedAt ? <DateTime iso={e.publishedAt} timeZone={props.timeZone} /> : null}
              {e.durationSeconds ? <> · {listeningTime(e.durationSeconds)}</> : null}
              {e.episodeType !== 'full' ? <> · {e.episodeType === 'trailer' ? 'Trailer' : 'Bonus'}</> : null}
            </p>
            {e.summary ? <p class="podcast-hero__summary">{e.summary}</p> : null}
          </div>
        </div>
      </header>
      <div class="wrap wrap--narrow podcast-episode__body">
        <section aria-labelledby="listen-heading" class="podcast-episode__listen">
          <h2 id="listen-heading" class="visually-hidden">
            Listen
          </h2>
          {props.sources ? (
            <AudioPlayer
              title={e.title}
              sources={props.sources}
              durationSeconds={e.durationSeconds}
              script={props.playerScript}
            />
          ) : (
            <p class="podcast-episode__pending">
              The audio for this episode is being prepared. Please come back in a few minutes.
            </p>
          )}
          {props.sources ? (
            <p class="podcast-episode__download">
              <a href={props.sources.mp3} download>
                Download the MP3
              </a>
            </p>
          ) : null}
        </section>
        {chapters.length ? (
          <section aria-labelledby="chapters-heading">
            <h2 id="chapters-heading" class="section-heading">
              Chapters
            </h2>
            <ChapterList chapters={chapters} />
          </section>
        ) : null}
        {props.notesHtml ? (
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading" class="section-heading">
              Show notes
            </h2>
            <div class="prose" dangerouslySetInnerHTML={{ __html: props.notesHtml }} />
          </section>
        ) : null}
        {transcript.length ? (
          <section aria-labelledby="transcript-heading" class="transcript">
            <h2 id="transcript-heading" class="section-heading">
              Transcript
            </h2>
            <p class="transcript__file">
              <a href={transcriptUrl(show.slug, e.slug)}>The transcript as a WebVTT file</a>
            </p>
            {transcript.map((p, i) => (
              <p key={i} class="transcript__paragraph">
                <span class="transcript__time">{formatTimecode(p.startSeconds)}</span>{' '}
                {p.speaker ? <strong class="transcript__speaker">{p.speaker}: </strong> : null}
                {p.text}
              </p>
            ))}
          </section>
        ) : null}
        <p>
          <a href={showUrl(show.slug)}>More episodes of {show.title}</a>
        </p>
      </div>
    </article>
  )
}
