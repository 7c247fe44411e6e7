// A job that runs again and again: one row (by its unique key) that re-arms itself for the next
// run when a run ends, so however many processes start, the work is done once an interval.
import type { Db } from '../../db/index.js'
import type { JobHandler } from './runner.js'
import { enqueueJob } from './store.js'

/** A recurring job: its handler for a runner, and `arm` to queue its first run. */
export interface RecurringJob {
  kind: string
  handler: JobHandler
  /** Queues a run now (re-arming the one row); call when job runners start. */
  arm(db: Db): Promise<void>
}

/** Wraps `work` so that each run, once finished, queues the next one `everyMs` later. */
export function recurringJob(db: Db, o: { kind: string; everyMs: number; work: () => Promise<void> }): RecurringJob {
  const uniqueKey = `recurring:${o.kind}`
  const queue = (target: Db, runAt: Date) => enqueueJob(target, { kind: o.kind, uniqueKey, runAt, payload: null })
  return {
    kind: o.kind,
    async handler() {
      // Re-armed first, so the next run is queued even if this one fails (a failure is simply
      // tried again an interval later; the runner leaves a re-armed row alone when a run ends).
      await queue(db, new Date(Date.now() + o.everyMs))
      await o.work()
    },
    async arm(target) {
      await queue(target, new Date())
    },
  }
}
