// Table types owned by the stories part.
import type { Generated } from 'kysely'

/** draft → in_review → scheduled → published → unpublished (and back to draft). */
export const STORY_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const
export type StoryStatus = (typeof STORY_STATUSES)[number]

export const STORY_SECTIONS = ['article', 'investigation', 'documentary-companion', 'explainer', 'interview'] as const
export type StorySection = (typeof STORY_SECTIONS)[number]

export interface StoriesTable {
  id: Generated<number>
  slug: string
  title: string
  dek: string
  /** The body document as JSON, validated before every write. */
  body: string
  section: StorySection
  status: StoryStatus
  published_at: string | null
  updated_at: string
  created_at: string
  hero_image_id: number | null
  /** Incremented by every save; a save names the version it started from. */
  version: Generated<number>
  /** The account whose draft this is (contributors and authors edit their own). */
  owner_account_id: number | null
  scheduled_for: string | null
}

/** An old slug that answers with a 301 to the story's current address. */
export interface StoryRedirectsTable {
  old_slug: string
  story_id: number
}

/** The whole story as it was after one save of a published story. */
export interface StoryRevisionsTable {
  id: Generated<number>
  story_id: number
  version: number
  /** JSON: title, slug, dek, section, body, hero, authors, topics, documentaries. */
  snapshot: string
  account_id: number | null
  saved_at: string
}

/** Who moved a story from one status to another, and when. */
export interface StoryTransitionsTable {
  id: Generated<number>
  story_id: number
  from_status: string
  to_status: string
  account_id: number | null
  at: string
}

export interface StoryAuthorsTable {
  story_id: number
  person_id: number
  position: number
}

export interface StoryTopicsTable {
  story_id: number
  topic_id: number
  position: number
}

export interface StoryDocumentariesTable {
  story_id: number
  documentary_id: number
  position: number
}

/** An interview the story embeds or quotes, kept at every save (an interview's "Quoted in"). */
export interface StoryInterviewsTable {
  story_id: number
  interview_id: number
}
