// Table types for the durable job queue. Platform machinery: no newsroom words here.
import type { Generated } from 'kysely'

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
/** queued: waiting for run_at · running: leased by a worker · done · failed: out of attempts or unknown kind. */
export type JobStatus = (typeof JOB_STATUSES)[number]

/** One unit of background work, claimed by a worker under a lease. */
export interface JobsTable {
  id: Generated<number>
  /** Which handler runs it, e.g. `publish-scheduled`. */
  kind: string
  /** JSON text given to the handler. */
  payload: string
  /** Not before this instant (ISO string). */
  run_at: string
  status: JobStatus
  /** Claims so far, including one whose worker died mid-run. */
  attempts: number
  max_attempts: number
  /** The worker holding the lease, while running (or while a re-enqueued job waits for that run to end). */
  locked_by: string | null
  /** When the lease expires; a worker that stops heart-beating loses the job at this instant. */
  locked_until: string | null
  last_error: string | null
  /** Caller-chosen idempotency key (`publish:story:12`); one row per key. */
  unique_key: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}
