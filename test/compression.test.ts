// Pages and assets are compressed the way the client asked, q-values included: a client that
// says `br;q=0` never gets brotli.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeStory, paragraphs } from './factories.js'

describe('compression follows Accept-Encoding', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let storyUrl = ''

  before(async () => {
    t = await testApp()
    const story = await makeStory(t.database.db, {
      slug: 'long-enough-to-compress',
      body: paragraphs('A sentence long enough to be worth compressing. '.repeat(60)),
    })
    storyUrl = `/stories/${story.slug}`
  })
  after(() => t.dispose())

  const encodingOf = async (url: string, accept: string) => {
    const res = await t.app.inject({ url, headers: { 'accept-encoding': accept } })
    assert.equal(res.statusCode, 200, `${url} with ${accept}`)
    return res.headers['content-encoding']
  }

  it('a page: brotli when both are welcome, gzip when brotli is refused with q=0, none when both are', async () => {
    for (const round of ['miss', 'hit']) {
      assert.equal(await encodingOf(storyUrl, 'gzip, deflate, br'), 'br', round)
      assert.equal(await encodingOf(storyUrl, 'br;q=0, gzip'), 'gzip', round)
      assert.equal(await encodingOf(storyUrl, 'br;q=0.1, gzip;q=0.9'), 'gzip', round)
      assert.equal(await encodingOf(storyUrl, 'br;q=0, gzip;q=0'), undefined, round)
      assert.equal(await encodingOf(storyUrl, 'identity'), undefined, round)
    }
  })

  it('a fingerprinted asset answers the same way', async () => {
    const home = await t.app.inject('/')
    const stylesheet = home.body.match(/href="(\/assets\/site\.[0-9a-f]+\.css)"/)?.[1]
    assert.ok(stylesheet, 'the home page links its stylesheet')
    assert.equal(await encodingOf(stylesheet, 'gzip, br'), 'br')
    assert.equal(await encodingOf(stylesheet, 'br;q=0, gzip'), 'gzip')
    assert.equal(await encodingOf(stylesheet, 'gzip;q=0, br;q=0'), undefined)
  })
})
