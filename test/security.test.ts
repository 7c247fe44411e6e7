// Headers on every response, hostile requests, and what never reaches the logs.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { testApp } from './helpers.js'
import { makeImage, makeStory } from './factories.js'
import { loggerOptions, redactUrl } from '../src/platform/http/logging.js'

describe('security', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let imageKey = ''

  before(async () => {
    t = await testApp({ trustProxy: 1 })
    await makeStory(t.database.db, { slug: 'plain' })
    await t.storage.put('images/test/safe.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
    await t.storage.put('images/test/evil.html', Buffer.from('<script>alert(1)</script>'))
    imageKey = (await makeImage(t.database.db, { storageKey: 'images/test/safe.jpg' })).storageKey
  })
  after(() => t.dispose())

  it('every kind of response carries the security headers', async () => {
    const html = await t.app.inject('/stories/plain')
    const stylesheet = html.body.match(/href="(\/assets\/site\.[a-f0-9]+\.css)"/)?.[1] ?? ''
    for (const url of ['/', '/stories/plain', '/stories/missing', '/healthz', stylesheet, `/media/${imageKey}`, '/%']) {
      const res = await t.app.inject(url)
      const csp = String(res.headers['content-security-policy'])
      // Pages allow script from our own origin only; stored files allow none at all.
      assert.ok(
        url.startsWith('/media/') ? /default-src 'none'.*sandbox/.test(csp) : /script-src 'self'(;|$)/.test(csp),
        `${url}: ${csp}`,
      )
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url)
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url)
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url)
    }
  })

  it('pages carry no inline script other than JSON-LD data blocks', async () => {
    const html = (await t.app.inject('/stories/plain')).body
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map(m => m[1])
    // Scripts are JSON-LD data blocks or our own bundled islands, loaded from /assets/ (never inline code).
    assert.ok(
      scripts.every(
        attrs =>
          attrs?.includes('type="application/ld+json"') ||
          /^ type="module" src="\/assets\/[\w.-]+\.js"$/.test(attrs ?? ''),
      ),
      scripts.join(' | '),
    )
    assert.ok(!/ on[a-z]+=/i.test(html), 'no inline event handlers')
  })

  it('HSTS is sent over HTTPS only', async () => {
    assert.equal((await t.app.inject('/')).headers['strict-transport-security'], undefined)
    const https = await t.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } })
    assert.match(String(https.headers['strict-transport-security']), /max-age=\d+/)
  })

  it('stored files are served with a media type, never as HTML, and paths cannot escape the folder', async () => {
    const image = await t.app.inject(`/media/${imageKey}`)
    assert.equal(image.statusCode, 200)
    assert.equal(image.headers['content-type'], 'image/jpeg')
    assert.match(String(image.headers['content-security-policy']), /sandbox/)
    assert.equal((await t.app.inject('/media/images/test/evil.html')).statusCode, 404)
    for (const url of [
      '/media/../data/newsreel.db',
      '/media/images/../../etc/passwd.jpg',
      '/media/%2e%2e/%2e%2e/etc/passwd.jpg',
      '/media/images//x.jpg',
    ]) {
      const res = await t.app.inject(url)
      assert.ok(res.statusCode === 404 || res.statusCode === 400, `${url} answered ${res.statusCode}`)
    }
  })

  it('hostile headers and methods get 4xx or a normal page, never a 500', async () => {
    const cases = [
      { url: '/', headers: { 'accept-encoding': 'br;q=abc, '.repeat(200) } },
      { url: '/', headers: { accept: '*/*;;;;q=', 'if-none-match': '"\u0000"' } },
      { url: '/stories/plain', headers: { 'x-forwarded-host': 'evil.example', host: 'evil.example' } },
      { url: '/', headers: { cookie: 'a='.repeat(1000) } },
      { url: '/', method: 'POST' as const, payload: 'x' },
      { url: '/', method: 'DELETE' as const },
      {
        url: '/stories/plain',
        method: 'PUT' as const,
        headers: { 'content-type': 'application/json' },
        payload: '{"a":',
      },
    ]
    for (const c of cases) {
      const res = await t.app.inject(c)
      assert.ok(res.statusCode < 500, `${c.method ?? 'GET'} ${c.url} answered ${res.statusCode}`)
    }
  })

  it('canonical links use the configured public address, not the Host header', async () => {
    const res = await t.app.inject({ url: '/stories/plain', headers: { host: 'evil.example' } })
    assert.ok(res.body.includes('href="https://news.example.org/stories/plain"'))
    assert.ok(!res.body.includes('evil.example'))
  })

  it('logs never carry cookies, authorization or secret query parameters', async () => {
    assert.equal(redactUrl('/reset?token=abc123&next=/x'), '/reset?token=%5Bredacted%5D&next=%2Fx')
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const options = loggerOptions('info')
    const app = Fastify({ logger: { ...(options as object), stream } })
    app.get('/reset', async () => 'ok')
    await app.inject({
      url: '/reset?token=s3cr3t-token',
      headers: { cookie: 'session=s3cr3t-session', authorization: 'Bearer s3cr3t-bearer' },
    })
    await app.close()
    const log = lines.join('')
    assert.ok(log.includes('/reset'), 'the request was logged')
    for (const secret of ['s3cr3t-token', 's3cr3t-session', 's3cr3t-bearer'])
      assert.ok(!log.includes(secret), `log leaks ${secret}`)
  })
})
