// How long a newsroom session lasts (idle and absolute), and its cookie over HTTP and HTTPS.
// Days pass on a mocked clock (node:test's mock.timers), never by sleeping.
import { after, afterEach, before, describe, it, mock } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { cookieFrom, makeAccount, signIn, TEST_PASSWORD } from './newsroom-helpers.js'
import { loadConfig } from '../src/config.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const DAY = 86_400_000

/** Whether a session cookie still opens the newsroom. */
async function signedIn(t: TestApp, cookie: string, headers: Record<string, string> = {}): Promise<boolean> {
  const res = await t.app.inject({ url: '/newsroom', headers: { cookie, ...headers } })
  assert.ok(res.statusCode === 200 || res.statusCode === 303, `answered ${res.statusCode}`)
  return res.statusCode === 200
}

/** Signs in over HTTPS, as a browser behind the TLS-terminating proxy would. */
async function signInOverHttps(t: TestApp, email: string) {
  const https = { 'x-forwarded-proto': 'https' }
  const page = await t.app.inject({ url: '/newsroom/sign-in', headers: https })
  const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    headers: { ...https, cookie: `newsreel_form=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password: TEST_PASSWORD, _csrf: token }).toString(),
  })
}

describe('sessions', () => {
  let t: TestApp
  before(async () => {
    t = await testApp({ trustProxy: 1 })
  })
  after(() => t.dispose())
  afterEach(() => mock.timers.reset())

  it('over HTTP the cookie has its plain name, lives 30 days, and is not Secure', async () => {
    const account = await makeAccount(t, 'author')
    const line = await signInOverHttp(t, account.email)
    assert.match(line, /^newsreel_session=[^;]+; Path=\/; SameSite=Lax; HttpOnly; Max-Age=2592000$/)
    assert.equal(await signedIn(t, line.split(';')[0] ?? ''), true)
  })

  it('over HTTPS the cookie is __Host-newsreel_session: Secure, Path=/, no Domain', async () => {
    const account = await makeAccount(t, 'author')
    const res = await signInOverHttps(t, account.email)
    assert.equal(res.statusCode, 303)
    const line = [res.headers['set-cookie']].flat().find(l => l?.startsWith('__Host-newsreel_session=')) ?? ''
    assert.match(line, /^__Host-newsreel_session=[^;]+; Path=\/; SameSite=Lax; HttpOnly; Secure; Max-Age=2592000$/)
    assert.ok(!/domain=/i.test(line))
    assert.equal(
      cookieFrom(res.headers['set-cookie'], 'newsreel_session'),
      undefined,
      'no plain-named cookie over HTTPS',
    )
    const token = cookieFrom(res.headers['set-cookie'], '__Host-newsreel_session') ?? ''
    assert.equal(await signedIn(t, `__Host-newsreel_session=${token}`, { 'x-forwarded-proto': 'https' }), true)
    // A plain-named cookie over HTTPS is what a sibling subdomain could plant: it is not read.
    assert.equal(await signedIn(t, `newsreel_session=${token}`, { 'x-forwarded-proto': 'https' }), false)
  })

  it('an active session ends 30 days after sign-in; an idle one after 14', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() })
    const active = await signIn(t, (await makeAccount(t, 'author')).email)
    const idle = await signIn(t, (await makeAccount(t, 'author')).email)
    // Used on days 10, 20 and 29: never idle for fourteen days.
    for (const days of [10, 10, 9]) {
      mock.timers.tick(days * DAY)
      assert.equal(await signedIn(t, active.cookie), true)
    }
    assert.equal(await signedIn(t, idle.cookie), false, 'fourteen idle days ended the other session')
    mock.timers.tick(1.01 * DAY)
    assert.equal(await signedIn(t, active.cookie), false, 'refused on day 30 although used every ten days')
  })

  it('a session older than its lifetime is refused even when its expiry says otherwise', async () => {
    const browser = await signIn(t, (await makeAccount(t, 'author')).email)
    // As a session made before the absolute lifetime existed: created long ago, still sliding.
    await t.database.db
      .updateTable('sessions')
      .set({
        created_at: new Date(Date.now() - 31 * DAY).toISOString(),
        expires_at: new Date(Date.now() + 10 * DAY).toISOString(),
      })
      .where('revoked_at', 'is', null)
      .where('last_seen_at', '>', new Date(Date.now() - 60_000).toISOString())
      .execute()
    assert.equal(await signedIn(t, browser.cookie), false)
  })

  /** Signs in over plain HTTP and returns the session's set-cookie line. */
  async function signInOverHttp(app: TestApp, email: string): Promise<string> {
    const page = await app.app.inject({ url: '/newsroom/sign-in' })
    const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    const res = await app.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      headers: { cookie: `newsreel_form=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, password: TEST_PASSWORD, _csrf: token }).toString(),
    })
    return [res.headers['set-cookie']].flat().find(l => l?.startsWith('newsreel_session=')) ?? ''
  }
})

describe('SESSION_MAX_DAYS', () => {
  let t: TestApp
  before(async () => {
    t = await testApp({ sessionMaxDays: loadConfig({ SESSION_MAX_DAYS: '3' }).sessionMaxDays })
  })
  after(() => t.dispose())
  afterEach(() => mock.timers.reset())

  it('shortens every session to that many days, cookie included', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() })
    const account = await makeAccount(t, 'editor')
    const browser = await signIn(t, account.email)
    mock.timers.tick(2 * DAY)
    assert.equal(await signedIn(t, browser.cookie), true)
    mock.timers.tick(1.01 * DAY)
    assert.equal(await signedIn(t, browser.cookie), false)
    const page = await t.app.inject({ url: '/newsroom/sign-in' })
    const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      headers: { cookie: `newsreel_form=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: account.email, password: TEST_PASSWORD, _csrf: token }).toString(),
    })
    assert.match([res.headers['set-cookie']].flat().join('\n'), /newsreel_session=[^;]+;.*Max-Age=259200/)
  })
})
