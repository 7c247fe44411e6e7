// The queue's caller-facing SQL: enqueue, cancel, and what a status page shows.
import type { Selectable } from 'kysely'
import type { Db } from '../../db/index.js'
import { parseJsonColumn } from '../json.js'
import { nowIso } from '../time.js'
import { JOB_STATUSES, type JobStatus, type JobsTable } from './schema.js'

/** How many attempts a job gets unless the caller says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5

/** A job as the rest of the code sees it: camelCase, payload parsed. */
export interface Job {
  id: number
  kind: string
  payload: unknown
  runAt: string
  status: JobStatus
  attempts: number
  maxAttempts: number
  lockedBy: string | null
  lockedUntil: string | null
  lastError: string | null
  uniqueKey: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

/** What `enqueueJob` takes. */
export interface NewJob {
  kind: string
  /** Anything JSON can hold; handlers receive it parsed and should validate it. */
  payload?: unknown | undefined
  /** Not before this instant; now when omitted. */
  runAt?: Date | string | undefined
  /** One job per key: re-enqueueing replaces the payload and time instead of adding a row. */
  uniqueKey?: string | undefined
  maxAttempts?: number | undefined
}

/** Maps a row to a `Job`. */
export function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: parseJsonColumn<unknown>(row.payload, null),
    runAt: row.run_at,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    uniqueKey: row.unique_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  }
}

function isoInstant(value: Date | string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`)
  return date.toISOString()
}

/**
 * Adds a job and returns its id; pass a transaction to commit it together with the write that
 * asked for it. With a `uniqueKey` the one row for that key is re-armed instead: queued again with
 * the new payload and time and fresh attempts, whatever its status. If that job is running right
 * now, the new run waits for the current run's lease (it is not started alongside it).
 */
export async function enqueueJob(db: Db, job: NewJob): Promise<number> {
  const now = nowIso()
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${maxAttempts}`)
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      run_at: job.runAt === undefined ? now : isoInstant(job.runAt),
      status: 'queued',
      attempts: 0,
      max_attempts: maxAttempts,
      unique_key: job.uniqueKey ?? null,
      created_at: now,
      updated_at: now,
    })
    // locked_by/locked_until are deliberately kept: a running job's lease keeps the re-armed row
    // from being claimed until that run ends (the runner then releases it).
    .onConflict(oc =>
      oc.column('unique_key').doUpdateSet(eb => ({
        kind: eb.ref('excluded.kind'),
        payload: eb.ref('excluded.payload'),
        run_at: eb.ref('excluded.run_at'),
        max_attempts: eb.ref('excluded.max_attempts'),
        status: 'queued',
        attempts: 0,
        last_error: null,
        finished_at: null,
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Removes the queued job with this key (unscheduling); true when there was one. A running job is not stopped. */
export async function cancelJob(db: Db, uniqueKey: string): Promise<boolean> {
  const result = await db
    .deleteFrom('jobs')
    .where('unique_key', '=', uniqueKey)
    .where('status', '=', 'queued')
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** The job with this key, if any; lets a caller show "scheduled for …". */
export async function findJobByKey(db: Db, uniqueKey: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('unique_key', '=', uniqueKey).executeTakeFirst()
  return row && toJob(row)
}

/** Jobs for a status page: queued ones soonest first, others most recently touched first. */
export async function listJobs(
  db: Db,
  options: { status?: JobStatus | undefined; kind?: string | undefined; limit: number },
): Promise<Job[]> {
  let query = db.selectFrom('jobs').selectAll().limit(options.limit)
  if (options.status) query = query.where('status', '=', options.status)
  if (options.kind) query = query.where('kind', '=', options.kind)
  query =
    options.status === 'queued'
      ? query.orderBy('run_at', 'asc').orderBy('id', 'asc')
      : query.orderBy('updated_at', 'desc').orderBy('id', 'desc')
  return (await query.execute()).map(toJob)
}

/** How many jobs are in each status (zero included). */
export async function jobCounts(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(eb => ['status', eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute()
  const counts = Object.fromEntries(JOB_STATUSES.map(s => [s, 0])) as Record<JobStatus, number>
  for (const row of rows) if (row.status in counts) counts[row.status] = Number(row.count)
  return counts
}

/** Deletes done and failed jobs that finished before `before`, so the table stays small; returns how many. */
export async function pruneFinishedJobs(db: Db, before: Date | string): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', isoInstant(before))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
