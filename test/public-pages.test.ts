// Every public page, through the real app on a real database: status, what a reader
// must see, and hostile text arriving escaped.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import {
  makeCorrection,
  makeDocumentary,
  makeExcerpt,
  makeFunder,
  makeImage,
  makePerson,
  makeStory,
  makeTopic,
  paragraphs,
} from './factories.js'
import { insertPage } from '../src/pages/index.js'
import { hoursAgo } from '../src/platform/time.js'

const HOSTILE = '<script>alert("x")</script> & "quoted" \'single\''

describe('public pages', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const ids: Record<string, string> = {}

  before(async () => {
    t = await testApp()
    const db = t.database.db
    const photo = await makeImage(db, { alt: 'Portrait', width: 600, height: 600 })
    const hero = await makeImage(db, {
      alt: 'A river at dusk',
      caption: 'The river in October.',
      credit: 'Photo: Ada Lens / The Long View',
    })
    const writer = await makePerson(db, {
      slug: 'mara-quill',
      name: 'Mara Quill',
      jobTitle: 'Senior Digital Writer',
      photoId: photo.id,
    })
    const editor = await makePerson(db, { slug: 'ivo-brandt', name: 'Ivo Brandt', jobTitle: 'Investigations Editor' })
    const climate = await makeTopic(db, { slug: 'climate-and-environment', name: 'Climate and Environment' })
    const health = await makeTopic(db, { slug: 'health', name: 'Health' })
    const funder = await makeFunder(db, { name: 'The Harbor Light Foundation', siteWide: true })
    const film = await makeDocumentary(db, {
      slug: 'the-long-river',
      title: 'The Long River',
      runtimeSeconds: 6840,
      topicIds: [climate.id],
      funderIds: [funder.id],
    })
    await makeDocumentary(db, { slug: 'salt-roads', title: 'Salt Roads', runtimeSeconds: 3000 })
    const excerpt = await makeExcerpt(db, film.id, { title: 'The flood gauge', startSeconds: 725, endSeconds: 760 })
    const story = await makeStory(db, {
      slug: 'the-river-that-moved',
      title: 'The river that moved',
      dek: 'A town follows its water.',
      section: 'investigation',
      heroImageId: hero.id,
      authorIds: [writer.id, editor.id],
      topicIds: [climate.id, health.id],
      documentaryIds: [film.id],
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The water came in the night.' }] },
          {
            type: 'pullQuote',
            attrs: { attribution: 'Rosa Vell, farmer' },
            content: [{ type: 'text', text: 'We watched the field go under.' }],
          },
          { type: 'excerpt', attrs: { excerptId: excerpt.id } },
          { type: 'documentaryCard', attrs: { documentaryId: film.id } },
        ],
      },
    })
    await makeCorrection(db, story.id, {
      kind: 'clarification',
      body: 'This story was updated to say when the gauge was installed.',
    })
    await makeStory(db, { slug: 'dry-wells', title: 'Dry wells', topicIds: [climate.id], authorIds: [writer.id] })
    await makeStory(db, {
      slug: 'hostile',
      title: HOSTILE,
      dek: HOSTILE,
      authorIds: [writer.id],
      body: paragraphs(HOSTILE),
    })
    await makeStory(db, { slug: 'a-draft', title: 'Secret draft', status: 'draft', publishedAt: null })
    await makeStory(db, { slug: 'from-the-future', title: 'Future story', publishedAt: hoursAgo(-48) })
    await insertPage(db, {
      slug: 'standards',
      title: 'Journalistic Standards',
      summary: 'How we work.',
      body: paragraphs('We correct our errors.'),
    })
    ids.story = story.slug
  })
  after(() => t.dispose())

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('a story page shows everything a reader expects of it', async () => {
    const res = await get('/stories/the-river-that-moved')
    assert.equal(res.statusCode, 200)
    const html = res.body
    for (const expected of [
      'Climate and Environment',
      'Investigation',
      '<h1 class="story__title">The river that moved</h1>',
      'A town follows its water.',
      'href="/people/mara-quill">Mara Quill</a>',
      'href="/people/ivo-brandt">Ivo Brandt</a>',
      '<time datetime=',
      'The water came in the night.',
      'class="pull-quote"',
      'Rosa Vell, farmer',
      'class="excerpt"',
      'The flood gauge',
      'documentary-card',
      'Clarification',
      'when the gauge was installed',
      'Senior Digital Writer',
      'href="/standards"',
      'The Long River',
      '1h 54m',
      'Latest documentaries',
      'Related stories',
      'Dry wells',
      'Get our Newsletter',
      'Support provided by',
      'The Harbor Light Foundation',
      'The river in October.',
      'Photo: Ada Lens',
      '©',
    ])
      assert.ok(html.includes(expected), `story page lacks ${expected}`)
  })

  it('a story page carries NewsArticle structured data with its correction, and social cards', async () => {
    const html = (await get('/stories/the-river-that-moved')).body
    assert.match(html, /<link rel="canonical" href="https:\/\/news\.example\.org\/stories\/the-river-that-moved"\/>/)
    assert.match(
      html,
      /<meta property="og:image" content="https:\/\/news\.example\.org\/media\/images\/test\/\d+\.jpg"\/>/,
    )
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/)
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(m =>
      JSON.parse(m[1] ?? '{}'),
    )
    const article = blocks.find(b => b['@type'] === 'NewsArticle')
    assert.ok(article)
    assert.equal(article.author.length, 2)
    assert.match(article.correction[0].text, /^Clarification: /)
    assert.ok(blocks.some(b => b['@type'] === 'BreadcrumbList'))
  })

  it('hostile text in a title, dek and body reaches every page escaped', async () => {
    for (const url of ['/stories/hostile', '/', '/articles', '/people/mara-quill']) {
      const html = (await get(url)).body
      assert.ok(!html.includes('<script>alert'), `${url} shows raw script`)
      assert.ok(
        html.includes('&lt;script>alert') || html.includes('&lt;script&gt;alert'),
        `${url} lacks the escaped text`,
      )
    }
    const ld =
      (await get('/stories/hostile')).body.match(/<script type="application\/ld\+json">(.*?)<\/script>/)?.[1] ?? ''
    assert.ok(!ld.includes('<'), 'structured data must not contain a raw <')
  })

  it('drafts and stories dated in the future answer 404 rather than leaking', async () => {
    for (const url of ['/stories/a-draft', '/stories/from-the-future']) {
      const res = await get(url)
      assert.equal(res.statusCode, 404)
      assert.ok(!res.body.includes('Secret draft') && !res.body.includes('Future story'))
    }
    const list = (await get('/articles')).body
    assert.ok(!list.includes('Secret draft') && !list.includes('Future story'))
  })

  it('the home page shows a lead story, the latest stories, documentaries and topics', async () => {
    const html = (await get('/')).body
    assert.ok(html.includes('story-card--lead'))
    assert.ok(html.includes('Latest documentaries') && html.includes('The Long River'))
    assert.ok(html.includes('href="/topics/health"'))
  })

  it('list pages answer with their content and paginate', async () => {
    const docs = (await get('/documentaries')).body
    assert.ok(docs.includes('The Long River') && docs.includes('1h 54m'))
    assert.ok((await get('/topics')).body.includes('Climate and Environment'))
    const topic = (await get('/topics/climate-and-environment')).body
    assert.ok(topic.includes('The river that moved') && topic.includes('Dry wells') && topic.includes('The Long River'))
    const people = (await get('/people')).body
    assert.ok(people.includes('href="/people/mara-quill">Mara Quill</a>') && people.includes('Investigations Editor'))
    const person = (await get('/people/mara-quill')).body
    assert.ok(person.includes('Senior Digital Writer') && person.includes('Dry wells'))
    assert.equal((await get('/articles?page=2')).statusCode, 404)
  })

  it('the documentary page shows runtime, credits, funders and excerpts', async () => {
    const html = (await get('/documentaries/the-long-river')).body
    for (const expected of [
      'The Long River',
      '1h 54m',
      'Director',
      'Ada Example',
      'Support provided by',
      'The Harbor Light Foundation',
      'The flood gauge',
      '12:05',
      'The river that moved',
    ]) {
      assert.ok(html.includes(expected), `documentary page lacks ${expected}`)
    }
    assert.ok(html.includes('"@type":"Movie"') && html.includes('"duration":"PT1H54M"'))
  })

  it('the corrections page lists every correction with its story, newest first', async () => {
    const html = (await get('/corrections')).body
    assert.ok(html.includes('when the gauge was installed'))
    assert.ok(html.includes('href="/stories/the-river-that-moved#corrections"'))
  })

  it('static pages and the funders page are served at their addresses', async () => {
    assert.ok((await get('/standards')).body.includes('We correct our errors.'))
    assert.ok((await get('/funders')).body.includes('The Harbor Light Foundation'))
  })

  it('every page has one h1, headings that never skip a level, alt text on every image and the landmarks', async () => {
    for (const url of [
      '/',
      '/stories/the-river-that-moved',
      '/articles',
      '/documentaries',
      '/documentaries/the-long-river',
      '/topics',
      '/topics/climate-and-environment',
      '/people',
      '/people/mara-quill',
      '/corrections',
      '/funders',
      '/standards',
      '/newsletter',
      '/nope',
    ]) {
      const html = (await get(url)).body
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map(m => Number(m[1]))
      assert.equal(levels.filter(l => l === 1).length, 1, `${url} has one h1`)
      levels.reduce((previous, level) => {
        assert.ok(level <= previous + 1, `${url}: h${level} follows h${previous}`)
        return level
      }, 1)
      for (const img of html.match(/<img[^>]*>/g) ?? []) assert.match(img, / alt(="|[\s/>])/, `${url}: ${img}`)
      for (const landmark of [
        '<header class="site-header"',
        '<nav class="site-nav" aria-label="Main"',
        '<main id="main"',
        '<footer class="site-footer"',
      ]) {
        assert.ok(html.includes(landmark), `${url} lacks ${landmark}`)
      }
      assert.match(html, /<html lang="en">/)
    }
  })

  it('unknown addresses get a 404 page in the site design', async () => {
    for (const url of [
      '/stories/no-such-story',
      '/people/nobody',
      '/topics/nothing',
      '/documentaries/none',
      '/no-such-page',
      '/a/b/c',
    ]) {
      const res = await get(url)
      assert.equal(res.statusCode, 404, url)
      assert.ok(res.body.includes('class="site-header"') && res.body.includes('Page not found'), url)
    }
  })

  it('bad query strings are a 400 with a message, never a 500', async () => {
    for (const url of [
      '/articles?page=abc',
      '/articles?page=-1',
      '/articles?page=99999999999',
      '/topics/health?page=0',
      '/articles?page=1&page=2',
      `/stories/${'x'.repeat(400)}`,
    ]) {
      const res = await get(url)
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} answered ${res.statusCode}`)
      assert.ok(res.body.includes('class="site-header"'), `${url} lacks the site design`)
    }
    const res = await get('/articles?page=abc')
    assert.ok(res.body.includes('page'))
  })

  it('the API-style client gets JSON errors', async () => {
    const res = await t.app.inject({ url: '/stories/nope', headers: { accept: 'application/json' } })
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error.code, 'not_found')
  })
})
