// A worker process for crash.test.ts: opens the test database named in JOBS_TEST_DB (JSON
// database config) and runs a runner whose `mark` handler logs its start to JOBS_TEST_LOG,
// sleeps JOBS_TEST_SLEEP_MS on a first attempt, then writes an idempotent marker row. SIGTERM stops it cleanly;
// the test SIGKILLs it to simulate a crash. Test-only: it reads the environment itself.
import { appendFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { DatabaseConfig } from '../../config.js'
import { openDatabase } from '../../db/index.js'
import { createJobRunner } from './runner.js'

const config = JSON.parse(process.env.JOBS_TEST_DB ?? '') as DatabaseConfig
const logFile = process.env.JOBS_TEST_LOG ?? ''
const sleepMs = Number(process.env.JOBS_TEST_SLEEP_MS ?? '0')
const leaseMs = Number(process.env.JOBS_TEST_LEASE_MS ?? '300')
const name = process.env.JOBS_TEST_NAME ?? 'worker'

const database = await openDatabase(config)
const runner = createJobRunner({
  db: database.db,
  dialect: database.dialect,
  workerId: name,
  leaseMs,
  pollMs: 25,
  log: { info: () => {}, warn: () => {}, error: (data, message) => console.error(message, data) },
  handlers: {
    async mark(_payload, ctx) {
      appendFileSync(
        logFile,
        `${JSON.stringify({ event: 'start', worker: name, job: ctx.jobId, attempt: ctx.attempt, at: Date.now() })}\n`,
      )
      if (ctx.attempt === 1) await new Promise(resolve => setTimeout(resolve, sleepMs))
      // The effect, made idempotent by its key: running twice leaves one row.
      await sql`insert into job_marks (job_id, worker) values (${ctx.jobId}, ${name}) on conflict (job_id) do nothing`.execute(
        database.db,
      )
      appendFileSync(logFile, `${JSON.stringify({ event: 'end', worker: name, job: ctx.jobId, at: Date.now() })}\n`)
    },
  },
})

process.on('SIGTERM', () => {
  void runner
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0))
})
// The runner's timers are unref'd by design; this process exists only to run it.
setInterval(() => {}, 60_000)
runner.start()
appendFileSync(logFile, `${JSON.stringify({ event: 'ready', worker: name, at: Date.now() })}\n`)
