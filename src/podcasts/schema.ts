// Table types owned by the podcasts part, and the fixed lists their columns take.
import type { Generated } from 'kysely'

/** How a show's episodes are meant to be heard: newest first (episodic) or in order (serial). */
export const SHOW_TYPES = ['episodic', 'serial'] as const
export type ShowType = (typeof SHOW_TYPES)[number]

/** Apple's episode types: a normal episode, a trailer, or bonus material. */
export const EPISODE_TYPES = ['full', 'trailer', 'bonus'] as const
export type EpisodeType = (typeof EPISODE_TYPES)[number]

/** The newsroom's status for an episode; only published ones reach readers and the feed. A scheduled one is published by a job at its date. */
export const EPISODE_STATUSES = ['draft', 'scheduled', 'published'] as const
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number]

/** Where an episode's audio is in the pipeline; `none` until a master is attached. */
export const AUDIO_STATUSES = ['none', 'queued', 'processing', 'ready', 'failed'] as const
export type AudioStatus = (typeof AUDIO_STATUSES)[number]

/** One podcast: what its feed's channel says. */
export interface PodcastShowsTable {
  id: Generated<number>
  slug: string
  title: string
  description: string
  artwork_id: number | null
  category: string
  subcategory: string | null
  /** 1 when the show is explicit. */
  explicit: number
  owner_name: string
  owner_email: string
  author: string
  language: string
  show_type: ShowType
  copyright: string
  podcast_guid: string
  created_at: string
  updated_at: string
}

/** One episode of a show, with its audio's state and outputs. */
export interface PodcastEpisodesTable {
  id: Generated<number>
  show_id: number
  slug: string
  title: string
  number: number | null
  season: number | null
  episode_type: EpisodeType
  status: EpisodeStatus
  published_at: string | null
  summary: string
  /** JSON: a body document. */
  show_notes: string
  guid: string
  audio_master_key: string | null
  audio_status: AudioStatus
  audio_error: string | null
  /** The per-attempt folder the outputs live in, e.g. `podcasts/3/a1b2c3`. */
  audio_prefix: string | null
  duration_seconds: number | null
  mp3_key: string | null
  mp3_bytes: number | string | null
  m4a_key: string | null
  m4a_bytes: number | string | null
  transcript_key: string | null
  created_at: string
  updated_at: string
}

/** What an episode's transcript says, as plain text (speaker: words), for the search index. */
export interface PodcastTranscriptsTable {
  episode_id: number
  text: string
}

/** A chapter of an episode. */
export interface PodcastChaptersTable {
  id: Generated<number>
  episode_id: number
  start_seconds: number
  title: string
}
