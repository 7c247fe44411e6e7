import { after, before, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../../test/helpers.js'
import { openDatabase, type Database } from '../../db/index.js'
import {
  cancelJob,
  createJobRunner,
  enqueueJob,
  findJobByKey,
  jobCounts,
  listJobs,
  pruneFinishedJobs,
  type JobHandler,
  type JobRunnerOptions,
} from './index.js'
import { configOf, eventually, sleep } from './test-support.js'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

describe('jobs', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(async () => {
    await database.dispose()
  })
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute()
  })

  const runner = (handlers: Record<string, JobHandler>, options: Partial<JobRunnerOptions> = {}) =>
    createJobRunner({ db: database.db, dialect: database.dialect, handlers, log: quiet, ...options })
  const row = (id: number) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const moveRunAt = (id: number, at: Date) =>
    database.db.updateTable('jobs').set({ run_at: at.toISOString() }).where('id', '=', id).execute()
  const secondsFromNow = (iso: string) => (new Date(iso).getTime() - Date.now()) / 1000

  it('a due job runs once, with its payload, and is marked done', async () => {
    const seen: unknown[] = []
    const id = await enqueueJob(database.db, { kind: 'greet', payload: { name: 'Ada' } })
    const jobs = runner({
      greet: async payload => {
        seen.push(payload)
      },
    })
    assert.equal(await jobs.runDueJobs(), 1)
    assert.equal(await jobs.runDueJobs(), 0)
    assert.deepEqual(seen, [{ name: 'Ada' }])
    const done = await row(id)
    assert.equal(done.status, 'done')
    assert.equal(done.attempts, 1)
    assert.ok(done.finished_at)
    assert.equal(done.locked_by, null)
  })

  it('a job scheduled in the future does not run until its time comes', async () => {
    let runs = 0
    const id = await enqueueJob(database.db, { kind: 'later', runAt: new Date(Date.now() + 3_600_000) })
    const jobs = runner({
      later: async () => {
        runs++
      },
    })
    assert.equal(await jobs.runDueJobs(), 0)
    assert.equal((await row(id)).status, 'queued')
    await moveRunAt(id, new Date(Date.now() - 1000))
    assert.equal(await jobs.runDueJobs(), 1)
    assert.equal(runs, 1)
  })

  it('a failing job is retried with growing backoff, then failed with its error after the last attempt', async () => {
    let calls = 0
    const id = await enqueueJob(database.db, { kind: 'flaky', maxAttempts: 3 })
    const jobs = runner({
      flaky: async () => {
        calls++
        throw new Error(`boom ${calls}`)
      },
    })

    assert.equal(await jobs.runDueJobs(), 1)
    let job = await row(id)
    assert.equal(job.status, 'queued')
    assert.equal(job.attempts, 1)
    assert.equal(job.last_error, 'Error: boom 1')
    assert.ok(Math.abs(secondsFromNow(job.run_at) - 2) < 1, `retry ~2 s later, got ${secondsFromNow(job.run_at)}`)
    assert.equal(await jobs.runDueJobs(), 0, 'not before the backoff has passed')

    await moveRunAt(id, new Date(Date.now() - 1))
    assert.equal(await jobs.runDueJobs(), 1)
    job = await row(id)
    assert.equal(job.status, 'queued')
    assert.ok(Math.abs(secondsFromNow(job.run_at) - 4) < 1, `retry ~4 s later, got ${secondsFromNow(job.run_at)}`)

    await moveRunAt(id, new Date(Date.now() - 1))
    assert.equal(await jobs.runDueJobs(), 1)
    job = await row(id)
    assert.equal(job.status, 'failed')
    assert.equal(job.attempts, 3)
    assert.equal(job.last_error, 'Error: boom 3')
    assert.ok(job.finished_at)
    assert.equal(calls, 3)
  })

  it('a job of a kind nobody handles fails at once with an error naming the kind', async () => {
    const id = await enqueueJob(database.db, { kind: 'mystery' })
    assert.equal(await runner({}).runDueJobs(), 1)
    const job = await row(id)
    assert.equal(job.status, 'failed')
    assert.match(job.last_error ?? '', /no handler for job kind "mystery"/)
  })

  it('enqueueing twice with one unique key keeps one job with the newer payload and time, and cancelling removes it', async () => {
    const soon = new Date(Date.now() + 60_000)
    const later = new Date(Date.now() + 120_000)
    const first = await enqueueJob(database.db, {
      kind: 'publish',
      payload: { v: 1 },
      runAt: soon,
      uniqueKey: 'publish:thing:1',
    })
    const second = await enqueueJob(database.db, {
      kind: 'publish',
      payload: { v: 2 },
      runAt: later,
      uniqueKey: 'publish:thing:1',
    })
    assert.equal(second, first)
    const jobs = await listJobs(database.db, { limit: 10 })
    assert.equal(jobs.length, 1)
    assert.deepEqual(jobs[0]?.payload, { v: 2 })
    assert.equal(jobs[0]?.runAt, later.toISOString())

    assert.equal(await cancelJob(database.db, 'publish:thing:1'), true)
    assert.equal(await cancelJob(database.db, 'publish:thing:1'), false)
    assert.equal(await findJobByKey(database.db, 'publish:thing:1'), undefined)
    assert.equal(await runner({ publish: async () => assert.fail('cancelled job ran') }).runDueJobs(), 0)
  })

  it('enqueueing inside a transaction that rolls back leaves no job', async () => {
    await assert.rejects(
      database.db.transaction().execute(async trx => {
        await enqueueJob(trx, { kind: 'ghost' })
        throw new Error('roll back')
      }),
    )
    assert.deepEqual(await jobCounts(database.db), { queued: 0, running: 0, done: 0, failed: 0 })
  })

  it('re-enqueueing the key of a finished job queues it to run again', async () => {
    const seen: unknown[] = []
    const jobs = runner({
      send: async payload => {
        seen.push(payload)
      },
    })
    const id = await enqueueJob(database.db, { kind: 'send', payload: 1, uniqueKey: 'send:1' })
    await jobs.runDueJobs()
    assert.equal(await enqueueJob(database.db, { kind: 'send', payload: 2, uniqueKey: 'send:1' }), id)
    const job = await row(id)
    assert.equal(job.status, 'queued')
    assert.equal(job.attempts, 0)
    await jobs.runDueJobs()
    assert.deepEqual(seen, [1, 2])
  })

  it('a job re-enqueued while it runs runs again after the current run, never alongside it', async () => {
    const runs: unknown[] = []
    let release!: () => void
    const gate = new Promise<void>(resolve => {
      release = resolve
    })
    let active = 0
    const handlers = {
      edit: async (payload: unknown) => {
        active++
        assert.equal(active, 1, 'two runs of one key at once')
        runs.push(payload)
        if (payload === 'old') await gate
        active--
      },
    }
    const first = runner(handlers, { leaseMs: 300 })
    const other = runner(handlers, { leaseMs: 300 })
    await enqueueJob(database.db, { kind: 'edit', payload: 'old', uniqueKey: 'edit:1' })
    const firstPass = first.runDueJobs()
    await eventually(async () => runs.length === 1, 5000, 'the first run to start')
    await enqueueJob(database.db, { kind: 'edit', payload: 'new', uniqueKey: 'edit:1' })
    await sleep(400) // longer than a lease: the heartbeat must keep the new request waiting
    assert.equal(await other.runDueJobs(), 0)
    release()
    await firstPass
    assert.equal(await other.runDueJobs(), 1)
    assert.deepEqual(runs, ['old', 'new'])
    assert.equal((await findJobByKey(database.db, 'edit:1'))?.status, 'done')
  })

  it('a run whose row was re-enqueued ends quietly; a run whose job another worker took over warns and records nothing', async () => {
    const warnings: string[] = []
    const log = {
      ...quiet,
      warn: (_data: object, message: string) => {
        warnings.push(message)
      },
    }
    const rearming = await enqueueJob(database.db, { kind: 'rearm', uniqueKey: 'rearm:1' })
    await runner(
      {
        rearm: async () => {
          await enqueueJob(database.db, { kind: 'rearm', uniqueKey: 'rearm:1', runAt: new Date(Date.now() + 60_000) })
        },
      },
      { log },
    ).runDueJobs()
    assert.deepEqual(warnings, [])
    assert.equal((await row(rearming)).status, 'queued')
    assert.equal((await row(rearming)).locked_by, null, 'the lease is released for the next run')

    const stolen = await enqueueJob(database.db, { kind: 'stolen' })
    const steal = () =>
      database.db.updateTable('jobs').set({ locked_by: 'other-worker', attempts: 2 }).where('id', '=', stolen).execute()
    await runner(
      {
        stolen: async () => {
          await steal()
        },
      },
      { log, workerId: 'slow-worker' },
    ).runDueJobs()
    assert.deepEqual(warnings, ['job was taken over by another worker while running; its outcome was not recorded'])
    const job = await row(stolen)
    assert.equal(job.status, 'running', "the other worker's run is left to it")
    assert.equal(job.locked_by, 'other-worker')
  })

  it('a running job whose lease expired (its worker died) is reclaimed and run', async () => {
    let runs = 0
    const id = await enqueueJob(database.db, { kind: 'orphan' })
    await database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 1,
        locked_by: 'dead-worker',
        locked_until: new Date(Date.now() - 1000).toISOString(),
      })
      .where('id', '=', id)
      .execute()
    assert.equal(
      await runner(
        {
          orphan: async () => {
            runs++
          },
        },
        { workerId: 'rescuer' },
      ).runDueJobs(),
      1,
    )
    const job = await row(id)
    assert.equal(runs, 1)
    assert.equal(job.status, 'done')
    assert.equal(job.attempts, 2)
  })

  it('a running job whose lease has not expired is left to its worker', async () => {
    const id = await enqueueJob(database.db, { kind: 'busy' })
    await database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 1,
        locked_by: 'live-worker',
        locked_until: new Date(Date.now() + 60_000).toISOString(),
      })
      .where('id', '=', id)
      .execute()
    assert.equal(await runner({ busy: async () => assert.fail('stolen') }).runDueJobs(), 0)
  })

  it('a job whose worker died on its last attempt is failed rather than run again', async () => {
    const id = await enqueueJob(database.db, { kind: 'crashy', maxAttempts: 2 })
    await database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 2,
        locked_by: 'dead-worker',
        locked_until: new Date(Date.now() - 1000).toISOString(),
      })
      .where('id', '=', id)
      .execute()
    assert.equal(await runner({ crashy: async () => assert.fail('ran again') }).runDueJobs(), 0)
    const job = await row(id)
    assert.equal(job.status, 'failed')
    assert.match(job.last_error ?? '', /lease expired/)
  })

  it('the heartbeat keeps a job that outlives its lease from being taken by another worker', async () => {
    let runs = 0
    const id = await enqueueJob(database.db, { kind: 'long' })
    const slow = runner(
      {
        long: async () => {
          runs++
          await sleep(1000)
        },
      },
      { leaseMs: 300 },
    )
    const thief = runner(
      {
        long: async () => {
          runs++
        },
      },
      { leaseMs: 300 },
    )
    const pass = slow.runDueJobs()
    for (let i = 0; i < 4; i++) {
      await sleep(200)
      assert.equal(await thief.runDueJobs(), 0)
    }
    await pass
    assert.equal(runs, 1)
    assert.equal((await row(id)).status, 'done')
  })

  it('two runners racing on separate connections never run one job twice', async () => {
    const other: Database = await openDatabase(configOf(database))
    try {
      const executions = new Map<number, number>()
      const handler: JobHandler = async (_payload, ctx) => {
        executions.set(ctx.jobId, (executions.get(ctx.jobId) ?? 0) + 1)
        await sleep(Math.random() * 5)
      }
      const ids: number[] = []
      for (let i = 0; i < 50; i++) ids.push(await enqueueJob(database.db, { kind: 'count', payload: i }))
      // Four runners, two per connection: on PostgreSQL every one has its own pooled connection.
      const runners = [database, other, database, other].map(d =>
        createJobRunner({ db: d.db, dialect: d.dialect, handlers: { count: handler }, concurrency: 5, log: quiet }),
      )
      const drain = async (r: (typeof runners)[number]) => {
        let total = 0
        for (let n = -1; n !== 0; ) {
          n = await r.runDueJobs()
          total += n
        }
        return total
      }
      const totals = await Promise.all(runners.map(drain))
      assert.equal(
        totals.reduce((sum, n) => sum + n, 0),
        50,
        'each job counted by exactly one pass',
      )
      assert.ok(totals.filter(n => n > 0).length > 1, `the runners shared the work: ${totals.join(', ')}`)
      assert.deepEqual(
        [...executions.keys()].sort((x, y) => x - y),
        ids,
      )
      assert.ok(
        [...executions.values()].every(n => n === 1),
        'some job ran twice',
      )
      assert.deepEqual(await jobCounts(database.db), { queued: 0, running: 0, done: 50, failed: 0 })
    } finally {
      await other.close()
    }
  })

  it('stop() waits for a running handler to finish and be recorded', async () => {
    let release!: () => void
    let started = false
    const gate = new Promise<void>(resolve => {
      release = resolve
    })
    const id = await enqueueJob(database.db, { kind: 'slow' })
    const jobs = runner(
      {
        slow: async () => {
          started = true
          await gate
        },
      },
      { pollMs: 10 },
    )
    jobs.start()
    await eventually(async () => started, 5000, 'the handler to start')
    let stopped = false
    const stopping = jobs.stop().then(() => {
      stopped = true
    })
    await sleep(50)
    assert.equal(stopped, false)
    release()
    await stopping
    assert.equal((await row(id)).status, 'done')
  })

  it('the polling loop runs queued jobs, and wake() runs a new one without waiting for the next poll', async () => {
    const ran: number[] = []
    const jobs = runner(
      {
        tick: async (_p, ctx) => {
          ran.push(ctx.jobId)
        },
      },
      { pollMs: 60_000 },
    )
    const early = await enqueueJob(database.db, { kind: 'tick' })
    jobs.start()
    try {
      await eventually(async () => ran.includes(early), 5000, 'the first pass')
      const late = await enqueueJob(database.db, { kind: 'tick' })
      jobs.wake()
      await eventually(async () => ran.includes(late), 5000, 'the woken pass')
    } finally {
      await jobs.stop()
    }
  })

  it('listJobs filters by status, jobCounts counts each status, and old finished jobs can be pruned', async () => {
    await enqueueJob(database.db, { kind: 'ok' })
    await enqueueJob(database.db, { kind: 'bad', maxAttempts: 1 })
    await enqueueJob(database.db, { kind: 'ok', runAt: new Date(Date.now() + 60_000) })
    await runner({
      ok: async () => {},
      bad: async () => {
        throw new Error('nope')
      },
    }).runDueJobs()
    assert.deepEqual(await jobCounts(database.db), { queued: 1, running: 0, done: 1, failed: 1 })
    const failed = await listJobs(database.db, { status: 'failed', limit: 10 })
    assert.deepEqual(
      failed.map(j => [j.kind, j.lastError]),
      [['bad', 'Error: nope']],
    )
    assert.equal(await pruneFinishedJobs(database.db, new Date(Date.now() + 1000)), 2)
    assert.deepEqual(await jobCounts(database.db), { queued: 1, running: 0, done: 0, failed: 0 })
  })
})
