// Table types owned by the people part.
import type { Generated } from 'kysely'

/** A reporter, editor, producer or contributor who appears in bylines and credits. */
export interface PeopleTable {
  id: Generated<number>
  slug: string
  name: string
  job_title: string
  bio: string
  photo_id: number | null
  /** JSON array of { network, url }. */
  socials: string
  created_at: string
  updated_at: string
}
