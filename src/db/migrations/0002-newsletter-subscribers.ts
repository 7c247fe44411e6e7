// Newsletter sign-ups, kept as pending until the reader confirms.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function newsletterSubscribers(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('newsletter_subscribers'), dialect)
        .addColumn('email', 'text', c => c.notNull().unique())
        .addColumn('status', 'text', c => c.notNull().defaultTo('pending'))
        .addColumn('source', 'text', c => c.notNull().defaultTo(''))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()
    },
  }
}
