import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { testApp } from '../../test/helpers.js'
import { makeCorrection, makeDocumentary, makePerson, makeStory, makeTopic, paragraphs } from '../../test/factories.js'
import { insertPage } from '../pages/index.js'
import { hoursAgo } from '../platform/time.js'
import type { Person } from '../people/index.js'
import type { Topic } from '../topics/index.js'

const SITE = 'https://news.example.org'
const HOSTILE = '<script>alert(1)</script> & "quotes"'
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'
const RSS = 'application/rss+xml; charset=utf-8'
const ATOM = 'application/atom+xml; charset=utf-8'
const XML = 'application/xml; charset=utf-8'

const ENTITY = '&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);'
const ATTRIBUTE = `\\s+[A-Za-z_][\\w.:-]*="(?:[^"<&]|${ENTITY})*"`
const TOKEN = new RegExp(`<(/?)([A-Za-z_][\\w.:-]*)((?:${ATTRIBUTE})*)\\s*(/?)>|((?:[^<&]|${ENTITY})+)`, 'gy')

/**
 * A strict well-formedness check, enough for what the feeds write (no comments, CDATA or
 * DOCTYPE): every character belongs to a tag or to text, entities are known, attributes are
 * unique, tags nest, there is one root, and no character XML 1.0 forbids appears.
 */
