// Table types owned by the documentaries part.
import type { Generated } from 'kysely'

export const DOCUMENTARY_STATUSES = ['draft', 'published'] as const
export type DocumentaryStatus = (typeof DOCUMENTARY_STATUSES)[number]

/** A film. The video itself arrives with the media pipeline. */
export interface DocumentariesTable {
  id: Generated<number>
  slug: string
  title: string
  dek: string
  /** Plain text; blank lines separate paragraphs. */
  synopsis: string
  runtime_seconds: number
  /** YYYY-MM-DD */
  release_date: string
  poster_id: number | null
  /** JSON array of { role, name }. */
  credits: string
  status: DocumentaryStatus
  published_at: string | null
  /** When an editor featured the film at the top of /documentaries; the newest mark wins. */
  featured_at: string | null
  created_at: string
  updated_at: string
}

export interface DocumentaryTopicsTable {
  documentary_id: number
  topic_id: number
  position: number
}

/** Who is credited with supporting one film ("Support provided by ..."). */
export interface DocumentaryFundersTable {
  documentary_id: number
  funder_id: number
  position: number
}
