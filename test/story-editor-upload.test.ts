// The story editor offers uploading images exactly to the roles the upload API accepts: the
// page's hero field and body editor carry the upload address for them and for nobody else.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { signInAs } from './newsroom-helpers.js'
import { hasRole, ROLES, type Role } from '../src/newsroom/index.js'

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('uploading from the story editor', () => {
  let t: Awaited<ReturnType<typeof testApp>>

  before(async () => {
    t = await testApp()
  })
  after(() => t.dispose())

  for (const role of ROLES) {
    it(`as ${role}: the editor page offers uploading exactly when the upload API accepts the role`, async () => {
      const browser = await signInAs(t, role)
      const headers = { cookie: browser.cookie, 'x-csrf-token': browser.csrf, accept: 'application/json' }
      const page = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: browser.cookie } })
      assert.equal(page.statusCode, 200)
      const offered = page.body.match(/data-upload-url="\/newsroom\/api\/uploads"/g)?.length ?? 0

      const started = await t.app.inject({
        method: 'POST',
        url: '/newsroom/api/uploads',
        headers: {
          ...headers,
          'upload-length': '100',
          'upload-metadata': `kind ${b64('image')},filename ${b64('a.png')},alt ${b64('A picture')}`,
        },
      })
      if (started.statusCode === 201)
        await t.app.inject({ method: 'DELETE', url: String(started.headers.location), headers })
      const accepted = started.statusCode === 201
      assert.ok(accepted || started.statusCode === 403, started.body)
      // The route table says the same, so a change to the API's role shows up here by name.
      const route = t.staffRoutes.find(r => r.method === 'POST' && r.url === '/newsroom/api/uploads')
      assert.equal(accepted, hasRole(role, route?.role as Role))
      assert.equal(offered, accepted ? 2 : 0, 'the hero field and the body editor both offer it, or neither')
      assert.match(page.body, /data-hero-field/)
    })
  }
})
