// A send waits out a mail relay that is down instead of failing its deliveries (newsletter/):
// the campaign records since when the relay has failed, how often, why, and when the send tries
// again; a delivery records since when its recipient's server has been deferring it.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType } from './columns.js'

export function newsletterRelayPause(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('newsletter_campaigns').addColumn('paused_since', ts).execute()
      await db.schema.alterTable('newsletter_campaigns').addColumn('next_try_at', ts).execute()
      await db.schema.alterTable('newsletter_campaigns').addColumn('pause_reason', 'text').execute()
      await db.schema
        .alterTable('newsletter_campaigns')
        .addColumn('relay_failures', 'integer', c => c.notNull().defaultTo(0))
        .execute()
      await db.schema.alterTable('newsletter_deliveries').addColumn('deferred_since', ts).execute()
    },
  }
}
