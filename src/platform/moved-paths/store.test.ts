import { after, before, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../../test/helpers.js'
import { findMovedPath, recordMovedPath } from './index.js'

describe('moved paths', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(async () => {
    await database.dispose()
  })
  beforeEach(async () => {
    await database.db.deleteFrom('moved_paths').execute()
  })
  const db = () => database.db

  it('an address that never moved has nowhere to go', async () => {
    assert.equal(await findMovedPath(db(), '/documentaries/anything'), undefined)
  })

  it('a moved address, and every address below it, lead to the new one', async () => {
    await recordMovedPath(db(), '/podcasts/night-shift', '/podcasts/night-desk')
    assert.equal(await findMovedPath(db(), '/podcasts/night-shift'), '/podcasts/night-desk')
    assert.equal(await findMovedPath(db(), '/podcasts/night-shift/'), '/podcasts/night-desk')
    assert.equal(await findMovedPath(db(), '/podcasts/night-shift/feed.xml'), '/podcasts/night-desk/feed.xml')
    assert.equal(await findMovedPath(db(), '/podcasts/night-shift-2'), undefined, 'a longer slug is another address')
    assert.equal(await findMovedPath(db(), '/podcasts'), undefined, 'the address above is not moved')
  })

  it('renames one after another end at the newest address, the most specific move first', async () => {
    await recordMovedPath(db(), '/podcasts/a/first', '/podcasts/a/second')
    await recordMovedPath(db(), '/podcasts/a', '/podcasts/b')
    await recordMovedPath(db(), '/podcasts/b', '/podcasts/c')
    assert.equal(await findMovedPath(db(), '/podcasts/a/first'), '/podcasts/c/second')
    assert.equal(await findMovedPath(db(), '/podcasts/a/other'), '/podcasts/c/other')
  })

  it('moving back to an old address forgets that it moved, so no loop forms', async () => {
    await recordMovedPath(db(), '/topics/courts', '/topics/justice')
    await recordMovedPath(db(), '/topics/justice', '/topics/courts')
    assert.equal(await findMovedPath(db(), '/topics/courts'), undefined)
    assert.equal(await findMovedPath(db(), '/topics/justice'), '/topics/courts')
    assert.equal(await findMovedPath(db(), '/topics/courts/feed.xml'), undefined)
  })

  it('only site paths are kept or followed: never another host, a query or a hostile string', async () => {
    await assert.rejects(recordMovedPath(db(), '/topics/a', '//evil.example/x'), RangeError)
    await assert.rejects(recordMovedPath(db(), '/topics/a', 'https://evil.example/'), RangeError)
    await assert.rejects(recordMovedPath(db(), '/topics/a?x=1', '/topics/b'), RangeError)
    assert.equal((await db().selectFrom('moved_paths').selectAll().execute()).length, 0)
    for (const path of [
      '',
      'topics/a',
      '//evil.example',
      '/a b',
      '/a\\b',
      `/${'x'.repeat(5000)}`,
      "/'; drop table moved_paths; --",
    ]) {
      assert.equal(await findMovedPath(db(), path), undefined, path)
    }
  })
})
