// PostgreSQL search (search/postgres-index.ts) ranks only the newest matches of each kind, as
// SQLite does: this index hands them over newest first, so a word in most of the archive is
// found by reading a few hundred rows instead of every match. And each row's vector is kept in
// the row itself (storage main) rather than in the TOAST table: every row a search reads is
// checked against its vector, and fetching it from TOAST cost more than the check itself
// (measured: a common word's newest 500, ranked, 8.3 → 4.8 ms on 100,000 stories). Rows
// written before this migration move when `newsreel search-reindex` rewrites them. SQLite
// orders by rowid and needs nothing new.
import { sql, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../dialect.js'

export function searchRecentIndex(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return
      await sql`create index search_documents_recent on search_documents (kind, published_at desc nulls last, owner_id desc)`.execute(
        db,
      )
      await sql`alter table search_documents alter column document set storage main`.execute(db)
    },
  }
}
