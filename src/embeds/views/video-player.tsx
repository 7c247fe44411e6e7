// The film player as the server renders it: a plain <video> with an MP4 source, captions
// tracks and a download link, which plays without JavaScript. The player island
// (client/player) finds `[data-player]` and adds HLS, captions, chapters, speed and keys.
import type { ReadyVideo } from '../playable-source.js'

export interface VideoPlayerProps {
  video: ReadyVideo
  /** What the film is called, for the player's accessible name. */
  title: string
  /** The page's main player reads `?t=` from the address and starts there. */
  main?: boolean
  /** The text of the download link. */
  downloadLabel?: string
}

/** A film player; its width and height attributes reserve the box before anything loads. */
export function VideoPlayer({ video, title, main, downloadLabel = 'Download the film (MP4)' }: VideoPlayerProps) {
  return (
    <div
      class="player"
      data-player={main ? 'main' : ''}
      data-hls-src={video.hlsUrl}
      data-chapters={JSON.stringify(video.chapters)}
      role="region"
      aria-label={`Video player: ${title}`}
    >
      <video
        class="player__video"
        controls
        preload="metadata"
        poster={video.posterUrl}
        width={video.width}
        height={video.height}
        playsInline
        aria-label={title}
      >
        <source src={video.mp4Url} type="video/mp4" />
        {video.captions.map(c => (
          <track key={c.lang} kind="captions" srclang={c.lang} label={c.label} src={c.url} />
        ))}
      </video>
      <p class="player__download">
        <a href={video.mp4Url} download>
          {downloadLabel}
        </a>
      </p>
    </div>
  )
}
