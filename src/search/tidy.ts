// Keeping SQLite's index in one piece. FTS5 writes each transaction's words as a new segment and
// merges segments of a size only when enough of them pile up, so an archive filled over time (or
// by an import) holds a dozen segments, and every search walks and seeks in each of them: on the
// bench's 100,000 stories, 12 segments made the snippet query of a results page 3 ms instead of
// 0.8. Merging them all is FTS5's 'merge' command with a negative page count, which does the work
// of 'optimize' in steps: each step is its own short transaction, so readers and the newsroom's
// writes go on between them, where 'optimize' would hold the writer lock for the whole rewrite
// (about 12 s at 100,000 stories). PostgreSQL's GIN index is kept by autovacuum: nothing to do.
import { sql } from 'kysely'
import { dialectOf, type Db } from '../db/index.js'

/**
 * The index is merged when it has more segments than this and the ones beside its largest hold at
 * least UNMERGED_SHARE of it. A merge rewrites the whole index, so it waits until enough is new:
 * an import or a rebuild (a dozen segments of like size) is merged at once, while a large archive
 * taking a story at a time keeps its few small new segments (FTS5 merges those among themselves,
 * and seeking in them is cheap) until they add up to a tenth of it.
 */
export const MAX_SEGMENTS = 4
const UNMERGED_SHARE = 0.1

/** Leaf pages merged in one step: about 30 ms of work on this machine. */
const PAGES_PER_STEP = 500

/** Steps are capped, so a merge that other writes keep feeding still ends (the next run goes on). */
const MAX_STEPS = 20_000

/**
 * The index's segments and their sizes, as rows of FTS5's own `%_idx` table (about one a leaf
 * page): a scan of a small table (64,000 rows, 13 ms at 100,000 stories), done once an hour.
 */
export async function searchSegmentSizes(db: Db): Promise<number[]> {
  const rows = (await sql<{ pages: number }>`select count(*) as pages from search_text_idx group by segid`.execute(db))
    .rows
  return rows.map(r => Number(r.pages))
}

/** What a tidy did: the segments it found, and the merge steps it ran (0 when none were needed). */
export interface TidyReport {
  segments: number
  steps: number
}

/**
 * Merges the SQLite index into one segment when enough of it lies outside its largest, a step at a time;
 * `pauseMs` between steps leaves the event loop (better-sqlite3 runs a step synchronously) to the
 * requests a web process is serving. Does nothing on PostgreSQL.
 */
export async function tidySearchIndex(db: Db, options: { pauseMs?: number } = {}): Promise<TidyReport> {
  if (dialectOf(db) !== 'sqlite') return { segments: 0, steps: 0 }
  const sizes = await searchSegmentSizes(db)
  const segments = sizes.length
  const total = sizes.reduce((a, b) => a + b, 0)
  const outside = total - Math.max(0, ...sizes)
  if (segments <= MAX_SEGMENTS || outside < total * UNMERGED_SHARE) return { segments, steps: 0 }
  let steps = 0
  while (steps < MAX_STEPS) {
    steps++
    // A step that merged nothing changes nothing but its own row: the index is in one piece. The
    // count is read inside the step's transaction, so no other write falls between.
    const changed = await db.transaction().execute(async trx => {
      const before = await totalChanges(trx)
      await sql`insert into search_text (search_text, rank) values ('merge', ${-PAGES_PER_STEP})`.execute(trx)
      return (await totalChanges(trx)) - before > 1
    })
    if (!changed) break
    if (options.pauseMs) await new Promise(resolve => setTimeout(resolve, options.pauseMs))
  }
  return { segments, steps }
}

async function totalChanges(db: Db): Promise<number> {
  return Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? 0)
}
