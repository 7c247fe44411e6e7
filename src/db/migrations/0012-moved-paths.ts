// Moved addresses (platform/moved-paths): an old path answers with a 301 to where it moved.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType } from './columns.js'

export function movedPaths(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('moved_paths')
        .addColumn('old_path', 'text', c => c.primaryKey())
        .addColumn('new_path', 'text', c => c.notNull())
        .addColumn('moved_at', timestampType(dialect), c => c.notNull())
        .execute()
    },
  }
}
