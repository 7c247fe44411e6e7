// The worker loop: polls for due jobs, runs them with a heart-beaten lease, records the end.
// Delivery is at-least-once: a worker can die after a handler's effect but before "done" is
// written, and the job then runs again. Handlers must therefore be idempotent.
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Db, Dialect } from '../../db/index.js'
import { claimJobs, extendLease, failAbandonedJobs, finishJob, type JobRow, type Outcome } from './lease.js'

/** What a handler learns about the run it is doing. */
export interface JobContext {
  jobId: number
  kind: string
  /** 1 on the first run; higher after failures or after a worker died mid-run. */
  attempt: number
  maxAttempts: number
  uniqueKey: string | null
  /** Aborted when this worker lost the lease (another worker may now be running the job). */
  signal: AbortSignal
}

/**
 * Does one job. Must be idempotent: it may run again after a crash, even after its effect
 * happened. Validate `payload`: a job enqueued by an older version may carry an older shape.
 * Throwing schedules a retry with backoff until the attempts run out.
 */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>

/** Pino-shaped logging (Fastify's `app.log` fits). */
export interface JobLog {
  info(data: object, message: string): void
  warn(data: object, message: string): void
  error(data: object, message: string): void
}

/** How to build a runner. */
export interface JobRunnerOptions {
  db: Db
  dialect: Dialect
  handlers: Readonly<Record<string, JobHandler>>
  /** Shown in locked_by; unique per runner. Default: host:pid:random. */
  workerId?: string | undefined
  /** Wait between passes when idle. Default 1000 ms. */
  pollMs?: number | undefined
  /** How long a claim lasts without a heartbeat; heartbeats come every leaseMs/3. Default 30 s. */
  leaseMs?: number | undefined
  /** Jobs run at the same time by this runner. Default 4. */
  concurrency?: number | undefined
  /**
   * Claim only the kinds in `handlers`, leaving others to another runner: slow media jobs get a
   * runner of their own so a transcode never holds up a scheduled publication.
   */
  onlyOwnKinds?: boolean | undefined
  log?: JobLog | undefined
}

/** A started or startable worker loop. */
export interface JobRunner {
  readonly workerId: string
  /** Starts polling; the timers are unref'd, so they never keep the process alive alone. */
  start(): void
  /** Stops polling and resolves once every running handler has finished and been recorded. */
  stop(): Promise<void>
  /** One claim-and-run pass; resolves when the jobs it claimed have finished. Returns how many it ran. */
  runDueJobs(): Promise<number>
  /** Asks for a pass now (call after enqueueing in this process, once the transaction committed). */
  wake(): void
}

const consoleLog: JobLog = {
  info: () => {},
  warn: (data, message) => console.warn(message, data),
  error: (data, message) => console.error(message, data),
}

