// Which engine a Db (or a transaction) speaks, read from Kysely's adapter: owner parts call the
// search door with only a `db`, and the index is an FTS5 table on one engine, a tsvector on the other.
import { PostgresAdapter } from 'kysely'
import type { Db, Dialect } from '../db/index.js'

/** The dialect of a query builder or transaction. */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
