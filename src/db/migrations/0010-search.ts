// The search index (src/search): an FTS5 table and a table of result fields on SQLite, a table with a weighted tsvector and a
// GIN index on PostgreSQL. It starts empty; `ensureSearchIndex` fills it from the owners' lists
// when the app starts (and `newsreel search-reindex` rebuilds it on demand).
import { sql, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType } from './columns.js'

export function search(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        // porter over unicode61: "investigating" finds "investigation"; remove_diacritics 2 folds
        // "café" and "cafe" together; prefix indexes keep "inv*" fast. `tags` holds topic tokens.
        await sql`create virtual table search_text using fts5(
          title, summary, body, tags,
          tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4'
        )`.execute(db)
        // What results show and filters need, by the same rowid (kind, publication day, owner id).
        await db.schema
          .createTable('search_documents')
          .addColumn('id', 'integer', c => c.primaryKey())
          .addColumn('kind', 'text', c => c.notNull())
          .addColumn('owner_id', 'integer', c => c.notNull())
          .addColumn('url', 'text', c => c.notNull())
          .addColumn('published_at', timestampType(dialect))
          .addColumn('topic_ids', 'text', c => c.notNull().defaultTo(''))
          .addColumn('image_url', 'text')
          .execute()
        await db.schema
          .createIndex('search_documents_published_at')
          .on('search_documents')
          .column('published_at')
          .execute()
        await db.schema
          .createIndex('search_documents_owner')
          .on('search_documents')
          .columns(['kind', 'owner_id'])
          .unique()
          .execute()
        return
      }
      await db.schema
        .createTable('search_documents')
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('owner_id', 'integer', c => c.notNull())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('summary', 'text', c => c.notNull())
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('url', 'text', c => c.notNull())
        .addColumn('published_at', timestampType(dialect))
        .addColumn('topic_ids', 'text', c => c.notNull().defaultTo(''))
        .addColumn('image_url', 'text')
        // Built from diacritic-folded text by the store, weighted title A, summary B, body C.
        .addColumn('document', sql`tsvector`, c => c.notNull())
        .addPrimaryKeyConstraint('search_documents_pkey', ['kind', 'owner_id'])
        .execute()
      await sql`create index search_documents_document on search_documents using gin (document)`.execute(db)
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('search_documents').execute()
      if (dialect === 'sqlite') await db.schema.dropTable('search_text').execute()
    },
  }
}
