// The newsletter: lists a reader picks from, confirmation (double opt-in) and leaving on the
// subscriber, campaigns, and the outbox of deliveries that makes a send exactly-once (newsletter/).
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function newsletter(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('newsletter_lists'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('name', 'text', c => c.notNull())
        .addColumn('description', 'text', c => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('created_at', ts, c => c.notNull())
        .execute()

      // What a subscriber's status rests on: the confirmation in flight, when they confirmed or
      // left, and how consent was given (a confirmed link, or an import an admin vouched for).
      for (const [name, type] of [
        ['confirm_nonce', 'text'],
        ['confirm_sent_at', ts],
        ['confirmed_at', ts],
        ['unsubscribed_at', ts],
      ] as const) {
        await db.schema.alterTable('newsletter_subscribers').addColumn(name, type).execute()
      }
      await db.schema
        .alterTable('newsletter_subscribers')
        .addColumn('consent', 'text', c => c.notNull().defaultTo(''))
        .execute()
      await db.schema
        .alterTable('newsletter_subscribers')
        .addColumn('status_reason', 'text', c => c.notNull().defaultTo(''))
        .execute()
      await db.schema
        .createIndex('newsletter_subscribers_status')
        .on('newsletter_subscribers')
        .columns(['status', 'id'])
        .execute()

      await db.schema
        .createTable('newsletter_subscriptions')
        .addColumn('subscriber_id', 'integer', c =>
          c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
        )
        .addColumn('list_id', 'integer', c => c.notNull().references('newsletter_lists.id').onDelete('cascade'))
        .addColumn('created_at', ts, c => c.notNull())
        .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'list_id'])
        .execute()
      // A send selects a list's subscribers in id order.
      await db.schema
        .createIndex('newsletter_subscriptions_list')
        .on('newsletter_subscriptions')
        .columns(['list_id', 'subscriber_id'])
        .execute()

      await withId(db.schema.createTable('newsletter_campaigns'), dialect)
        .addColumn('list_id', 'integer', c => c.notNull().references('newsletter_lists.id'))
        .addColumn('subject', 'text', c => c.notNull())
        .addColumn('preheader', 'text', c => c.notNull().defaultTo(''))
        .addColumn('template', 'text', c => c.notNull().defaultTo('standard'))
        .addColumn('intro', 'text', c => c.notNull())
        .addColumn('story_ids', 'text', c => c.notNull().defaultTo('[]'))
        .addColumn('documentary_ids', 'text', c => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', c => c.notNull().defaultTo('draft'))
        .addColumn('scheduled_for', ts)
        .addColumn('started_at', ts)
        .addColumn('finished_at', ts)
        .addColumn('version', 'integer', c => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()
      await db.schema
        .createIndex('newsletter_campaigns_status')
        .on('newsletter_campaigns')
        .columns(['status', 'id'])
        .execute()

      // The outbox: one row per (campaign, subscriber), made when the send starts.
      await withId(db.schema.createTable('newsletter_deliveries'), dialect)
        .addColumn('campaign_id', 'integer', c => c.notNull().references('newsletter_campaigns.id').onDelete('cascade'))
        .addColumn('subscriber_id', 'integer', c =>
          c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', c => c.notNull())
        .addColumn('message_id', 'text', c => c.notNull().unique())
        .addColumn('status', 'text', c => c.notNull().defaultTo('queued'))
        .addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', ts, c => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', ts)
        .addColumn('sent_at', ts)
        .addColumn('last_error', 'text')
        .addColumn('unsubscribed_at', ts)
        .addUniqueConstraint('newsletter_deliveries_once', ['campaign_id', 'subscriber_id'])
        .execute()
      await db.schema
        .createIndex('newsletter_deliveries_due')
        .on('newsletter_deliveries')
        .columns(['campaign_id', 'status', 'id'])
        .execute()
    },
  }
}
