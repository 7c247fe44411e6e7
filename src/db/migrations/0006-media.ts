// Media: image variants and focal points, and resumable uploads (tus-style).
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType } from './columns.js'

export function media(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      // Where a crop keeps its centre, as fractions of width and height.
      await db.schema
        .alterTable('images')
        .addColumn('focal_x', 'real', c => c.notNull().defaultTo(0.5))
        .execute()
      await db.schema
        .alterTable('images')
        .addColumn('focal_y', 'real', c => c.notNull().defaultTo(0.5))
        .execute()
      // The resized copies, as JSON: pages read them with the image in one query.
      await db.schema
        .alterTable('images')
        .addColumn('variants', 'text', c => c.notNull().defaultTo('[]'))
        .execute()

      await db.schema
        .createTable('uploads')
        .addColumn('id', 'text', c => c.primaryKey())
        .addColumn('account_id', 'integer', c => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('filename', 'text', c => c.notNull())
        // Videos may pass 2 GiB, past PostgreSQL's integer.
        .addColumn('length', 'bigint', c => c.notNull())
        .addColumn('offset', 'bigint', c => c.notNull().defaultTo(0))
        .addColumn('metadata', 'text', c => c.notNull().defaultTo('{}'))
        .addColumn('storage_key', 'text', c => c.notNull())
        .addColumn('status', 'text', c => c.notNull().defaultTo('receiving'))
        .addColumn('image_id', 'integer', c => c.references('images.id').onDelete('set null'))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('completed_at', ts)
        .execute()
    },
  }
}
