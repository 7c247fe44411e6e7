// Table types owned by the excerpts part.
import type { Generated } from 'kysely'

/** A named passage of a documentary that stories embed by reference. */
export interface ExcerptsTable {
  id: Generated<number>
  documentary_id: number
  title: string
  caption: string
  start_seconds: number
  end_seconds: number
  created_at: string
}
