// Staff accounts, sessions, one-time tokens, the audit log and rate-limit counters.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function accounts(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('accounts'), dialect)
        .addColumn('email', 'text', c => c.notNull().unique())
        .addColumn('name', 'text', c => c.notNull())
        .addColumn('role', 'text', c => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('person_id', 'integer', c => c.references('people.id').onDelete('set null'))
        .addColumn('active', 'integer', c => c.notNull().defaultTo(1))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .addColumn('last_sign_in_at', ts)
        .execute()

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', c => c.primaryKey())
        .addColumn('account_id', 'integer', c => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('last_seen_at', ts, c => c.notNull())
        .addColumn('expires_at', ts, c => c.notNull())
        .addColumn('revoked_at', ts)
        .addColumn('ip', 'text', c => c.notNull().defaultTo(''))
        .addColumn('user_agent', 'text', c => c.notNull().defaultTo(''))
        .execute()
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute()

      await withId(db.schema.createTable('account_tokens'), dialect)
        .addColumn('token_hash', 'text', c => c.notNull().unique())
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('cascade'))
        .addColumn('expires_at', ts, c => c.notNull())
        .addColumn('used_at', ts)
        .addColumn('created_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', ts, c => c.notNull())
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('action', 'text', c => c.notNull())
        .addColumn('subject', 'text', c => c.notNull().defaultTo(''))
        .addColumn('detail', 'text', c => c.notNull().defaultTo('{}'))
        .addColumn('ip', 'text', c => c.notNull().defaultTo(''))
        .execute()
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()

      await withId(db.schema.createTable('rate_limit_hits'), dialect)
        .addColumn('bucket', 'text', c => c.notNull())
        .addColumn('at', ts, c => c.notNull())
        .execute()
      await db.schema.createIndex('rate_limit_hits_bucket').on('rate_limit_hits').columns(['bucket', 'at']).execute()
    },
  }
}
