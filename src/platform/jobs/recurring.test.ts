import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../../test/helpers.js'
import { createJobRunner, recurringJob } from './index.js'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

describe('recurring jobs', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(async () => {
    await database.dispose()
  })

  it('runs once when armed by several processes, then waits its interval, then runs again; a failed run still comes back', async () => {
    let runs = 0
    let fail = false
    const tidy = recurringJob(database.db, {
      kind: 'tidy',
      everyMs: 3_600_000,
      async work() {
        runs++
        if (fail) throw new Error('disk busy')
      },
    })
    const runner = createJobRunner({
      db: database.db,
      dialect: database.dialect,
      handlers: { tidy: tidy.handler },
      log: quiet,
    })
    await tidy.arm(database.db)
    await tidy.arm(database.db)
    const rows = () => database.db.selectFrom('jobs').selectAll().where('kind', '=', 'tidy').execute()
    assert.equal((await rows()).length, 1, 'one row however many processes arm it')

    assert.equal(await runner.runDueJobs(), 1)
    assert.equal(runs, 1)
    assert.equal(await runner.runDueJobs(), 0, 'not again before its interval')
    const [next] = await rows()
    assert.equal(next?.status, 'queued')
    const inMinutes = (Date.parse(next!.run_at) - Date.now()) / 60_000
    assert.ok(inMinutes > 55 && inMinutes <= 60, `next run in about an hour, not ${inMinutes} minutes`)

    fail = true
    await database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', 'tidy')
      .execute()
    await runner.runDueJobs()
    assert.equal(runs, 2)
    const [afterFailure] = await rows()
    assert.equal(afterFailure?.status, 'queued', 'a failure leaves the next run queued')
    assert.ok(Date.parse(afterFailure!.run_at) > Date.now() + 55 * 60_000)
  })
})
