// Every newsroom route × every role (and signed out): allowed, or refused with 403 (signed
// in) or a redirect to sign in / 401 (signed out). Routes come from the app itself, so a new
// route is covered the day it is added.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { hasRole, ROLES, type Role } from '../src/newsroom/index.js'

describe('the role matrix', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const browsers = new Map<Role, Browser>()

  before(async () => {
    t = await testApp()
    for (const role of ROLES) browsers.set(role, await signInAs(t, role))
  })
  after(() => t.dispose())

  /** A concrete address for a route pattern. */
  const concrete = (url: string) =>
    url
      .replace(/:id\b/g, '1')
      .replace(/:file\b/g, 'none.eml')
      .replace(/:[a-z]+/gi, 'x')

  it('covers the newsroom', () => {
    assert.ok(t.staffRoutes.length >= 8, `only ${t.staffRoutes.length} staff routes found`)
    assert.ok(
      t.staffRoutes.every(r => r.url.startsWith('/newsroom')),
      'staff routes live under /newsroom',
    )
  })

  it('signed out: pages redirect to sign in, changes and API calls are 401', async () => {
    for (const route of t.staffRoutes) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      })
      // Pages send a browser to sign in; the JSON the editor fetches answers 401.
      if (route.method === 'GET' && !route.url.startsWith('/newsroom/api/')) {
        assert.equal(res.statusCode, 303, `${route.method} ${route.url}`)
        assert.match(String(res.headers.location), /^\/newsroom\/sign-in\?next=/)
      } else {
        assert.equal(res.statusCode, 401, `${route.method} ${route.url}`)
      }
    }
  })

  for (const role of ROLES) {
    it(`as ${role}: exactly the routes the role allows`, async () => {
      const browser = browsers.get(role)
      assert.ok(browser)
      // Signing out ends the session the other checks use, so it goes last.
      const routes = [...t.staffRoutes].sort(
        (a, b) => Number(a.url.endsWith('/sign-out')) - Number(b.url.endsWith('/sign-out')),
      )
      for (const route of routes) {
        const isGet = route.method === 'GET'
        const res: { statusCode: number; headers: Record<string, unknown> } = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: {
            cookie: browser.cookie,
            ...(isGet ? {} : { 'content-type': 'application/json', 'x-csrf-token': browser.csrf }),
          },
          ...(isGet ? {} : { payload: '{}' }),
        })
        const allowed = hasRole(role, route.role as Role)
        const where = `${role} ${route.method} ${route.url} → ${res.statusCode}`
        const toSignIn =
          res.statusCode === 303 &&
          String(res.headers.location).startsWith('/newsroom/sign-in') &&
          !route.url.endsWith('/sign-out')
        if (allowed) assert.ok(res.statusCode !== 401 && res.statusCode !== 403 && !toSignIn, where)
        else assert.equal(res.statusCode, 403, where)
        assert.ok(res.statusCode < 500, where)
      }
    })
  }
})
