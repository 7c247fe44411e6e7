// Rendered pages are cached with the tags of what they show and dropped when that changes.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makePerson, makeStory, makeTopic } from './factories.js'
import { cachedPage, freshPage, postForm, redirectedId, signInAs } from './newsroom-helpers.js'

describe('page caching', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let storyId = 0
  let personId = 0

  before(async () => {
    t = await testApp()
    const person = await makePerson(t.database.db, { slug: 'june-park', name: 'June Park' })
    const topic = await makeTopic(t.database.db)
    const story = await makeStory(t.database.db, {
      slug: 'cached',
      title: 'First headline',
      authorIds: [person.id],
      topicIds: [topic.id],
    })
    storyId = story.id
    personId = person.id
  })
  after(() => t.dispose())

  it('a second request is answered from the cache, with ETag, Cache-Control and Surrogate-Key', async () => {
    const first = await t.app.inject('/stories/cached')
    assert.equal(first.headers['x-cache'], undefined)
    const second = await t.app.inject('/stories/cached')
    assert.equal(second.headers['x-cache'], 'hit')
    assert.equal(second.body, first.body)
    assert.equal(second.headers.etag, first.headers.etag)
    assert.match(String(second.headers['cache-control']), /public/)
    assert.match(String(second.headers['surrogate-key']), new RegExp(`story:${storyId}`))
    assert.match(String(second.headers['surrogate-key']), new RegExp(`person:${personId}`))
  })

  it('a matching If-None-Match gets 304 with no body', async () => {
    const { headers } = await t.app.inject('/stories/cached')
    const res = await t.app.inject({ url: '/stories/cached', headers: { 'if-none-match': String(headers.etag) } })
    assert.equal(res.statusCode, 304)
    assert.equal(res.body, '')
  })

  it('pages are compressed with brotli or gzip when the client accepts it', async () => {
    const br = await t.app.inject({ url: '/stories/cached', headers: { 'accept-encoding': 'gzip, br' } })
    assert.equal(br.headers['content-encoding'], 'br')
    const gz = await t.app.inject({ url: '/stories/cached', headers: { 'accept-encoding': 'gzip' } })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.equal(gz.headers.vary, 'Accept-Encoding')
  })

  it('a content change for the story drops its cached page, and the new content is served', async () => {
    await t.app.inject('/stories/cached')
    await t.database.db.updateTable('stories').set({ title: 'Second headline' }).where('id', '=', storyId).execute()
    assert.ok((await t.app.inject('/stories/cached')).body.includes('First headline'), 'still cached before the event')
    t.events.emit({ tags: [`story:${storyId}`] })
    const res = await t.app.inject('/stories/cached')
    assert.equal(res.headers['x-cache'], undefined)
    assert.ok(res.body.includes('Second headline'))
  })

  it('an editor saving a person drops the pages that show their byline, and the new name is served', async () => {
    const editor = await signInAs(t, 'editor')
    for (const url of ['/stories/cached', '/people/june-park'])
      assert.ok((await cachedPage(t, url)).body.includes('June Park'), url)
    redirectedId(
      await postForm(t, editor, `/newsroom/people/${personId}`, {
        name: 'June Park-Lee',
        slug: 'june-park',
        jobTitle: '',
        bio: '',
        photoId: '',
      }),
    )
    for (const url of ['/stories/cached', '/people/june-park'])
      assert.ok((await freshPage(t, url)).body.includes('June Park-Lee'), url)
  })

  it('a change to the site settings drops every page and reloads the header', async () => {
    await t.app.inject('/')
    await t.database.db
      .insertInto('site_settings')
      .values({ key: 'name', value: JSON.stringify('The Renamed Desk') })
      .execute()
    t.events.emit({ tags: ['site'] })
    assert.ok((await t.app.inject('/')).body.includes('The Renamed Desk'))
    assert.ok((await t.app.inject('/stories/cached')).body.includes('The Renamed Desk'))
  })

  it('unknown query parameters share the cached page instead of filling the cache', async () => {
    await t.app.inject('/articles')
    const before = t.cache.size
    for (let i = 0; i < 20; i++) await t.app.inject(`/articles?utm_source=${i}`)
    assert.equal(t.cache.size, before)
    assert.equal((await t.app.inject('/articles?utm_source=x')).headers['x-cache'], 'hit')
  })

  it('error pages are never cached', async () => {
    const res = await t.app.inject('/stories/missing')
    assert.equal(res.statusCode, 404)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.equal((await t.app.inject('/stories/missing')).headers['x-cache'], undefined)
  })
})
