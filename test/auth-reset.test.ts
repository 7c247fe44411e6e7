// Password reset answers the same way, doing the same work, whether or not an account uses the
// address: the request only queues a durable job, and the job looks the account up and mails.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { formSession, makeAccount } from './newsroom-helpers.js'
import { findJobByKey } from '../src/platform/jobs/index.js'
import { listAudit } from '../src/newsroom/index.js'

describe('password reset', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let smtp: TestSmtp

  before(async () => {
    smtp = await startSmtpServer()
    // Jobs run when the test says so, so what happens on the request path can be seen alone.
    t = await testApp({ smtpUrl: smtp.url, runJobs: false })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const ask = async (email: string, remoteAddress = '198.51.100.1') => {
    const form = await formSession(t, '/newsroom/forgot')
    return t.app.inject({
      method: 'POST',
      url: '/newsroom/forgot',
      remoteAddress,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, _csrf: form.token }).toString(),
    })
  }
  const resetTokens = (accountId: number) =>
    t.database.db
      .selectFrom('account_tokens')
      .select('id')
      .where('account_id', '=', accountId)
      .where('kind', '=', 'reset')
      .execute()

  it('answers the same for a real and an unknown address, and only queues a job', async () => {
    const account = await makeAccount(t, 'editor', 'real.editor@example.org')
    const [real, unknown] = [await ask('real.editor@example.org'), await ask('nobody.here@example.org')]
    assert.equal(real.statusCode, 200)
    assert.equal(unknown.statusCode, 200)
    assert.equal(real.body, unknown.body)
    assert.match(real.body, /If an account uses that address, we have sent it a link/)
    for (const email of ['real.editor@example.org', 'nobody.here@example.org']) {
      assert.equal((await findJobByKey(t.database.db, `password-reset:${email}`))?.status, 'queued', email)
    }
    assert.equal(smtp.received.length, 0, 'nothing mailed on the request path')
    assert.equal((await resetTokens(account.id)).length, 0, 'no link made on the request path')
    assert.ok(!(await listAudit(t.database.db, 50)).some(e => e.action === 'password-reset-requested'))
  })

  it('the job mails the real account its link, and nobody for the unknown address', async () => {
    await t.jobs.runDueJobs()
    assert.equal(smtp.to('real.editor@example.org').length, 1)
    assert.equal(smtp.to('nobody.here@example.org').length, 0)
    assert.equal(smtp.received.length, 1)
    assert.match(smtp.received[0]?.raw ?? '', /newsroom\/reset\?token=/)
    for (const email of ['real.editor@example.org', 'nobody.here@example.org']) {
      assert.equal((await findJobByKey(t.database.db, `password-reset:${email}`))?.status, 'done', email)
    }
    assert.ok(
      (await listAudit(t.database.db, 50)).some(
        e => e.action === 'password-reset-requested' && e.ip === '198.51.100.1',
      ),
    )
  })

  it('a disabled account is mailed nothing', async () => {
    const account = await makeAccount(t, 'author', 'gone@example.org')
    await t.database.db.updateTable('accounts').set({ active: 0 }).where('id', '=', account.id).execute()
    await ask('gone@example.org')
    await t.jobs.runDueJobs()
    assert.equal(smtp.to('gone@example.org').length, 0)
    assert.equal((await findJobByKey(t.database.db, 'password-reset:gone@example.org'))?.status, 'done')
  })

  it('more than three requests an hour for one address queue nothing more, with the same answer', async () => {
    await makeAccount(t, 'author', 'limited@example.org')
    const answers = []
    for (let i = 0; i < 3; i++) {
      answers.push(await ask('limited@example.org'))
      await t.jobs.runDueJobs()
    }
    assert.equal(smtp.to('limited@example.org').length, 3)
    const over = await ask('limited@example.org')
    assert.equal(over.statusCode, 200)
    assert.equal(over.body, answers[0]?.body)
    assert.equal(
      (await findJobByKey(t.database.db, 'password-reset:limited@example.org'))?.status,
      'done',
      'not armed again',
    )
    await t.jobs.runDueJobs()
    assert.equal(smtp.to('limited@example.org').length, 3)
  })

  it('a malformed request is refused with 400 and queues nothing', async () => {
    for (const email of ['not an address', 'x'.repeat(400)]) {
      const res = await ask(email)
      assert.equal(res.statusCode, 400, email.slice(0, 20))
    }
    const queued = await t.database.db.selectFrom('jobs').select('id').where('status', '=', 'queued').execute()
    assert.equal(queued.length, 0)
  })
})
