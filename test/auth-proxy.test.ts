// Behind a reverse proxy: whose address the sign-in limits key on. A client cannot choose its
// own address with X-Forwarded-For unless the request came through a proxy TRUST_PROXY names.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { formSession } from './newsroom-helpers.js'
import { loadConfig } from '../src/config.js'
import { listAudit } from '../src/newsroom/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** A failed sign-in for `email` from a socket address with an X-Forwarded-For header; returns its status. */
async function failFrom(t: TestApp, email: string, remoteAddress: string, forwardedFor?: string): Promise<number> {
  const form = await formSession(t)
  const res = await t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress,
    headers: {
      cookie: form.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    payload: new URLSearchParams({ email, password: 'a guess', _csrf: form.token }).toString(),
  })
  return res.statusCode
}

/** The address the newsroom recorded for the last failed sign-in on `email`. */
async function recordedAddress(t: TestApp, email: string): Promise<string | undefined> {
  return (await listAudit(t.database.db, 200)).find(e => e.subject === `email:${email}`)?.ip
}

/** The app with TRUST_PROXY set as an operator would set it. */
const appTrusting = (value: string | undefined) =>
  testApp({ trustProxy: loadConfig({ TRUST_PROXY: value }).trustProxy })

describe('TRUST_PROXY unset', () => {
  let t: TestApp
  before(async () => {
    t = await appTrusting(undefined)
  })
  after(() => t.dispose())

  it('a spoofed X-Forwarded-For does not change the address the limits key on', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push(await failFrom(t, 'spoof@example.org', '203.0.113.1', `198.51.100.${i}`))
    assert.deepEqual(
      statuses,
      [401, 401, 401, 401, 401, 429],
      'a new forged address each time does not escape the limit',
    )
    assert.equal(await recordedAddress(t, 'spoof@example.org'), '203.0.113.1')
  })

  it('X-Forwarded-Proto from a client is not believed either', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } })
    assert.equal(res.headers['strict-transport-security'], undefined)
  })
})

describe('TRUST_PROXY=1', () => {
  let t: TestApp
  before(async () => {
    t = await appTrusting('1')
  })
  after(() => t.dispose())

  it('the address the one proxy appended is the client’s, whatever the client wrote before it', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++)
      statuses.push(await failFrom(t, 'hop@example.org', '127.0.0.1', `10.9.9.${i}, 198.51.100.7`))
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429])
    assert.equal(await recordedAddress(t, 'hop@example.org'), '198.51.100.7')
  })

  it('two clients behind the proxy are limited apart', async () => {
    for (let i = 0; i < 5; i++) await failFrom(t, 'two@example.org', '127.0.0.1', '198.51.100.8')
    assert.equal(await failFrom(t, 'two@example.org', '127.0.0.1', '198.51.100.8'), 429)
    assert.equal(
      await failFrom(t, 'two@example.org', '127.0.0.1', '198.51.100.9'),
      401,
      'the other client is still checked',
    )
  })
})

describe('TRUST_PROXY with a CIDR range', () => {
  let t: TestApp
  before(async () => {
    t = await appTrusting('10.0.0.0/8')
  })
  after(() => t.dispose())

  it('a listed proxy’s X-Forwarded-For is believed up to the first address outside the list', async () => {
    await failFrom(t, 'cidr@example.org', '10.0.0.5', '6.6.6.6, 198.51.100.10, 10.0.0.7')
    assert.equal(await recordedAddress(t, 'cidr@example.org'), '198.51.100.10')
  })

  it('a client outside the list cannot forge its address or its scheme', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push(await failFrom(t, 'direct@example.org', '203.0.113.2', `10.0.0.${i + 1}`))
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429])
    assert.equal(await recordedAddress(t, 'direct@example.org'), '203.0.113.2')
    const https = await t.app.inject({
      url: '/',
      remoteAddress: '203.0.113.2',
      headers: { 'x-forwarded-proto': 'https' },
    })
    assert.equal(https.headers['strict-transport-security'], undefined)
    const proxied = await t.app.inject({
      url: '/',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-proto': 'https' },
    })
    assert.match(String(proxied.headers['strict-transport-security']), /max-age=/)
  })
})
