// Sign-in throttling that slows guessing without locking anyone out: an attacker who knows a
// staff member's address cannot keep them from signing in, however many times they fail.
// Waiting is done on a mocked clock (node:test's mock.timers), never by sleeping.
import { after, afterEach, before, describe, it, mock } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { cookieFrom, formSession, makeAccount, TEST_PASSWORD } from './newsroom-helpers.js'
import { listAudit } from '../src/newsroom/index.js'

describe('sign-in throttling', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let form: { token: string; cookie: string }

  before(async () => {
    t = await testApp()
    form = await formSession(t)
  })
  after(() => t.dispose())
  afterEach(() => mock.timers.reset())

  /** One sign-in from an address, as a browser there would post it. */
  const attempt = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      remoteAddress,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, password, _csrf: form.token }).toString(),
    })
  const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after'])
  const notice = (html: string) => html.match(/<div class="nr-notice nr-notice--error"[^>]*>(.*?)<\/div>/)?.[1]
  const freezeClock = () => mock.timers.enable({ apis: ['Date'], now: Date.now() })

  it('fifty failures from one address do not keep the editor out from another', async () => {
    const editor = await makeAccount(t, 'editor', 'editor@longview.example')
    const statuses = []
    for (let i = 0; i < 50; i++) statuses.push((await attempt(editor.email, `guess ${i}`, '203.0.113.7')).statusCode)
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401])
    assert.ok(
      statuses.slice(5).every(s => s === 429),
      'the attacker is refused after five failures',
    )
    const real = await attempt(editor.email, TEST_PASSWORD, '198.51.100.20')
    assert.equal(real.statusCode, 303)
    assert.ok(cookieFrom(real.headers['set-cookie'], 'newsreel_session'))
  })

  it('the attacker’s address is told to wait, longer after each failure it waits out', async () => {
    await makeAccount(t, 'editor', 'grow@example.org')
    freezeClock()
    for (let i = 0; i < 5; i++)
      assert.equal((await attempt('grow@example.org', 'guess', '203.0.113.8')).statusCode, 401)
    const waits = []
    for (let round = 0; round < 4; round++) {
      const refused = await attempt('grow@example.org', TEST_PASSWORD, '203.0.113.8')
      assert.equal(refused.statusCode, 429, 'even the right password waits at this address')
      assert.match(notice(refused.body) ?? '', /Too many sign-in attempts\. Wait \d+ (seconds|minutes) and try again/)
      waits.push(retryAfter(refused))
      mock.timers.tick(retryAfter(refused) * 1000)
      assert.equal(
        (await attempt('grow@example.org', 'guess', '203.0.113.8')).statusCode,
        401,
        'checked again once the wait is over',
      )
    }
    assert.deepEqual(waits, [30, 60, 120, 240])
  })

  it('failures from many addresses slow the account by at most ten seconds, never refuse it', async () => {
    const editor = await makeAccount(t, 'editor', 'target@example.org')
    freezeClock()
    const spread = (n: number, from: number) => Array.from({ length: n }, (_, i) => `192.0.2.${from + i}`)
    for (const ip of spread(40, 1)) await attempt(editor.email, 'guess', ip)
    const first = await attempt(editor.email, TEST_PASSWORD, '198.51.100.30')
    assert.equal(first.statusCode, 429)
    assert.ok(retryAfter(first) > 0 && retryAfter(first) <= 10, `Retry-After ${retryAfter(first)}`)
    assert.match(notice(first.body) ?? '', /many failed sign-ins recently/)
    // The attack goes on while the editor waits: those addresses waited out their own passes and fail again.
    mock.timers.tick(5_000)
    assert.equal(
      retryAfter(await attempt(editor.email, TEST_PASSWORD, '198.51.100.30')),
      5,
      'coming back early does not push the wait back',
    )
    mock.timers.tick(5_000)
    const again = await Promise.all(spread(40, 1).map(ip => attempt(editor.email, 'guess', ip)))
    assert.ok(
      again.some(res => res.statusCode === 401),
      'the attackers were checked (and failed) meanwhile',
    )
    const real = await attempt(editor.email, TEST_PASSWORD, '198.51.100.30')
    assert.equal(real.statusCode, 303, 'the right password gets through after the bounded wait')
  })

  it('one address trying many accounts is slowed down', async () => {
    for (let i = 0; i < 20; i++)
      assert.equal((await attempt(`stuffed-${i}@example.org`, 'password123', '203.0.113.50')).statusCode, 401)
    const account = await makeAccount(t, 'author', 'innocent@example.org')
    const refused = await attempt(account.email, TEST_PASSWORD, '203.0.113.50')
    assert.equal(refused.statusCode, 429)
    assert.ok(retryAfter(refused) > 0)
    assert.match(notice(refused.body) ?? '', /from your network/)
    assert.equal(
      (await attempt(account.email, TEST_PASSWORD, '198.51.100.51')).statusCode,
      303,
      'the account itself is untouched',
    )
  })

  it('a throttled unknown address gets exactly the answer a throttled real one gets', async () => {
    await makeAccount(t, 'author', 'real@example.org')
    freezeClock()
    for (let i = 0; i < 5; i++) {
      await attempt('real@example.org', 'guess', '203.0.113.60')
      await attempt('ghost@example.org', 'guess', '203.0.113.60')
    }
    const [real, ghost] = [
      await attempt('real@example.org', 'guess', '203.0.113.60'),
      await attempt('ghost@example.org', 'guess', '203.0.113.60'),
    ]
    assert.equal(real.statusCode, 429)
    assert.equal(ghost.statusCode, 429)
    assert.equal(retryAfter(real), retryAfter(ghost))
    assert.equal(notice(real.body), notice(ghost.body))
    assert.equal(real.body.replace(/real@example\.org/g, ''), ghost.body.replace(/ghost@example\.org/g, ''))
  })

  it('a successful sign-in clears its address’s failures for that account', async () => {
    const account = await makeAccount(t, 'author', 'typo@example.org')
    for (let i = 0; i < 4; i++) await attempt(account.email, 'typo', '198.51.100.70')
    assert.equal((await attempt(account.email, TEST_PASSWORD, '198.51.100.70')).statusCode, 303)
    for (let i = 0; i < 4; i++)
      assert.equal((await attempt(account.email, 'typo', '198.51.100.70')).statusCode, 401, 'five free failures again')
  })

  it('throttled attempts are in the audit log, with why', async () => {
    const audit = await listAudit(t.database.db, 500)
    const reasons = new Set(audit.filter(e => e.action === 'sign-in-throttled').map(e => e.detail.reason))
    assert.deepEqual([...reasons].sort(), ['account', 'address', 'pair'])
  })

  it('malformed sign-ins are refused with 400 and count for nothing', async () => {
    const malformed: Record<string, string>[] = [
      { email: 'x@example.org', _csrf: form.token },
      { email: 'x'.repeat(400), password: 'p', _csrf: form.token },
    ]
    for (const payload of malformed) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/sign-in',
        remoteAddress: '203.0.113.90',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(payload).toString(),
      })
      assert.equal(res.statusCode, 400)
    }
    const hits = await t.database.db
      .selectFrom('rate_limit_hits')
      .select('id')
      .where('bucket', 'like', '%203.0.113.90%')
      .execute()
    assert.equal(hits.length, 0)
  })
})
