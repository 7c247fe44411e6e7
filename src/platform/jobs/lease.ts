// The runner's SQL: claiming due jobs under a lease, keeping the lease alive, and recording
// how a run ended. Every write after the claim is guarded by `locked_by = worker`, so a worker
// that lost its lease (it stalled and another took over) cannot overwrite the newer run.
import type { ExpressionBuilder, Selectable } from 'kysely'
import type { Db, Dialect, Tables } from '../../db/index.js'
import type { JobsTable } from './schema.js'

export type JobRow = Selectable<JobsTable>

/** Longest wait between retries, however many attempts have failed. */
const MAX_BACKOFF_MS = 60 * 60_000
/** last_error keeps the gist, not a novel. */
const MAX_ERROR_LENGTH = 2000

/** Wait before the next attempt after `attempts` failed ones: 2, 4, 8 … seconds, capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS)
}

/** Queued and due with no live lease, or running with an expired lease (its worker died) and attempts left. */
function isClaimable(eb: ExpressionBuilder<Tables, 'jobs'>, now: string) {
  return eb.or([
    eb.and([
      eb('status', '=', 'queued'),
      eb('run_at', '<=', now),
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]),
    ]),
    eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now), eb('attempts', '<', eb.ref('max_attempts'))]),
  ])
}

/** What one claim asks for. */
export interface Claim {
  workerId: string
  limit: number
  leaseMs: number
  now: Date
  /** Jobs this worker is already running, never claimed twice by it. */
  exclude: readonly number[]
  /** Only jobs of these kinds (a runner for slow media work beside one for quick jobs); all when unset. */
  kinds?: readonly string[] | undefined
}

/**
 * Atomically takes up to `limit` due jobs and marks them running under this worker's lease.
 * PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED in a transaction, so racing workers take
 * different rows without waiting on each other. SQLite: one UPDATE … WHERE id IN (SELECT …)
 * statement, atomic because SQLite has a single writer and takes the write lock up front.
 */
export async function claimJobs(db: Db, dialect: Dialect, claim: Claim): Promise<JobRow[]> {
  if (claim.limit <= 0) return []
  const now = claim.now.toISOString()
  const due = (q: Db) => {
    let select = q
      .selectFrom('jobs')
      .select('id')
      .where(eb => isClaimable(eb, now))
      .orderBy('run_at')
      .orderBy('id')
      .limit(claim.limit)
    if (claim.exclude.length) select = select.where('id', 'not in', [...claim.exclude])
    if (claim.kinds) select = select.where('kind', 'in', claim.kinds.length ? [...claim.kinds] : [''])
    return select
  }
  const markRunning = (q: Db) =>
    q.updateTable('jobs').set(eb => ({
      status: 'running' as const,
      locked_by: claim.workerId,
      locked_until: new Date(claim.now.getTime() + claim.leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))

  const rows =
    dialect === 'postgres'
      ? await db.transaction().execute(async trx => {
          const ids = (await due(trx).forUpdate().skipLocked().execute()).map(r => r.id)
          return ids.length ? markRunning(trx).where('id', 'in', ids).returningAll().execute() : []
        })
      : await markRunning(db).where('id', 'in', due(db)).returningAll().execute()
  return rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id - b.id))
}

/**
 * Gives up on running jobs whose lease expired on their last attempt: their worker died (or was
 * killed) every time, so running them again could crash the next worker too.
 */
export async function failAbandonedJobs(db: Db, now: Date): Promise<number> {
  const at = now.toISOString()
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      last_error: 'lease expired on the last attempt: the worker running it stopped before finishing',
      finished_at: at,
      updated_at: at,
      locked_by: null,
      locked_until: null,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<=', at)
    .where(eb => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Pushes the lease forward; false when this worker no longer holds it (taken over, or cancelled). */
export async function extendLease(db: Db, id: number, workerId: string, leaseMs: number): Promise<boolean> {
  const now = Date.now()
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: new Date(now + leaseMs).toISOString(), updated_at: new Date(now).toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** How a run ended, as the runner reports it. */
export type Outcome =
  | { ok: true }
  | { ok: false; error: unknown; attempts: number; maxAttempts: number; permanent?: boolean | undefined }

/** Describes a thrown value for last_error. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text
}

function outcomeSet(outcome: Outcome, now: Date) {
  const at = now.toISOString()
  const released = { locked_by: null, locked_until: null, updated_at: at }
  if (outcome.ok) return { ...released, status: 'done' as const, finished_at: at }
  const lastError = describeError(outcome.error)
  if (!outcome.permanent && outcome.attempts < outcome.maxAttempts) {
    return {
      ...released,
      status: 'queued' as const,
      last_error: lastError,
      run_at: new Date(now.getTime() + backoffMs(outcome.attempts)).toISOString(),
    }
  }
  return { ...released, status: 'failed' as const, last_error: lastError, finished_at: at }
}

/** How a run's end was taken: recorded; the row re-enqueued meanwhile (a recurring job re-arming
 * itself, or a new request for the same key), so only our lease was released; or lost to another
 * worker that took the job over. */
export type FinishResult = 'recorded' | 'requeued' | 'lost'

/**
 * Records the end of this worker's run: done, queued again with backoff, or failed. When the
 * row was re-enqueued meanwhile (status queued, still carrying our lease), only the lease is
 * released so the new request runs; when another worker took it over, nothing is written.
 */
export async function finishJob(
  db: Db,
  id: number,
  workerId: string,
  outcome: Outcome,
  now = new Date(),
): Promise<FinishResult> {
  const result = await db
    .updateTable('jobs')
    .set(outcomeSet(outcome, now))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) > 0) return 'recorded'
  const released = await db
    .updateTable('jobs')
    .set({ locked_by: null, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst()
  return Number(released.numUpdatedRows) > 0 ? 'requeued' : 'lost'
}
