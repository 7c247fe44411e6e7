// The documentary outlet's front: /documentaries's featured film (an editor's newest mark, else the
// newest film) and its topic and year filters, the film page that puts watching first, and /podcasts
// with every show and the latest episodes across shows.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary, makeTopic, makeImage } from './factories.js'
import { insertEpisode, insertShow } from '../src/podcasts/index.js'

type App = Awaited<ReturnType<typeof testApp>>
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()

/** The featured band's title. */
const featuredTitle = (html: string) => /id="featured-film-title"[^>]*><a [^>]*>([^<]+)</.exec(html)?.[1]

describe('the documentaries front', () => {
  let t: App
  let editor: Browser
  let olderId = 0
  let riversId = 0
  let posterId = 0
  before(async () => {
    t = await testApp()
    editor = await signInAs(t, 'editor')
    const db = t.database.db
    const rivers = await makeTopic(db, { name: 'Rivers', slug: 'rivers' })
    await makeTopic(db, { name: 'Empty topic', slug: 'empty-topic' })
    const poster = await makeImage(db, { alt: 'A dry riverbed' })
    riversId = rivers.id
    posterId = poster.id
    const older = await makeDocumentary(db, {
      slug: 'the-old-river',
      title: 'The Old River',
      releaseDate: '2024-05-01',
      publishedAt: hoursAgo(48),
      topicIds: [rivers.id],
      posterId: poster.id,
    })
    olderId = older.id
    await makeDocumentary(db, { slug: 'the-new-harbour', title: 'The New Harbour', releaseDate: '2025-03-02' })
    for (let i = 0; i < 13; i++)
      await makeDocumentary(db, {
        slug: `archive-${i}`,
        title: `Archive film ${i}`,
        releaseDate: '2023-02-01',
        publishedAt: hoursAgo(100 + i),
      })
    await makeDocumentary(db, { slug: 'a-draft', title: 'A draft film', status: 'draft', publishedAt: null })
  })
  after(() => t?.dispose())

  it('features the newest published film when no editor has marked one', async () => {
    const res = await t.app.inject('/documentaries')
    assert.equal(res.statusCode, 200)
    assert.equal(featuredTitle(res.body), 'The New Harbour')
    assert.doesNotMatch(res.body, /A draft film/)
  })

  it('features the film an editor marked on its newsroom form over the newest, and the newest mark wins', async () => {
    const form = await t.app.inject({ url: `/newsroom/documentaries/${olderId}`, headers: { cookie: editor.cookie } })
    assert.match(form.body, /<input type="checkbox" id="featured" name="featured" value="1"/)
    const fields = {
      title: 'The Old River',
      slug: 'the-old-river',
      dek: 'A river that moved.',
      synopsis: 'The river left.',
      runtime: '114',
      releaseDate: '2024-05-01',
      posterId: String(posterId),
      status: 'published',
      topics: [String(riversId)],
      featured: '1',
    }
    const saved = await postForm(t, editor, `/newsroom/documentaries/${olderId}`, fields)
    assert.equal(saved.statusCode, 303)
    const res = await t.app.inject('/documentaries')
    assert.equal(featuredTitle(res.body), 'The Old River')
    // The featured film is not listed again below it.
    assert.doesNotMatch(res.body, /class="documentary-card-item__link" href="\/documentaries\/the-old-river"/)
    assert.match(res.body, /class="documentary-card-item__link" href="\/documentaries\/the-new-harbour"/)

    // A bad value for the box is refused and nothing changes.
    const bad = await postForm(t, editor, `/newsroom/documentaries/${olderId}`, { ...fields, featured: 'yes please' })
    assert.equal(bad.statusCode, 400)

    // Unticking it gives the top back to the newest film.
    const { featured: _, ...unticked } = fields
    assert.equal((await postForm(t, editor, `/newsroom/documentaries/${olderId}`, unticked)).statusCode, 303)
    assert.equal(featuredTitle((await t.app.inject('/documentaries')).body), 'The New Harbour')
  })

  it('filters the films by topic and by release year, and keeps the filters across pages', async () => {
    const byTopic = await t.app.inject('/documentaries?topic=rivers')
    assert.equal(byTopic.statusCode, 200)
    assert.match(byTopic.body, /Films on Rivers/)
    assert.match(byTopic.body, /The Old River/)
    assert.doesNotMatch(byTopic.body, /The New Harbour/)
    assert.equal(featuredTitle(byTopic.body), undefined, 'a filtered list has no featured band')

    const byYear = await t.app.inject('/documentaries?year=2023')
    assert.equal(byYear.statusCode, 200)
    assert.equal(byYear.body.match(/class="documentary-card-item__title"/g)?.length, 12)
    // Page links are in the canonical order (page, topic, year), so they answer 200 at once, never a 301.
    assert.match(byYear.body, /href="\/documentaries\?page=2&amp;year=2023"/)
    const page2 = await t.app.inject('/documentaries?page=2&year=2023')
    assert.equal(page2.statusCode, 200)
    assert.equal(page2.body.match(/class="documentary-card-item__title"/g)?.length, 1)
    assert.doesNotMatch(page2.body, /The New Harbour/)

    const pageLinks = (html: string) =>
      [...(/<nav class="pagination"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map(m =>
        (m[1] ?? '').replaceAll('&amp;', '&'),
      )
    const links = [...pageLinks(byYear.body), ...pageLinks(page2.body)]
    assert.ok(links.includes('/documentaries?year=2023'), 'page 2 links back to page 1 without page=1')
    for (const href of links) assert.equal((await t.app.inject(href)).statusCode, 200, href)

    const none = await t.app.inject('/documentaries?topic=empty-topic&year=2024')
    assert.equal(none.statusCode, 200)
    assert.match(none.body, /No films match\. <a href="\/documentaries">See all documentaries<\/a>/)

    // The form's "All" choices send empty values, which mean no filter.
    const all = await t.app.inject('/documentaries?topic=&year=')
    assert.equal(all.statusCode, 200)
    assert.equal(featuredTitle(all.body), 'The New Harbour')
  })

  it('refuses an unknown topic and a malformed year with a clear 400', async () => {
    const unknown = await t.app.inject('/documentaries?topic=no-such-topic')
    assert.equal(unknown.statusCode, 400)
    assert.match(unknown.body, /There is no topic “no-such-topic”/)
    for (const year of ['20x4', '199', '12345']) {
      const res = await t.app.inject(`/documentaries?year=${year}`)
      assert.equal(res.statusCode, 400, `year=${year}`)
    }
    assert.equal((await t.app.inject('/documentaries?topic=Not%20a%20slug')).statusCode, 400)
  })

  it('a documentary page shows the film (here its poster and a coming-soon note) before its title', async () => {
    const res = await t.app.inject('/documentaries/the-old-river')
    assert.equal(res.statusCode, 200)
    const main = res.body.slice(res.body.indexOf('<main'))
    const media = main.search(/<(video|img|picture)\b/)
    assert.ok(media > 0, 'the page has a media element')
    assert.ok(media < main.indexOf('<h1'), 'the first media element comes before the h1')
    assert.match(main, /Coming soon: the film will stream here in full\./)
  })
})

describe('the podcasts page', () => {
  let t: App
  before(async () => {
    t = await testApp()
    const db = t.database.db
    const show = (slug: string, title: string) =>
      insertShow(db, {
        slug,
        title,
        description: `${title}: a show about the newsroom's reporting.`,
        artworkId: null,
        category: 'News',
        subcategory: null,
        explicit: false,
        ownerName: 'The Desk',
        ownerEmail: 'desk@example.org',
        author: 'The Desk',
        language: 'en',
        showType: 'episodic',
        copyright: '',
        podcastGuid: `guid-${slug}`,
      })
    const shows = [
      await show('night-desk', 'Night Desk'),
      await show('river-notes', 'River Notes'),
      await show('quiet', 'Quiet Show'),
    ]
    const episode = (
      showId: number,
      slug: string,
      title: string,
      hours: number,
      status: 'published' | 'draft' = 'published',
    ) =>
      insertEpisode(db, showId, {
        slug,
        title,
        number: null,
        season: null,
        episodeType: 'full',
        status,
        publishedAt: hoursAgo(hours),
        summary: '',
        showNotes: { type: 'doc', content: [] },
      })
    await episode(shows[0]!.id, 'first-call', 'The first call', 30)
    await episode(shows[1]!.id, 'the-ford', 'The ford', 2)
    await episode(shows[0]!.id, 'second-call', 'The second call', 10)
    await episode(shows[1]!.id, 'unaired', 'Unaired episode', 1, 'draft')
  })
  after(() => t?.dispose())

  it('lists every show with its episode count, and the latest episodes across shows, newest first', async () => {
    const res = await t.app.inject('/podcasts')
    assert.equal(res.statusCode, 200)
    for (const title of ['Night Desk', 'River Notes', 'Quiet Show']) assert.match(res.body, new RegExp(title))
    assert.match(res.body, /2 episodes/)
    assert.match(res.body, /0 episodes/)
    assert.match(res.body, /a show about the newsroom/)
    const latest = res.body.slice(res.body.indexOf('Latest episodes'))
    const order = ['The ford', 'The second call', 'The first call'].map(title => latest.indexOf(title))
    assert.ok(
      order.every(i => i > 0),
      'each published episode is listed',
    )
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'newest first',
    )
    assert.doesNotMatch(res.body, /Unaired episode/)
    assert.match(latest, /href="\/podcasts\/river-notes\/the-ford"/)
    assert.match(latest, /href="\/podcasts\/river-notes">River Notes</)
  })
})
