import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import { PageCache, encodedBody, makeCachedPage } from './page-cache.js'

describe('the page cache', () => {
  it('drops exactly the pages that show a purged tag', () => {
    const cache = new PageCache(1_000_000)
    cache.set('/stories/a', makeCachedPage('a', 'text/html', ['story:1', 'person:7']))
    cache.set('/stories/b', makeCachedPage('b', 'text/html', ['story:2', 'person:7']))
    cache.set('/topics/x', makeCachedPage('x', 'text/html', ['topic:3']))
    assert.equal(cache.purge(['person:7']), 2)
    assert.equal(cache.get('/stories/a'), undefined)
    assert.equal(cache.get('/stories/b'), undefined)
    assert.ok(cache.get('/topics/x'))
  })

  it('forgets the least recently used page when it runs out of room', () => {
    const body = 'x'.repeat(1000)
    const cache = new PageCache(3 * (1500 + 256))
    for (const key of ['/1', '/2', '/3']) cache.set(key, makeCachedPage(body, 'text/html', []))
    cache.get('/1')
    cache.set('/4', makeCachedPage(body, 'text/html', []))
    assert.ok(cache.get('/1'), 'recently read page kept')
    assert.equal(cache.get('/2'), undefined, 'oldest page dropped')
  })

  it('serves no page older than its age limit, even when no event dropped it', async () => {
    const cache = new PageCache(1_000_000, 20)
    cache.set('/news-sitemap.xml', makeCachedPage('old', 'application/xml', []))
    assert.ok(cache.get('/news-sitemap.xml'))
    await new Promise(resolve => setTimeout(resolve, 30))
    assert.equal(cache.get('/news-sitemap.xml'), undefined)
    assert.equal(cache.size, 0)
  })

  it('stores nothing when its size is zero', () => {
    const cache = new PageCache(0)
    cache.set('/a', makeCachedPage('a', 'text/html', []))
    assert.equal(cache.size, 0)
  })

  it('gives brotli or gzip to clients that accept them, and the same bytes back', () => {
    const html = '<p>hello</p>'.repeat(500)
    const page = makeCachedPage(html, 'text/html', [])
    const br = encodedBody(page, 'gzip, deflate, br')
    assert.equal(br.encoding, 'br')
    assert.equal(brotliDecompressSync(br.data).toString(), html)
    const gz = encodedBody(page, 'gzip')
    assert.equal(gz.encoding, 'gzip')
    assert.equal(gunzipSync(gz.data).toString(), html)
    assert.equal(encodedBody(page, undefined).encoding, undefined)
  })

  it('gives the same ETag to the same bytes and another to other bytes', () => {
    assert.equal(makeCachedPage('a', 't', []).etag, makeCachedPage('a', 't', []).etag)
    assert.notEqual(makeCachedPage('a', 't', []).etag, makeCachedPage('b', 't', []).etag)
  })

  it('keeps the text of a page as its UTF-8 bytes, whatever its characters and size, each page its own', () => {
    const texts = [
      '',
      'plain ascii',
      'Curly ‘quotes’ — and “more”…',
      'Emoji 🎞️ and a lone surrogate \ud800 here',
      `${'Long – page ’ '.repeat(40_000)}end`,
      'short after a long one',
    ]
    const pages = texts.map(text => makeCachedPage(text, 'text/html', []))
    // Checked after all are made: each later page overwrote the scratch the earlier ones were written in.
    for (const [i, text] of texts.entries()) assert.deepEqual(pages[i]?.body, Buffer.from(text))
  })
})
