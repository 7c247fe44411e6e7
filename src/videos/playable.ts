// What a player needs to play a documentary's film: the contract between the video pipeline
// (which makes the files) and the player island and pages (which show them).

/** A captions track in one language. */
export interface PlayableCaptions {
  /** BCP 47 language tag, e.g. "en", "es". */
  lang: string
  /** What the captions menu says, e.g. "English", "Español". */
  label: string
  /** Address of the WebVTT file. */
  url: string
}

/** A chapter: where it starts and what it is called. */
export interface PlayableChapter {
  startSeconds: number
  title: string
}

/** A film ready to play, or still being processed. */
export type PlayableVideo =
  | { status: 'processing'; progress: number /* 0..1 */ }
  | { status: 'failed' }
  | {
      status: 'ready'
      /** The HLS master playlist (H.264/AAC), for hls.js or native HLS. */
      hlsUrl: string
      /** A single progressive MP4 (the lowest rung), the fallback without JavaScript. */
      mp4Url: string
      posterUrl: string
      width: number
      height: number
      durationSeconds: number
      captions: PlayableCaptions[]
      chapters: PlayableChapter[]
      /** WebVTT of thumbnail sprites for scrubbing, when made. */
      thumbnailsUrl?: string | undefined
    }
