// An editor features a documentary at the top of /documentaries (documentaries/): the time of the
// mark, so the newest mark wins and taking it off lets the one marked before come back.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType } from './columns.js'

export function documentaryFeatured(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documentaries').addColumn('featured_at', timestampType(dialect)).execute()
    },
  }
}
