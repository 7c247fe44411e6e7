// Table types owned by the videos part.
import type { Generated } from 'kysely'

/** Where a film is in the pipeline. */
export const VIDEO_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const
export type VideoStatus = (typeof VIDEO_STATUSES)[number]

/** A documentary's film: its master and, once transcoded, what the player needs. */
export interface VideosTable {
  id: Generated<number>
  /** The owner: a documentary's film, or an interview's recording (exactly one of the two). */
  documentary_id: number | null
  interview_id: number | null
  master_key: string
  status: VideoStatus
  /** 0..1 while processing. */
  progress: number
  error: string | null
  duration_seconds: number | null
  width: number | null
  height: number | null
  /** The folder the latest transcode attempt writes to, e.g. `videos/3/a1b2c3`. */
  output_prefix: string | null
  /** The attempt folder readers play; set with the outputs below only when a transcode is ready. */
  live_prefix: string | null
  /** The master the live outputs were made from. */
  live_master_key: string | null
  /** 1 when `master_key` was refused for what it holds (cut short, damaged): retrying cannot help. */
  master_refused: Generated<number>
  /** JSON: Rendition[]. */
  renditions: string
  poster_key: string | null
  mp4_key: string | null
  thumbnails_key: string | null
  /** JSON: [startSeconds, endSeconds][] the transcode blanks to black and silence (withheld passages). */
  cuts: Generated<string>
  created_at: string
  updated_at: string
}

/** One WebVTT captions file of a film, per language. */
export interface VideoCaptionsTable {
  id: Generated<number>
  video_id: number
  lang: string
  label: string
  storage_key: string
}

/** A chapter of a film. */
export interface VideoChaptersTable {
  id: Generated<number>
  video_id: number
  start_seconds: number
  title: string
}
