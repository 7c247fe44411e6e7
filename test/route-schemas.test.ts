// Route schemas compile at a route's first request (platform/http/lazy-schemas.ts), so an invalid
// one would show only when someone asks for that page: this compiles every route's schemas at once.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { compilePendingSchemas } from '../src/platform/http/lazy-schemas.js'
import { testApp } from './helpers.js'

describe('the site’s route schemas', () => {
  let site: Awaited<ReturnType<typeof testApp>> | undefined
  after(() => site?.dispose())

  it('every route’s schemas compile', async () => {
    site = await testApp()
    await site.app.ready()
    assert.ok(compilePendingSchemas() > 100, 'the routes left their schemas to compile at first use')
  })
})
