// Rebuilding the index from the owners' own lists: search reads no other part's tables, so each
// owner hands over its public documents through a source (wired in app.ts and main.ts).
import { sql } from 'kysely'
import { dialectOf, type Db } from '../db/index.js'
import { tidySearchIndex } from './tidy.js'
import { clearSearchIndex, indexSearchDocument, searchIndexIsEmpty, type SearchDocument } from './store.js'

/** One owner's public documents, a batch at a time, in owner-id order after `afterId`. */
export type SearchSource = (db: Db, page: { afterId: number; limit: number }) => Promise<SearchDocument[]>

const BATCH = 500
/** The advisory lock a PostgreSQL rebuild holds (any constant no other part uses). */
const REBUILD_LOCK = 7_100_736

/** Empties the index and fills it again from every source, in one transaction; returns the count. */
export async function rebuildSearchIndex(
  db: Db,
  sources: readonly SearchSource[],
  options: { onlyIfEmpty?: boolean } = {},
): Promise<number> {
  const count = await db.transaction().execute(async trx => {
    // Processes starting together (web and worker) rebuild one after the other, and the second
    // finds the index filled. SQLite's writer lock does this by itself.
    if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${REBUILD_LOCK})`.execute(trx)
    if (options.onlyIfEmpty && !(await searchIndexIsEmpty(trx))) return 0
    await clearSearchIndex(trx)
    let count = 0
    for (const source of sources) {
      for (let afterId = 0; ; ) {
        const docs = await source(trx, { afterId, limit: BATCH })
        for (const doc of docs) await indexSearchDocument(trx, doc)
        count += docs.length
        const last = docs.at(-1)
        if (!last || docs.length < BATCH) break
        afterId = last.ownerId
      }
    }
    return count
  })
  // PostgreSQL plans each search from the table's statistics (how common a word is decides
  // between the GIN index and the newest-first one); after a rewrite they are stale until
  // autovacuum comes round, so they are gathered now.
  if (count > 0 && dialectOf(db) === 'postgres') await sql`analyze search_documents`.execute(db)
  // On SQLite a large rebuild leaves the index in many segments, which every search walks: merged now.
  if (count > 0) await tidySearchIndex(db)
  return count
}

/**
 * Fills an empty index (a new installation, or the first start after the search migration).
 * On an empty site this is a handful of queries that find nothing.
 */
export async function ensureSearchIndex(db: Db, sources: readonly SearchSource[]): Promise<number> {
  return (await searchIndexIsEmpty(db)) ? rebuildSearchIndex(db, sources, { onlyIfEmpty: true }) : 0
}
