// Table types owned by the pages part.
import type { Generated } from 'kysely'

/** A static page such as the journalistic standards or "About us". */
export interface PagesTable {
  id: Generated<number>
  slug: string
  title: string
  summary: string
  /** A body document as JSON, like a story's. */
  body: string
  created_at: string
  updated_at: string
}