function assertWellFormed(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/)
  const body = xml.slice(xml.indexOf('\n') + 1)
  assert.doesNotMatch(body, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, 'a character XML 1.0 forbids')
  const open: string[] = []
  let roots = 0
  let consumed = 0
  for (const m of body.matchAll(TOKEN)) {
    consumed += m[0].length
    const [, closing, name, attrs, selfClosing, text] = m
    if (text !== undefined) {
      if (open.length === 0) assert.equal(text.trim(), '', `text outside the root: ${text.slice(0, 40)}`)
      continue
    }
    if (closing) {
      assert.equal(open.pop(), name, `</${name}> closes the wrong element`)
      continue
    }
    const names = [...(attrs ?? '').matchAll(/([\w.:-]+)="/g)].map(a => a[1])
    assert.equal(new Set(names).size, names.length, `<${name}> repeats an attribute`)
    if (open.length === 0) roots++
    if (!selfClosing) open.push(name ?? '')
  }
  assert.equal(consumed, body.length, `not XML from: ${body.slice(consumed, consumed + 60)}`)
  assert.deepEqual(open, [], 'unclosed elements')
  assert.equal(roots, 1, 'one root element')
}

/** Every feed and sitemap the site serves. */
const EVERY_FEED = ['/feed.xml', '/feed.atom', '/corrections/feed.xml', '/sitemap.xml', '/news-sitemap.xml']

test('the well-formedness check rejects broken XML', () => {
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`
  assertWellFormed(doc('<a x="1"><b>t &amp; u</b><c/></a>'))
  for (const bad of [
    '<a><b></a></b>',
    '<a>x & y</a>',
    '<a>1 < 2</a>',
    '<a x="1" x="2"/>',
    '<a/><b/>',
    '<a>\u0001</a>',
    '<a><script>',
  ]) {
    assert.throws(() => assertWellFormed(doc(bad)), assert.AssertionError, bad)
  }
})

describe('feeds, sitemaps and robots.txt', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let topic: Topic
  let otherTopic: Topic
  let reporter: Person
  const inFuture = new Date(Date.now() + 5 * 3_600_000).toISOString()

  before(async () => {
    t = await testApp()
    const db = t.database.db
    topic = await makeTopic(db, { slug: 'water', name: 'Water & Rivers' })
    otherTopic = await makeTopic(db, { slug: 'courts', name: 'Courts' })
    reporter = await makePerson(db, { slug: 'ada-reporter', name: 'Ada Reporter' })
    const hostile = await makeStory(db, {
      slug: 'hostile',
      title: HOSTILE,
      dek: HOSTILE,
      publishedAt: hoursAgo(1),
      authorIds: [reporter.id],
      topicIds: [topic.id],
    })
    await makeStory(db, {
      slug: 'no-dek',
      title: 'Plain story',
      dek: '',
      body: paragraphs('The body speaks for itself.'),
      publishedAt: hoursAgo(2),
      topicIds: [otherTopic.id],
    })
    await makeStory(db, {
      slug: 'last-week',
      title: 'Older story',
      publishedAt: hoursAgo(24 * 7),
      authorIds: [reporter.id],
      topicIds: [topic.id],
    })
    await makeStory(db, { slug: 'control-chars', title: 'Bell\u0007 and escape\u001B here', publishedAt: hoursAgo(3) })
    const draft = await makeStory(db, {
      slug: 'secret-draft',
      title: 'Secret draft',
      status: 'draft',
      publishedAt: null,
      authorIds: [reporter.id],
      topicIds: [topic.id],
    })
    await makeStory(db, {
      slug: 'secret-future',
      title: 'Secret future',
      publishedAt: inFuture,
      authorIds: [reporter.id],
      topicIds: [topic.id],
    })
    await makeStory(db, {
      slug: 'secret-scheduled',
      title: 'Secret scheduled',
      status: 'scheduled',
      publishedAt: inFuture,
    })
    await makeDocumentary(db, {
      slug: 'dry-season',
      title: 'Dry Season',
      publishedAt: hoursAgo(5),
      topicIds: [topic.id],
      credits: [{ role: 'Director', name: 'Bea Director' }],
    })
    await makeDocumentary(db, { slug: 'secret-film', title: 'Secret film', status: 'draft', publishedAt: null })
    await makeCorrection(db, hostile.id, { body: 'An earlier version misstated the dam’s height.' })
    await makeCorrection(db, hostile.id, {
      kind: 'clarification',
      body: 'We have clarified who paid.',
      publishedAt: hoursAgo(0.25),
    })
    await makeCorrection(db, draft.id, { body: 'Secret correction.' })
    await insertPage(db, {
      slug: 'standards',
      title: 'Standards',
      summary: 'How we work.',
      body: paragraphs('We check.'),
    })
  })

  after(async () => {
    await t.dispose()
  })

  async function get(url: string, headers: Record<string, string> = {}) {
    return t.app.inject({ method: 'GET', url, headers })
  }

  test('the site feed is RSS 2.0 with the latest stories and documentaries, newest first', async () => {
    const res = await get('/feed.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], RSS)
    assertWellFormed(res.body)
    assert.match(
      res.body,
      /<rss version="2\.0" xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom" xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/">/,
    )
    assert.ok(res.body.includes(`<atom:link href="${SITE}/feed.xml" rel="self" type="application/rss+xml"/>`))
    assert.ok(res.body.includes(`<link>${SITE}/</link>`))
    assert.ok(res.body.includes('<language>en</language>'))
    assert.match(res.body, /<lastBuildDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/lastBuildDate>/)
    assert.ok(res.body.includes(`<guid isPermaLink="true">${SITE}/stories/hostile</guid>`))
    assert.ok(res.body.includes('<dc:creator>Ada Reporter</dc:creator>'))
    assert.ok(res.body.includes('<category>Water &amp; Rivers</category>'))
    assert.ok(
      res.body.includes('<description>The body speaks for itself.</description>'),
      'a story without a dek is summed up by its body',
    )
    assert.ok(res.body.includes(`<link>${SITE}/documentaries/dry-season</link>`))
    assert.ok(res.body.includes('<dc:creator>Bea Director</dc:creator>'))
    const order = [
      '/stories/hostile<',
      '/stories/no-dek<',
      '/stories/control-chars<',
      '/documentaries/dry-season<',
      '/stories/last-week<',
    ].map(p => res.body.indexOf(p))
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    )
    assert.ok(order.every(i => i > 0))
  })

  test('the site feed is Atom 1.0 too, with ids, authors, summaries and both links', async () => {
    const res = await get('/feed.atom')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], ATOM)
    assertWellFormed(res.body)
    assert.ok(res.body.includes('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'))
    assert.ok(res.body.includes(`<id>${SITE}/feed.atom</id>`))
    assert.ok(res.body.includes(`<link rel="self" type="application/atom+xml" href="${SITE}/feed.atom"/>`))
    assert.ok(res.body.includes(`<link rel="alternate" type="text/html" href="${SITE}/stories/hostile"/>`))
    assert.ok(res.body.includes(`<id>${SITE}/stories/hostile</id>`))
    assert.ok(res.body.includes('<author>\n<name>Ada Reporter</name>\n</author>'))
    assert.match(res.body, /<published>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/published>/)
    assert.ok(res.body.includes('<summary type="text">The body speaks for itself.</summary>'))
  })

  test('a topic feed lists only that topic, in RSS and Atom', async () => {
    for (const [url, type] of [
      ['/topics/water/feed.xml', RSS],
      ['/topics/water/feed.atom', ATOM],
    ] as const) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['content-type'], type)
      assertWellFormed(res.body)
      assert.ok(res.body.includes('/stories/hostile'))
      assert.ok(res.body.includes('/stories/last-week'))
      assert.ok(res.body.includes('/documentaries/dry-season'))
      assert.ok(!res.body.includes('/stories/no-dek'), 'a story under another topic')
      assert.ok(res.body.includes('Water &amp; Rivers'))
      assert.match(String(res.headers['surrogate-key']), new RegExp(`\\btopic:${topic.id}\\b`))
    }
  })

  test('a person feed lists only their stories, in RSS and Atom', async () => {
    for (const [url, type] of [
      ['/people/ada-reporter/feed.xml', RSS],
      ['/people/ada-reporter/feed.atom', ATOM],
    ] as const) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['content-type'], type)
      assertWellFormed(res.body)
      assert.ok(res.body.includes('/stories/hostile') && res.body.includes('/stories/last-week'))
      assert.ok(!res.body.includes('/stories/no-dek') && !res.body.includes('/documentaries/'))
      assert.match(String(res.headers['surrogate-key']), new RegExp(`\\bperson:${reporter.id}\\b`))
    }
  })

  test('an unknown topic or person has no feed', async () => {
    for (const url of [
      '/topics/nope/feed.xml',
      '/topics/nope/feed.atom',
      '/people/nope/feed.xml',
      '/people/nope/feed.atom',
    ]) {
      assert.equal((await get(url)).statusCode, 404, url)
    }
  })

  test('the corrections feed links each correction to its story’s corrections, newest first', async () => {
    const res = await get('/corrections/feed.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], RSS)
    assertWellFormed(res.body)
    assert.ok(res.body.includes(`<title>Correction: ${HOSTILE_ESCAPED}</title>`))
    assert.ok(res.body.includes(`<title>Clarification: ${HOSTILE_ESCAPED}</title>`))
    assert.ok(res.body.includes(`<link>${SITE}/stories/hostile#corrections</link>`))
    assert.ok(res.body.indexOf('Clarification:') < res.body.indexOf('Correction:'), 'the newer one first')
    assert.ok(res.body.includes('<description>An earlier version misstated the dam’s height.</description>'))
    assert.ok(!res.body.includes('Secret correction'), 'a correction to a story that is not public')
  })

  test('hostile text is escaped and every feed stays well-formed', async () => {
    for (const url of [...EVERY_FEED, '/topics/water/feed.xml', '/people/ada-reporter/feed.atom']) {
      const res = await get(url)
      assertWellFormed(res.body)
      assert.doesNotMatch(res.body, /<script/i, url)
      // The sitemap shows addresses only; everything else shows the title.
      if (url !== '/sitemap.xml') assert.ok(res.body.includes(HOSTILE_ESCAPED), url)
    }
  })

  test('characters XML forbids are dropped from what a feed shows', async () => {
    const res = await get('/feed.xml')
    assert.ok(res.body.includes('<title>Bell and escape here</title>'))
  })

  test('drafts, scheduled and future-dated work appear in no feed or sitemap', async () => {
    const urls = [
      ...EVERY_FEED,
      '/feed.atom',
      '/topics/water/feed.xml',
      '/topics/water/feed.atom',
      '/people/ada-reporter/feed.xml',
      '/people/ada-reporter/feed.atom',
    ]
    for (const url of urls) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.doesNotMatch(res.body, /secret/i, url)
    }
  })

  test('the sitemap lists every public page, with the last change of stories, films and pages', async () => {
    const res = await get('/sitemap.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], XML)
    assertWellFormed(res.body)
    assert.ok(res.body.includes('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'))
    for (const path of [
      '/',
      '/articles',
      '/documentaries',
      '/topics',
      '/topics/water',
      '/topics/courts',
      '/people/ada-reporter',
      '/stories/hostile',
      '/stories/last-week',
      '/documentaries/dry-season',
      '/standards',
      '/corrections',
      '/funders',
    ]) {
      assert.ok(res.body.includes(`<loc>${SITE}${path}</loc>`), path)
    }
    assert.match(
      res.body,
      new RegExp(`<loc>${SITE}/stories/hostile</loc>\\n<lastmod>\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z</lastmod>`),
    )
    assert.match(res.body, new RegExp(`<loc>${SITE}/standards</loc>\\n<lastmod>`))
  })

  test('the news sitemap lists only stories of the last 48 hours, with publication, date and title', async () => {
    const res = await get('/news-sitemap.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], XML)
    assertWellFormed(res.body)
    assert.ok(res.body.includes('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'))
    assert.ok(res.body.includes(`<loc>${SITE}/stories/hostile</loc>`))
    assert.ok(res.body.includes(`<loc>${SITE}/stories/no-dek</loc>`))
    assert.ok(!res.body.includes('/stories/last-week'), 'a week-old story')
    assert.ok(!res.body.includes('/documentaries/'))
    assert.ok(
      res.body.includes(
        '<news:publication>\n<news:name>Newsreel</news:name>\n<news:language>en</news:language>\n</news:publication>',
      ),
    )
    assert.ok(res.body.includes(`<news:title>${HOSTILE_ESCAPED}</news:title>`))
    assert.match(res.body, /<news:publication_date>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/news:publication_date>/)
  })

  test('robots.txt keeps crawlers out of the newsroom and the API and names both sitemaps', async () => {
    const res = await get('/robots.txt')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    const lines = res.body.split('\n')
    for (const line of [
      'User-agent: *',
      'Disallow: /newsroom',
      'Disallow: /api/',
      `Sitemap: ${SITE}/sitemap.xml`,
      `Sitemap: ${SITE}/news-sitemap.xml`,
    ]) {
      assert.ok(lines.includes(line), line)
    }
  })

  test('feeds are cached and tagged like pages: a repeat is a cache hit, a matching ETag a 304', async () => {
    const first = await get('/feed.atom')
    assert.match(String(first.headers['cache-control']), /^public/)
    const keys = String(first.headers['surrogate-key']).split(' ')
    for (const tag of ['list:stories', 'list:documentaries', 'site', `topic:${topic.id}`, `person:${reporter.id}`])
      assert.ok(keys.includes(tag), tag)
    const again = await get('/feed.atom', { 'if-none-match': String(first.headers.etag) })
    assert.equal(again.statusCode, 304)
    assert.equal(again.headers['x-cache'], 'hit')
    const corrections = await get('/corrections/feed.xml')
    assert.ok(String(corrections.headers['surrogate-key']).split(' ').includes('list:corrections'))
  })
})
