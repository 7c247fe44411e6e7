// A worker process killed with SIGKILL mid-job loses nothing: once its lease expires another
// process runs the job, and the job ends done exactly once. Real processes, real database.
import { after, before, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { testDatabase } from '../../../test/helpers.js'
import { enqueueJob } from './index.js'
import { configOf, eventually, sleep } from './test-support.js'

const LEASE_MS = 300
const WORKER = fileURLToPath(new URL('./test-worker.ts', import.meta.url))

interface LogLine {
  event: 'ready' | 'start' | 'end'
  worker: string
  job?: number
  attempt?: number
  at: number
}

let database: Awaited<ReturnType<typeof testDatabase>>
const children: ChildProcess[] = []
before(async () => {
  database = await testDatabase()
  await sql`create table job_marks (job_id integer primary key, worker text not null)`.execute(database.db)
})
after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await database.dispose()
})

const logFile = () => join(database.dataDir, 'jobs.log')
const logLines = (): LogLine[] =>
  existsSync(logFile())
    ? readFileSync(logFile(), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(l => JSON.parse(l) as LogLine)
    : []

function startWorker(name: string, sleepMs: number): ChildProcess & { output: string[]; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      JOBS_TEST_DB: JSON.stringify(configOf(database)),
      JOBS_TEST_LOG: logFile(),
      JOBS_TEST_SLEEP_MS: String(sleepMs),
      JOBS_TEST_LEASE_MS: String(LEASE_MS),
      JOBS_TEST_NAME: name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  children.push(child)
  return Object.assign(child, { output, exited })
}

const jobRow = (id: number) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

it('a job whose worker is SIGKILLed mid-run is finished by another process after the lease expires, exactly once', async () => {
  // Two worker processes: both sleep a minute inside the handler on a first attempt, so whichever
  // takes the job first is still inside it when it is killed.
  const workers = new Map([
    ['worker-a', startWorker('worker-a', 60_000)],
    ['worker-b', startWorker('worker-b', 60_000)],
  ])
  const ready = (name: string) => logLines().some(l => l.event === 'ready' && l.worker === name)
  await eventually(
    async () => ready('worker-a') && ready('worker-b'),
    15_000,
    `both workers to be ready (${[...workers.values()].flatMap(w => w.output).join('')})`,
  )

  const id = await enqueueJob(database.db, { kind: 'mark', uniqueKey: 'mark:1' })
  const first = await eventually(
    async () => logLines().find(l => l.event === 'start'),
    15_000,
    'a worker to start the job',
  )
  const victimName = first.worker
  const survivorName = victimName === 'worker-a' ? 'worker-b' : 'worker-a'
  const victim = workers.get(victimName)
  const survivor = workers.get(survivorName)
  assert.ok(victim && survivor)

  // The other worker polls all along, but the heartbeat keeps the lease alive for several lease lengths.
  await sleep(LEASE_MS * 3)
  const held = await jobRow(id)
  assert.equal(held.status, 'running')
  assert.equal(held.locked_by, victimName)
  assert.ok(new Date(held.locked_until ?? 0).getTime() > Date.now(), 'the heartbeat keeps the lease in the future')
  assert.equal(
    logLines().filter(l => l.event === 'start').length,
    1,
    'nobody else started the job while its worker was alive',
  )

  victim.kill('SIGKILL')
  await victim.exited
  const leaseAtDeath = new Date((await jobRow(id)).locked_until ?? 0).getTime()

  const finished = await eventually(
    async () => {
      const row = await jobRow(id)
      return row.status === 'done' && row
    },
    15_000,
    `the job to be done (${survivor.output.join('')})`,
  )
  assert.equal(finished.attempts, 2)

  const starts = logLines().filter(l => l.event === 'start')
  assert.deepEqual(
    starts.map(l => [l.worker, l.job, l.attempt]),
    [
      [victimName, id, 1],
      [survivorName, id, 2],
    ],
  )
  assert.ok((starts[1]?.at ?? 0) >= leaseAtDeath - 50, 'the survivor waited for the dead worker’s lease to expire')
  assert.deepEqual(
    logLines()
      .filter(l => l.event === 'end')
      .map(l => l.worker),
    [survivorName],
  )
  const marks = await sql<{ job_id: number; worker: string }>`select job_id, worker from job_marks`.execute(database.db)
  assert.deepEqual(
    marks.rows.map(r => [Number(r.job_id), r.worker]),
    [[id, survivorName]],
  )

  // The surviving worker keeps polling and finds nothing: the job does not run a third time.
  await sleep(LEASE_MS * 2)
  assert.equal(logLines().filter(l => l.event === 'start').length, 2)
  assert.equal((await jobRow(id)).status, 'done')

  survivor.kill('SIGTERM')
  await survivor.exited
  assert.equal(survivor.exitCode, 0, survivor.output.join(''))
})
