// Whole numbers from outside are finite and bounded on every route: `Infinity`, `1e400`, `-1`,
// `NaN`, `01x` and numbers past a route's maximum answer 400 naming the parameter, never 500.
// The routes come from the app's own list, so a route added tomorrow is walked too.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { makeEverything, SLUG, type Everything } from './route-walk-fixtures.js'

const BAD = ['Infinity', '1e400', '-Infinity', '-1', 'NaN', '01x', '0x10', '1.5', '99999999999999999999']
const COMMON_QUERY = ['page', 'limit', 'offset', 'version', 'id', 'from', 'to', 'perPage']

describe('whole numbers from outside', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let everything: Everything
  let admin: Browser

  before(async () => {
    t = await testApp()
    everything = await makeEverything(t)
    admin = await signInAs(t, 'admin')
  })
  after(() => t.dispose())

  /** The route's address with its parameters filled: `bad` in every one, or real objects when `bad` is undefined. */
  function fill(url: string, bad?: string): string {
    return url
      .replace(/:([A-Za-z]+)/g, (_m, name: string) => {
        if (bad !== undefined) return encodeURIComponent(bad)
        if (name === 'file') return everything.mailFile
        if (name === 'id' || name === 'version') return '1'
        return SLUG
      })
      .replace(/\*$/, 'x')
  }

  it('no GET route answers 5xx to hostile numbers in its address or its query, signed out or as an admin', async () => {
    const routes = t.routes.filter(r => r.method === 'GET')
    assert.ok(routes.length > 50, `only ${routes.length} routes`)
    const failures: string[] = []
    for (const route of routes) {
      for (const bad of BAD) {
        const query = [...new Set([...COMMON_QUERY, ...route.query])]
          .map(name => `${name}=${encodeURIComponent(bad)}`)
          .join('&')
        for (const url of [fill(route.url, bad), `${fill(route.url)}?${query}`]) {
          for (const headers of [{}, { cookie: admin.cookie }]) {
            const res = await t.app.inject({ url, headers })
            if (res.statusCode >= 500) failures.push(`${res.statusCode} ${url}${'cookie' in headers ? ' (admin)' : ''}`)
          }
        }
      }
    }
    assert.deepEqual(failures, [])
  })

  it('listing pages answer 400 naming the parameter, as a page', async () => {
    for (const url of [
      '/articles?page=Infinity',
      '/documentaries?page=1e400',
      `/topics/${SLUG}?page=-Infinity`,
      `/people/${SLUG}?page=NaN`,
      '/corrections?page=01x',
      `/podcasts/${SLUG}?page=10001`,
      '/search?q=one&page=1e400',
    ]) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 400, url)
      assert.match(String(res.headers['content-type']), /text\/html/, url)
      assert.match(res.body, /“page”/, url)
    }
  })

  it('the search API answers 400 in JSON naming page or limit', async () => {
    for (const [url, name] of [
      ['/api/search?q=one&page=Infinity', 'page'],
      ['/api/search?q=one&limit=Infinity', 'limit'],
      ['/api/search?q=one&limit=21', 'limit'],
      ['/api/search?q=one&page=-1', 'page'],
    ]) {
      const res = await t.app.inject(url as string)
      assert.equal(res.statusCode, 400, url)
      const body = res.json() as { error: { code: string; message: string } }
      assert.equal(body.error.code, 'invalid_input')
      assert.ok(body.error.message.includes(`“${name}”`), body.error.message)
    }
  })

  it('newsroom ids, pages and versions answer 400 naming the parameter; the newsroom API answers in JSON', async () => {
    const cookie = admin.cookie
    for (const [url, name] of [
      ['/newsroom/stories/Infinity', 'id'],
      ['/newsroom/stories?page=1e400', 'page'],
      ['/newsroom/audit?page=Infinity', 'page'],
      [`/newsroom/stories/${everything.foreignStoryId}/revisions?from=1e400`, 'from'],
      ['/newsroom/newsletter/campaigns?page=-Infinity', 'page'],
    ]) {
      const res = await t.app.inject({ url: url as string, headers: { cookie } })
      assert.equal(res.statusCode, 400, url)
      assert.match(res.body, new RegExp(`“${name}”`), url)
    }
    const api = await t.app.inject({ url: `/newsroom/api/documentaries/1e400/film`, headers: { cookie } })
    assert.equal(api.statusCode, 400)
    assert.match(String(api.headers['content-type']), /application\/json/)
    assert.match(api.body, /“id”/)
    const restore = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${everything.foreignStoryId}/revisions/Infinity/restore`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ version: '2', _csrf: admin.csrf }).toString(),
    })
    assert.equal(restore.statusCode, 400)
    assert.match(restore.body, /“version”/)
  })

  it('plain numbers within bounds still work, leading zeros included', async () => {
    assert.equal((await t.app.inject('/api/search?q=one&page=1&limit=20')).statusCode, 200)
    assert.equal(
      (await t.app.inject({ url: '/newsroom/stories?page=2', headers: { cookie: admin.cookie } })).statusCode,
      200,
    )
    assert.equal(
      (
        await t.app.inject({
          url: `/newsroom/stories/0${everything.foreignStoryId}`,
          headers: { cookie: admin.cookie },
        })
      ).statusCode,
      200,
    )
  })
})
