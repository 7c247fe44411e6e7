// The two engines Newsreel runs on, and which one a query builder speaks. A file of its own so
// migrations can name it without importing db/index.ts, which imports them.
import { type DialectAdapter, PostgresAdapter } from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

/**
 * The dialect of a query builder or transaction, read from Kysely's adapter: code handed only a
 * `db` (the search index, a page's reads) learns the engine from it.
 */
export function dialectOf(db: { getExecutor(): { readonly adapter: DialectAdapter } }): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
