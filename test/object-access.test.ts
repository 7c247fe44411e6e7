// Object-level access in the newsroom: a role that may use a route may still only see the
// objects it is allowed to. Every newsroom GET route with an address parameter comes from the
// app's own route list, so a new route that leaks someone else's story fails here the day it
// is added.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { kindOf, makeEverything, type Everything } from './route-walk-fixtures.js'
import { makeStory, paragraphs } from './factories.js'

describe('object-level access in the newsroom', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let everything: Everything
  const as: Partial<Record<'contributor' | 'author' | 'admin', Browser>> = {}

  before(async () => {
    t = await testApp()
    everything = await makeEverything(t)
    as.contributor = await signInAs(t, 'contributor')
    as.author = await signInAs(t, 'author')
    as.admin = await signInAs(t, 'admin')
  })
  after(() => t.dispose())

  /** Every newsroom GET route with an address parameter, filled with an object that exists. */
  function idRoutes(): { route: string; url: string }[] {
    return t.routes
      .filter(r => r.method === 'GET' && r.url.startsWith('/newsroom') && r.url.includes(':'))
      .map(r => {
        const url = r.url.replace(/:file\b/, everything.mailFile).replace(/:id\b/, () => {
          const kind = kindOf(r.url)
          const id = kind === undefined ? undefined : everything.ids[kind]
          assert.ok(
            id !== undefined,
            `${r.url}: which kind of object does it show? Add one to test/route-walk-fixtures.ts`,
          )
          return String(id)
        })
        assert.ok(!url.includes(':'), `${r.url}: fill its other parameters in this test`)
        // A signed link's parameters, forged: the route must refuse, not merely find them missing.
        const signed = r.query.includes('sig') ? `?exp=${Date.now() + 3_600_000}&sig=forged` : ''
        return { route: r.url, url: url + signed }
      })
  }

  const get = (browser: Browser, url: string) => t.app.inject({ url, headers: { cookie: browser.cookie } })

  it('finds the id routes in the app’s own route list', () => {
    const routes = idRoutes().map(r => r.route)
    for (const expected of [
      '/newsroom/stories/:id',
      '/newsroom/stories/:id/revisions',
      '/newsroom/stories/:id/preview',
      '/newsroom/stories/:id/corrections',
      '/newsroom/newsletter/campaigns/:id/preview',
    ]) {
      assert.ok(routes.includes(expected), `${expected} is in the list`)
    }
  })

  it('every newsroom GET route with an id answers a contributor and an author 403 or 404 for an object that is not theirs', async () => {
    for (const { route, url } of idRoutes()) {
      for (const role of ['contributor', 'author'] as const) {
        const res = await get(as[role] as Browser, url)
        assert.ok(res.statusCode === 403 || res.statusCode === 404, `${role} GET ${url} (${route}) → ${res.statusCode}`)
        assert.ok(!res.body.includes('Ada Quimby'), `${role} GET ${url}: no removed text`)
      }
    }
  })

  it('the same addresses show the object to an admin, so the refusals above are about access, not absence', async () => {
    for (const { route, url } of idRoutes()) {
      // A preview is opened by its signed link, whoever holds it (checked in newsroom-stories.test.ts).
      if (route.endsWith('/preview') && route.startsWith('/newsroom/stories/')) continue
      const res = await get(as.admin as Browser, url)
      assert.ok(res.statusCode >= 200 && res.statusCode < 300, `admin GET ${url} → ${res.statusCode}`)
    }
  })

  it('a contributor reads the revisions of a story they write, but not the word diffs of someone else’s', async () => {
    const contributor = as.contributor as Browser
    const foreign = await get(contributor, `/newsroom/stories/${everything.foreignStoryId}/revisions?from=1&to=2`)
    assert.equal(foreign.statusCode, 403)
    assert.ok(!foreign.body.includes('Ada Quimby'))
    const admin = await get(as.admin as Browser, `/newsroom/stories/${everything.foreignStoryId}/revisions`)
    assert.ok(admin.body.includes('Ada Quimby'), 'the removed text is in the diff an editor sees')

    const account = await t.database.db
      .selectFrom('accounts')
      .select(['id'])
      .where('email', '=', contributor.email)
      .executeTakeFirstOrThrow()
    const own = await makeStory(t.database.db, {
      slug: 'own-story',
      status: 'draft',
      publishedAt: null,
      body: paragraphs('Mine.'),
    })
    await t.database.db.updateTable('stories').set({ owner_account_id: account.id }).where('id', '=', own.id).execute()
    assert.equal((await get(contributor, `/newsroom/stories/${own.id}/revisions`)).statusCode, 200)
    assert.equal((await get(contributor, `/newsroom/stories/${own.id}`)).statusCode, 200)
  })

  it('an author cannot open another writer’s story in the editor, nor restore one of its revisions', async () => {
    const author = as.author as Browser
    assert.equal((await get(author, `/newsroom/stories/${everything.foreignStoryId}`)).statusCode, 403)
    const restore = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${everything.foreignStoryId}/revisions/1/restore`,
      headers: { cookie: author.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ version: '2', _csrf: author.csrf }).toString(),
    })
    assert.equal(restore.statusCode, 403)
  })
})
