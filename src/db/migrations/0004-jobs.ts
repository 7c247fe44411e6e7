// The durable job queue: scheduled and background work survives restarts (platform/jobs).
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function jobs(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('jobs'), dialect)
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('payload', 'text', c => c.notNull().defaultTo('null'))
        .addColumn('run_at', ts, c => c.notNull())
        .addColumn('status', 'text', c => c.notNull().defaultTo('queued'))
        .addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', c => c.notNull().defaultTo(5))
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', ts)
        .addColumn('last_error', 'text')
        .addColumn('unique_key', 'text', c => c.unique())
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .addColumn('finished_at', ts)
        .execute()
      // Every poll asks "what is queued and due?" (and "what running lease has expired?").
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute()
    },
  }
}
