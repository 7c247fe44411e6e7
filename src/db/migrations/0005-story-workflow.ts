// The newsroom's story workflow: versions for safe concurrent saves, owners, scheduled
// times, old slugs that redirect, revisions, status changes, and correction history.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function storyWorkflow(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('stories')
        .addColumn('version', 'integer', c => c.notNull().defaultTo(1))
        .execute()
      await db.schema
        .alterTable('stories')
        .addColumn('owner_account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .execute()
      await db.schema.alterTable('stories').addColumn('scheduled_for', ts).execute()

      await db.schema
        .createTable('story_redirects')
        .addColumn('old_slug', 'text', c => c.primaryKey())
        .addColumn('story_id', 'integer', c => c.notNull().references('stories.id').onDelete('cascade'))
        .execute()

      await withId(db.schema.createTable('story_revisions'), dialect)
        .addColumn('story_id', 'integer', c => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('version', 'integer', c => c.notNull())
        .addColumn('snapshot', 'text', c => c.notNull())
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('saved_at', ts, c => c.notNull())
        .execute()
      await db.schema
        .createIndex('story_revisions_story')
        .on('story_revisions')
        .columns(['story_id', 'version'])
        .execute()

      await withId(db.schema.createTable('story_transitions'), dialect)
        .addColumn('story_id', 'integer', c => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('from_status', 'text', c => c.notNull())
        .addColumn('to_status', 'text', c => c.notNull())
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('at', ts, c => c.notNull())
        .execute()
      await db.schema.createIndex('story_transitions_story').on('story_transitions').column('story_id').execute()

      await db.schema.alterTable('corrections').addColumn('fixes_revision_id', 'integer').execute()
      await withId(db.schema.createTable('correction_revisions'), dialect)
        .addColumn('correction_id', 'integer', c => c.notNull().references('corrections.id'))
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('changed_at', ts, c => c.notNull())
        .execute()
    },
  }
}
