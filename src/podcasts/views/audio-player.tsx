// The episode's player as the server renders it: a native <audio controls> with MP3 and AAC
// sources, which works without JavaScript. The podcast-player island (client/podcast-player)
// replaces the native controls with its own: skip, speed, a seek bar, chapters.
import { formatTimecode } from '../../body/index.js'
import type { EpisodeChapter } from '../chapter-store.js'

/** Addresses of the episode's two encodings. */
export interface PlayerSources {
  mp3: string
  m4a?: string | undefined
}

/** The player, labelled by the episode's title. */
export function AudioPlayer({
  title,
  sources,
  durationSeconds,
  script,
}: {
  title: string
  sources: PlayerSources
  durationSeconds: number | null
  script?: string | undefined
}) {
  return (
    <div
      class="podcast-player"
      data-podcast-player
      data-duration={durationSeconds === null ? undefined : String(durationSeconds)}
      role="group"
      aria-label={`Player: ${title}`}
    >
      <audio class="podcast-player__audio" controls preload="metadata">
        {sources.m4a ? <source src={sources.m4a} type="audio/mp4" /> : null}
        <source src={sources.mp3} type="audio/mpeg" />
        <p>
          Your browser cannot play this episode here. <a href={sources.mp3}>Download the MP3</a>.
        </p>
      </audio>
      {script ? <script type="module" src={script} /> : null}
    </div>
  )
}

/** The chapters list; the island turns each into a button that seeks, and marks the current one. */
export function ChapterList({ chapters }: { chapters: readonly EpisodeChapter[] }) {
  return (
    <ol class="podcast-chapters" data-podcast-chapters>
      {chapters.map(c => (
        <li
          key={c.startSeconds}
          class="podcast-chapters__item"
          data-chapter-start={String(c.startSeconds)}
          data-chapter-title={c.title}
        >
          <span class="podcast-chapters__time">
            <time datetime={`PT${Math.floor(c.startSeconds)}S`}>{formatTimecode(c.startSeconds)}</time>
          </span>{' '}
          <span class="podcast-chapters__title">{c.title}</span>
        </li>
      ))}
    </ol>
  )
}
