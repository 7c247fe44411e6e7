// A page's reads as one read on SQLite. Outside a transaction every statement takes and releases
// SQLite's locks and finds the newest WAL snapshot for itself: about 7 µs a statement here, where
// the statement itself often takes 5. A page of ten small queries read inside one deferred
// transaction pays that once, and reads one consistent snapshot besides (no story half-updated
// between its row and its links). On PostgreSQL the reads go on as they are: a transaction would
// hold one pooled connection and run, one after another, the queries a page sends side by side.
import type { Kysely } from 'kysely'
import { dialectOf } from './dialect.js'
import type { Tables } from './tables.js'

// Db as index.ts names it, spelled out here so the two files do not import each other.
type Db = Kysely<Tables>

/** Runs `read` with its queries in one SQLite read transaction, or as they are on PostgreSQL. */
export function oneRead<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres' || db.isTransaction) return read(db)
  return db.transaction().execute(read)
}
