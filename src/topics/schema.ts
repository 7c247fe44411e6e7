// Table types owned by the topics part.
import type { Generated } from 'kysely'

/** A subject stories and documentaries are filed under; `position` orders the navigation. */
export interface TopicsTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
}
