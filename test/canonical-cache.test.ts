// The page cache holds canonical addresses only: a flood of made-up addresses (junk query
// parameters, percent-encoded letters, trailing slashes, `page=01`) answers redirects to the
// canonical address and never pushes the real pages out of the cache.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeStory } from './factories.js'

describe('canonical addresses and the page cache', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const hit = async (url: string) => (await t.app.inject(url)).headers['x-cache'] === 'hit'

  before(async () => {
    // A small cache, so a flood that reached it would push the real pages out.
    t = await testApp({ pageCacheBytes: 2 * 1024 * 1024 })
    for (let i = 0; i < 3; i++) await makeStory(t.database.db, { slug: `flood-${i}`, title: `Flood story ${i}` })
  })
  after(() => t.dispose())

  it('answers a non-canonical address with a 301 to the canonical one', async () => {
    const cases: [string, string][] = [
      ['/?x=1', '/'],
      ['/%61rticles', '/articles'],
      ['/articles/', '/articles'],
      ['/articles?page=01', '/articles?page=1'],
      ['/articles?page=2&junk=1', '/articles?page=2'],
      ['/stories/flood-0?ref=x', '/stories/flood-0'],
      ['/stories/fl%6Fod-0/', '/stories/flood-0'],
      ['/topics/%7esomething', '/topics/~something'],
    ]
    for (const [from, to] of cases) {
      const res = await t.app.inject(from)
      assert.equal(res.statusCode, 301, from)
      assert.equal(res.headers.location, to, from)
      assert.equal(
        res.headers['x-content-type-options'],
        'nosniff',
        `${from}: the redirect carries the security headers`,
      )
    }
  })

  it('keeps tracking parameters through a redirect, and serves them from the canonical page’s cache entry', async () => {
    const res = await t.app.inject('/stories/flood-1/?utm_source=mail&junk=1')
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, '/stories/flood-1?utm_source=mail')
    await t.app.inject('/stories/flood-1')
    const size = t.cache.size
    const tracked = await t.app.inject('/stories/flood-1?utm_source=mail&fbclid=abc&gclid=def')
    assert.equal(tracked.statusCode, 200)
    assert.equal(tracked.headers['x-cache'], 'hit', 'answered from the canonical address’s entry')
    assert.equal(t.cache.size, size, 'no entry of its own')
    // A shared link's start time (?t=90) is read by the player in the browser: the same page, the same entry.
    const timed = await t.app.inject('/stories/flood-1?t=90')
    assert.equal(timed.statusCode, 200)
    assert.equal(timed.headers['x-cache'], 'hit')
    assert.equal(t.cache.size, size)
  })

  it('a flood of distinct addresses leaves the home page and story pages cached, and the cache bounded', async () => {
    const canonical = ['/', '/articles', '/stories/flood-0', '/stories/flood-1', '/stories/flood-2']
    for (const url of canonical) await t.app.inject(url)
    for (const url of canonical) assert.ok(await hit(url), `${url} cached before the flood`)
    const before = { size: t.cache.size, bytes: t.cache.bytesUsed }

    const statuses = new Map<number, number>()
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
    for (let n = 1; n <= 3000; n++) {
      const urls = [
        `/?x=${n}`,
        `/stories/flood-${n % 3}?utm_n=${n}`,
        `/articles?page=${'0'.repeat(1 + (n % 5))}1&q${n}=1`,
      ]
      if (n <= 300)
        urls.push(`/%61rticles?n=${n}`, `/stories/flood-${n % 3}/?x=${n}`, `/${'%61'.repeat(1 + (n % 7))}bout?v=${n}`)
      for (const url of urls) count((await t.app.inject(url)).statusCode)
    }
    assert.ok(!statuses.has(500), 'no failures')
    // The utm_ copies are answered from the cache; everything else is redirected.
    assert.ok((statuses.get(301) ?? 0) >= 6000, `redirects: ${JSON.stringify([...statuses])}`)

    for (const url of canonical) assert.ok(await hit(url), `${url} still served from the cache after the flood`)
    assert.equal(t.cache.size, before.size, 'no new entries')
    assert.equal(t.cache.bytesUsed, before.bytes, 'no new bytes')
  })

  it('routes outside the page cache are not redirected', async () => {
    const res = await t.app.inject('/search?q=flood&x=1')
    assert.equal(res.statusCode, 200)
  })
})