/** Builds a runner over the jobs table; nothing happens until `start()` or `runDueJobs()`. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, dialect, handlers } = options
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  const pollMs = options.pollMs ?? 1000
  const leaseMs = options.leaseMs ?? 30_000
  const concurrency = options.concurrency ?? 4
  const log = options.log ?? consoleLog

  const running = new Map<number, Promise<void>>()
  let passTail: Promise<unknown> = Promise.resolve()
  let started = false
  let ticking = false
  let wakeRequested = false
  let timer: NodeJS.Timeout | undefined

  /** Passes never overlap: each waits for the one before. */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const result = passTail.then(fn, fn)
    passTail = result.catch(() => {})
    return result
  }

  /** Claims as many jobs as there are free slots and starts them; returns their completions. */
  async function claimPass(): Promise<Promise<void>[]> {
    const free = concurrency - running.size
    if (free <= 0) return []
    const now = new Date()
    const abandoned = await failAbandonedJobs(db, now)
    if (abandoned)
      log.warn({ workerId, count: abandoned }, 'jobs failed after their worker stopped on the last attempt')
    const jobs = await claimJobs(db, dialect, {
      workerId,
      limit: free,
      leaseMs,
      now,
      exclude: [...running.keys()],
      kinds: options.onlyOwnKinds ? Object.keys(options.handlers) : undefined,
    })
    return jobs.map(job => {
      const done = runJob(job).finally(() => {
        running.delete(job.id)
        if (started) wake()
      })
      running.set(job.id, done)
      return done
    })
  }

  /** Runs one claimed job under a heartbeat; never rejects. */
  async function runJob(job: JobRow): Promise<void> {
    const lease = new AbortController()
    const heartbeat = startHeartbeat(job.id, lease)
    let outcome: Outcome
    try {
      const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined
      if (!handler) {
        outcome = {
          ok: false,
          error: new Error(`no handler for job kind "${job.kind}"`),
          attempts: job.attempts,
          maxAttempts: job.max_attempts,
          permanent: true,
        }
      } else {
        const ctx: JobContext = {
          jobId: job.id,
          kind: job.kind,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          uniqueKey: job.unique_key,
          signal: lease.signal,
        }
        await handler(JSON.parse(job.payload) as unknown, ctx)
        outcome = { ok: true }
      }
    } catch (error) {
      outcome = { ok: false, error, attempts: job.attempts, maxAttempts: job.max_attempts }
    }
    await heartbeat.stop()
    if (!outcome.ok)
      log.warn({ workerId, jobId: job.id, kind: job.kind, attempt: job.attempts, err: outcome.error }, 'job failed')
    try {
      const finish = await finishJob(db, job.id, workerId, outcome)
      // A re-enqueued row ('requeued') is routine and goes unsaid: recurring jobs re-arm
      // themselves while they run. A job taken over means this worker's lease ran out mid-run,
      // which is worth an operator's look.
      if (finish === 'lost')
        log.warn(
          { workerId, jobId: job.id, kind: job.kind },
          'job was taken over by another worker while running; its outcome was not recorded',
        )
    } catch (error) {
      // The lease will expire and another pass will run it again.
      log.error({ workerId, jobId: job.id, kind: job.kind, err: error }, 'could not record the end of a job')
    }
  }

  function startHeartbeat(id: number, lease: AbortController) {
    let beat: Promise<void> = Promise.resolve()
    let beating = false
    const interval = setInterval(
      () => {
        if (beating) return
        beating = true
        beat = extendLease(db, id, workerId, leaseMs)
          .then(kept => {
            if (!kept && !lease.signal.aborted) {
              log.warn(
                { workerId, jobId: id },
                'lost the lease on a running job (cancelled, or taken over after a stall)',
              )
              lease.abort(new Error('job lease lost'))
            }
          })
          .catch((error: unknown) => log.warn({ workerId, jobId: id, err: error }, 'could not extend a job lease'))
          .finally(() => {
            beating = false
          })
      },
      Math.max(Math.floor(leaseMs / 3), 10),
    )
    interval.unref()
    return {
      async stop() {
        clearInterval(interval)
        await beat
      },
    }
  }

  function schedule(ms: number): void {
    if (!started) return
    clearTimeout(timer)
    timer = setTimeout(() => void tick(), ms)
    timer.unref()
  }

  async function tick(): Promise<void> {
    if (ticking) {
      wakeRequested = true
      return
    }
    ticking = true
    wakeRequested = false
    try {
      await serialized(claimPass)
    } catch (error) {
      log.error({ workerId, err: error }, 'job pass failed')
    } finally {
      ticking = false
    }
    schedule(wakeRequested ? 0 : pollMs)
  }

  function wake(): void {
    if (ticking) wakeRequested = true
    else schedule(0)
  }

  return {
    workerId,
    start() {
      if (started) return
      started = true
      schedule(0)
    },
    async stop() {
      started = false
      clearTimeout(timer)
      await passTail
      while (running.size) await Promise.allSettled([...running.values()])
    },
    async runDueJobs() {
      const runs = await serialized(claimPass)
      await Promise.all(runs)
      return runs.length
    },
    wake,
  }
}

/** Several runners (say, quick jobs and slow media jobs) started, stopped and woken as one. */
export function combineRunners(first: JobRunner, ...others: JobRunner[]): JobRunner {
  const all = [first, ...others]
  return {
    workerId: first.workerId,
    start: () => {
      for (const runner of all) runner.start()
    },
    stop: async () => {
      await Promise.all(all.map(runner => runner.stop()))
    },
    runDueJobs: async () => {
      let ran = 0
      for (const runner of all) ran += await runner.runDueJobs()
      return ran
    },
    wake: () => {
      for (const runner of all) runner.wake()
    },
  }
}
