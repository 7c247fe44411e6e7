// The newsroom's documentary and excerpt pages as editors use them: a film created or edited
// here shows on /documentaries and its own page at once (cached copies are dropped), drafts
// stay off the site, lower roles are refused, bad input is explained and stores nothing, and
// hostile text reaches readers escaped.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { cachedPage, freshPage, postForm, redirectedId, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary, makeExcerpt, makeFunder, makeImage, makeTopic } from './factories.js'
import { listAudit } from '../src/newsroom/index.js'
import { findDocumentaryById, findDocumentaryBySlug, listAllDocumentaries } from '../src/documentaries/index.js'
import { listAllExcerpts, listExcerptsOfDocumentary } from '../src/excerpts/index.js'
import type { Funder } from '../src/funders/index.js'
import type { Image } from '../src/media/index.js'
import type { Topic } from '../src/topics/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
type Fields = Record<string, string | string[]>
const HOSTILE = '<script>alert(1)</script>'
/** The hostile text as the renderer escapes it, in text (`<` only) or in an attribute. */
const ESCAPED = /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/

describe('newsroom documentary pages', () => {
  let t: TestApp
  let contributor: Browser
  let author: Browser
  let editor: Browser
  let rivers: Topic
  let climate: Topic
  let harbor: Funder
  let lantern: Funder
  let poster: Image

  before(async () => {
    t = await testApp()
    ;[contributor, author, editor] = [
      await signInAs(t, 'contributor'),
      await signInAs(t, 'author'),
      await signInAs(t, 'editor'),
    ]
    const db = t.database.db
    rivers = await makeTopic(db, { name: 'Rivers', slug: 'rivers' })
    climate = await makeTopic(db, { name: 'Climate', slug: 'climate' })
    harbor = await makeFunder(db, { name: 'The Harbor Light Foundation', slug: 'harbor-light', siteWide: false })
    lantern = await makeFunder(db, { name: 'The Lantern Fund', slug: 'lantern', siteWide: false })
    poster = await makeImage(db, { alt: 'A boat on a dry riverbed' })
  })
  after(() => t.dispose())

  const audited = async (action: string, subject: string) =>
    (await listAudit(t.database.db, 500)).some(e => e.action === action && e.subject === subject)
  const film = (overrides: Fields = {}): Fields => ({
    title: 'The Long River',
    slug: 'the-long-river',
    dek: 'A river that moved.',
    synopsis: 'The river left.\n\nThe town followed.',
    runtime: '114',
    releaseDate: '2026-01-15',
    posterId: String(poster.id),
    status: 'published',
    topics: [String(climate.id), String(rivers.id), ''],
    funders: [String(harbor.id), ''],
    creditRole: ['Director', 'Producer', ''],
    creditName: ['Kit Navarro', 'Sam Ortiz', ''],
    ...overrides,
  })

  it('an editor creates a published documentary, and /documentaries and its page show it with runtime, credits and funders', async () => {
    const form = await t.app.inject({ url: '/newsroom/documentaries/new', headers: { cookie: editor.cookie } })
    assert.equal(form.statusCode, 200)
    assert.match(
      form.body,
      new RegExp(`<option value="${poster.id}">A boat on a dry riverbed \\(#${poster.id}\\)</option>`),
    )
    assert.match(form.body, /<li><a href="\/newsroom\/documentaries">Documentaries<\/a><\/li>/)
    await cachedPage(t, '/documentaries')

    const id = redirectedId(await postForm(t, editor, '/newsroom/documentaries', film()))
    const list = await freshPage(t, '/documentaries')
    assert.match(list.body, /The Long River/)
    assert.match(list.body, /1h 54m/)

    const page = await t.app.inject('/documentaries/the-long-river')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="documentary__title">The Long River<\/h1>/)
    assert.match(page.body, /1h 54m/)
    assert.match(page.body, /<dt>Director<\/dt><dd>Kit Navarro<\/dd>/)
    assert.match(page.body, /<dt>Producer<\/dt><dd>Sam Ortiz<\/dd>/)
    assert.match(page.body, /Support provided by[\s\S]*The Harbor Light Foundation/)
    assert.doesNotMatch(page.body, /The Lantern Fund/)
    assert.match(page.body, /<p>The river left\.<\/p><p>The town followed\.<\/p>/)
    // The first topic chosen is the one above the title.
    assert.match(page.body, /<span class="label">Documentary<\/span> · <a href="\/topics\/climate">Climate<\/a>/)

    const stored = await findDocumentaryById(t.database.db, id)
    assert.equal(stored?.runtimeSeconds, 6840)
    assert.equal(stored?.posterId, poster.id)
    assert.ok(stored?.publishedAt && Date.now() - Date.parse(stored.publishedAt) < 60_000)
    assert.deepEqual(stored?.credits, [
      { role: 'Director', name: 'Kit Navarro' },
      { role: 'Producer', name: 'Sam Ortiz' },
    ])
    assert.ok(await audited('documentary-created', `documentary:${id}`))

    const newsroomList = await t.app.inject({ url: '/newsroom/documentaries', headers: { cookie: editor.cookie } })
    assert.match(newsroomList.body, new RegExp(`<a href="/newsroom/documentaries/${id}">The Long River</a>`))
  })

  it('an edit changes the public pages at once, topic and funder order included', async () => {
    const stored = await findDocumentaryBySlug(t.database.db, 'the-long-river')
    assert.ok(stored)
    await cachedPage(t, '/documentaries/the-long-river')
    await cachedPage(t, '/documentaries')
    await cachedPage(t, '/topics/climate')
    const res = await postForm(
      t,
      editor,
      `/newsroom/documentaries/${stored.id}`,
      film({
        title: 'The Long River (Director’s Cut)',
        runtime: '2:05:30',
        synopsis: 'A longer cut.',
        topics: [String(rivers.id)],
        funders: [String(lantern.id), String(harbor.id)],
        creditRole: ['Director', 'Editor', ''],
        creditName: ['Kit Navarro', 'Lee Park', ''],
      }),
    )
    assert.equal(redirectedId(res), stored.id)

    const page = await freshPage(t, '/documentaries/the-long-river')
    assert.match(page.body, /The Long River \(Director’s Cut\)/)
    assert.match(page.body, /2h 5m/)
    assert.match(page.body, /A longer cut\./)
    assert.match(page.body, /<dt>Editor<\/dt><dd>Lee Park<\/dd>/)
    assert.doesNotMatch(page.body, /Sam Ortiz/)
    assert.match(page.body, /The Lantern Fund[\s\S]*The Harbor Light Foundation/)
    assert.match(page.body, /<span class="label">Documentary<\/span> · <a href="\/topics\/rivers">Rivers<\/a>/)
    assert.match((await freshPage(t, '/documentaries')).body, /Director’s Cut/)
    // The film left the climate topic, so that page is rebuilt without it.
    assert.doesNotMatch((await freshPage(t, '/topics/climate')).body, /Director’s Cut/)
    assert.ok(await audited('documentary-updated', `documentary:${stored.id}`))

    const form = await t.app.inject({
      url: `/newsroom/documentaries/${stored.id}?saved=1`,
      headers: { cookie: editor.cookie },
    })
    assert.match(form.body, /The documentary is saved/)
    assert.match(form.body, /value="2:05:30"/)
    assert.match(
      form.body,
      new RegExp(
        `<select id="funders-0" name="funders"><option value>None</option><option value="${harbor.id}">[^<]*</option><option value="${lantern.id}" selected>`,
      ),
    )
    assert.match(form.body, /<input id="credits-1-name" name="creditName" value="Lee Park"/)
    assert.equal(
      (await findDocumentaryById(t.database.db, stored.id))?.publishedAt,
      stored.publishedAt,
      'publishing again keeps the first publication time',
    )
  })

  it('a draft stays off the site; publishing shows it, and unpublishing takes it off again', async () => {
    const id = redirectedId(
      await postForm(
        t,
        editor,
        '/newsroom/documentaries',
        film({ title: 'Quiet Harbor', slug: 'quiet-harbor', status: 'draft' }),
      ),
    )
    assert.equal((await t.app.inject('/documentaries/quiet-harbor')).statusCode, 404)
    assert.equal((await findDocumentaryById(t.database.db, id))?.publishedAt, null)
    assert.doesNotMatch((await cachedPage(t, '/documentaries')).body, /Quiet Harbor/)

    redirectedId(
      await postForm(
        t,
        editor,
        `/newsroom/documentaries/${id}`,
        film({ title: 'Quiet Harbor', slug: 'quiet-harbor', status: 'published' }),
      ),
    )
    assert.match((await freshPage(t, '/documentaries')).body, /Quiet Harbor/)
    assert.equal((await cachedPage(t, '/documentaries/quiet-harbor')).statusCode, 200)
    assert.ok((await findDocumentaryById(t.database.db, id))?.publishedAt)

    redirectedId(
      await postForm(
        t,
        editor,
        `/newsroom/documentaries/${id}`,
        film({ title: 'Quiet Harbor', slug: 'quiet-harbor', status: 'draft' }),
      ),
    )
    assert.equal((await t.app.inject('/documentaries/quiet-harbor')).statusCode, 404)
    assert.doesNotMatch((await t.app.inject('/documentaries')).body, /Quiet Harbor/)
    const list = await t.app.inject({ url: '/newsroom/documentaries', headers: { cookie: editor.cookie } })
    assert.match(list.body, /Quiet Harbor/)
  })

  it('an author or a contributor may neither see nor change documentaries or excerpts', async () => {
    const target = await makeDocumentary(t.database.db, { slug: 'not-yours' })
    const before = await listAllDocumentaries(t.database.db)
    const excerpts = await listAllExcerpts(t.database.db)
    for (const browser of [author, contributor]) {
      for (const url of [
        '/newsroom/documentaries',
        '/newsroom/documentaries/new',
        `/newsroom/documentaries/${target.id}`,
        `/newsroom/documentaries/${target.id}/excerpts`,
      ]) {
        assert.equal((await t.app.inject({ url, headers: { cookie: browser.cookie } })).statusCode, 403, url)
      }
      assert.equal((await postForm(t, browser, '/newsroom/documentaries', film({ slug: 'sneaky' }))).statusCode, 403)
      assert.equal(
        (
          await postForm(
            t,
            browser,
            `/newsroom/documentaries/${target.id}`,
            film({ slug: 'not-yours', title: 'Taken over' }),
          )
        ).statusCode,
        403,
      )
      assert.equal(
        (
          await postForm(t, browser, `/newsroom/documentaries/${target.id}/excerpts`, {
            title: 'Mine',
            start: '0:10',
            end: '0:20',
          })
        ).statusCode,
        403,
      )
      const nav = await t.app.inject({ url: '/newsroom/sessions', headers: { cookie: browser.cookie } })
      assert.doesNotMatch(nav.body, /href="\/newsroom\/documentaries"/)
    }
    assert.deepEqual(await listAllDocumentaries(t.database.db), before)
    assert.deepEqual(await listAllExcerpts(t.database.db), excerpts)
  })

  it('bad input gets 400 naming each problem, keeps what was typed and stores nothing', async () => {
    const before = await listAllDocumentaries(t.database.db)
    const res = await postForm(
      t,
      editor,
      '/newsroom/documentaries',
      film({
        title: '',
        slug: 'Bad Slug!',
        runtime: 'abc',
        releaseDate: '2026-02-30',
        posterId: '99999',
        status: 'archived',
        topics: [String(rivers.id), '99999', String(rivers.id)],
        funders: ['88888'],
        creditRole: ['Director', ''],
        creditName: ['', 'Nobody'],
      }),
    )
    assert.equal(res.statusCode, 400)
    for (const message of [
      /Title cannot be empty/,
      /Slug may only hold lower-case letters and digits/,
      /Runtime “abc” is not a length of time\. Write it as minutes, like “114”/,
      /Release date 2026-02-30 is not a day on the calendar/,
      /Choose a picture from the list; that one is not stored/,
      /Status: choose draft or published/,
      /Topic 2: choose one from the list; that one does not exist/,
      /Topic 3 is already chosen as topic 1/,
      /Funder 1: choose one from the list; that one does not exist/,
      /Credit 1: the name cannot be empty/,
      /Credit 2: the role cannot be empty/,
    ])
      assert.match(res.body, message)
    assert.match(res.body, /There are 11 problems; nothing was saved/)
    assert.match(res.body, /value="Bad Slug!"/)
    assert.match(res.body, /value="abc"/)
    assert.match(res.body, /<option value="99999" selected>Not on the list \(#99999\)<\/option>/)
    assert.match(res.body, /aria-invalid="true"/)

    for (const [fields, message] of [
      [{ runtime: '1:54' }, /Runtime “1:54” is not a length of time/],
      [{ runtime: '0' }, /Runtime must be longer than zero/],
      [{ releaseDate: '15/01/2026' }, /Release date must be written as YYYY-MM-DD/],
      [{ releaseDate: '' }, /Release date cannot be empty/],
      [{ title: 't'.repeat(201) }, /Title is limited to 200 characters; this one has 201/],
    ] as const) {
      const bad = await postForm(t, editor, '/newsroom/documentaries', film({ slug: 'another-film', ...fields }))
      assert.equal(bad.statusCode, 400, JSON.stringify(fields))
      assert.match(bad.body, message)
    }
    assert.deepEqual(await listAllDocumentaries(t.database.db), before)
  })

  it('a slug another documentary uses gets 409 “That slug is taken”, on create and on edit', async () => {
    const before = await listAllDocumentaries(t.database.db)
    const res = await postForm(t, editor, '/newsroom/documentaries', film({ title: 'Another river' }))
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /That slug is taken/)
    assert.match(res.body, /value="Another river"/)
    const other = before.find(d => d.slug === 'quiet-harbor')
    assert.ok(other)
    const edit = await postForm(t, editor, `/newsroom/documentaries/${other.id}`, film({ title: 'Quiet Harbor' }))
    assert.equal(edit.statusCode, 409)
    assert.deepEqual(await listAllDocumentaries(t.database.db), before)
    assert.equal((await postForm(t, editor, '/newsroom/documentaries/999999', film())).statusCode, 404)
  })

  it('hostile text in a documentary reaches readers escaped', async () => {
    redirectedId(
      await postForm(
        t,
        editor,
        '/newsroom/documentaries',
        film({
          title: HOSTILE,
          slug: 'hostile-film',
          dek: HOSTILE,
          synopsis: `${HOSTILE}\n\n${HOSTILE}`,
          creditRole: [HOSTILE],
          creditName: [HOSTILE],
        }),
      ),
    )
    for (const url of ['/documentaries', '/documentaries/hostile-film']) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 200)
      assert.ok(!res.body.includes(HOSTILE), `${url} shows the raw script`)
      assert.ok(ESCAPED.test(res.body), `${url} shows the text escaped`)
    }
    const form = await t.app.inject({ url: '/newsroom/documentaries', headers: { cookie: editor.cookie } })
    assert.ok(!form.body.includes(HOSTILE) && ESCAPED.test(form.body))
  })

  describe('excerpts', () => {
    it('an editor adds an excerpt and edits it, and the documentary page shows each change at once', async () => {
      const doc = await findDocumentaryBySlug(t.database.db, 'the-long-river')
      assert.ok(doc)
      const edit = await t.app.inject({ url: `/newsroom/documentaries/${doc.id}`, headers: { cookie: editor.cookie } })
      assert.match(edit.body, new RegExp(`<a href="/newsroom/documentaries/${doc.id}/excerpts">Excerpts \\(0\\)</a>`))
      await cachedPage(t, '/documentaries/the-long-river')

      const res = await postForm(t, editor, `/newsroom/documentaries/${doc.id}/excerpts`, {
        title: 'The flood gauge',
        caption: 'Water where there was none.',
        start: '12:05',
        end: '13:40',
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 1000))
      const [excerpt] = await listExcerptsOfDocumentary(t.database.db, doc.id)
      assert.ok(excerpt)
      assert.deepEqual([excerpt.startSeconds, excerpt.endSeconds], [725, 820])
      assert.equal(
        res.headers.location,
        `/newsroom/documentaries/${doc.id}/excerpts?added=${excerpt.id}#excerpt-${excerpt.id}`,
      )
      const page = await freshPage(t, '/documentaries/the-long-river')
      assert.match(page.body, /12:05–13:40/)
      assert.match(page.body, /The flood gauge/)
      assert.match(page.body, /Water where there was none\./)
      assert.ok(await audited('excerpt-created', `excerpt:${excerpt.id}`))
      const list = await t.app.inject({ url: String(res.headers.location), headers: { cookie: editor.cookie } })
      assert.match(list.body, /Added “The flood gauge”/)
      assert.match(list.body, new RegExp(`<a href="/newsroom/excerpts/${excerpt.id}">The flood gauge</a>`))

      await cachedPage(t, '/documentaries/the-long-river')
      const saved = await postForm(t, editor, `/newsroom/excerpts/${excerpt.id}`, {
        title: 'The dry gauge',
        caption: '',
        start: '1:02:03',
        end: '1:05:00',
      })
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 1000))
      assert.equal(saved.headers.location, `/newsroom/excerpts/${excerpt.id}?saved=1`)
      const after = await freshPage(t, '/documentaries/the-long-river')
      assert.match(after.body, /1:02:03–1:05:00/)
      assert.match(after.body, /The dry gauge/)
      assert.doesNotMatch(after.body, /The flood gauge/)
      assert.ok(await audited('excerpt-updated', `excerpt:${excerpt.id}`))
      const form = await t.app.inject({
        url: `/newsroom/excerpts/${excerpt.id}?saved=1`,
        headers: { cookie: editor.cookie },
      })
      assert.match(form.body, /The excerpt is saved/)
      assert.match(form.body, /value="1:02:03"/)
    })

    it('an end before the start, beyond the runtime or over ten minutes on gets 400 and stores nothing', async () => {
      const doc = await makeDocumentary(t.database.db, { slug: 'short-film', runtimeSeconds: 1200 })
      const before = await listAllExcerpts(t.database.db)
      const url = `/newsroom/documentaries/${doc.id}/excerpts`
      for (const [fields, message] of [
        [{ start: '5:00', end: '4:00' }, /The end \(4:00\) must come after the start \(5:00\)/],
        [{ start: '15:00', end: '21:00' }, /The end \(21:00\) is after the film ends \(20:00\)/],
        [{ start: '1:00', end: '11:30' }, /An excerpt is limited to 10 minutes; this one runs 10:30/],
        [
          { start: 'soon', end: '' },
          /Start must be a time in the film written as m:ss or h:mm:ss[\s\S]*End cannot be empty/,
        ],
        [{ start: '1:75', end: '2:00' }, /Start must be a time in the film/],
      ] as const) {
        const res = await postForm(t, editor, url, { title: 'A passage', caption: '', ...fields })
        assert.equal(res.statusCode, 400, JSON.stringify(fields))
        assert.match(res.body, message)
        assert.match(res.body, new RegExp(`value="${fields.start}"`))
      }
      const untitled = await postForm(t, editor, url, { title: '', start: '0:10', end: '0:20' })
      assert.equal(untitled.statusCode, 400)
      assert.match(untitled.body, /Title cannot be empty/)
      assert.deepEqual(await listAllExcerpts(t.database.db), before)

      const excerpt = await makeExcerpt(t.database.db, doc.id, { title: 'Kept', startSeconds: 60, endSeconds: 90 })
      const edit = await postForm(t, editor, `/newsroom/excerpts/${excerpt.id}`, {
        title: 'Kept',
        start: '0:50',
        end: '0:40',
      })
      assert.equal(edit.statusCode, 400)
      assert.match(edit.body, /must come after the start/)
      assert.deepEqual(
        (await listExcerptsOfDocumentary(t.database.db, doc.id)).map(e => [e.startSeconds, e.endSeconds]),
        [[60, 90]],
      )
      assert.equal(
        (await postForm(t, editor, '/newsroom/excerpts/999999', { title: 'x', start: '0:01', end: '0:02' })).statusCode,
        404,
      )
      assert.equal(
        (
          await postForm(t, editor, '/newsroom/documentaries/999999/excerpts', {
            title: 'x',
            start: '0:01',
            end: '0:02',
          })
        ).statusCode,
        404,
      )
    })

    it('a documentary’s runtime cannot be cut shorter than its excerpts', async () => {
      const doc = await findDocumentaryBySlug(t.database.db, 'short-film')
      assert.ok(doc)
      await makeExcerpt(t.database.db, doc.id, { title: 'The ending', startSeconds: 900, endSeconds: 1100 })
      const res = await postForm(
        t,
        editor,
        `/newsroom/documentaries/${doc.id}`,
        film({ title: doc.title, slug: doc.slug, runtime: '15' }),
      )
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Runtime 0:15:00 would cut off the excerpt “The ending”, which ends at 0:18:20/)
      assert.equal((await findDocumentaryById(t.database.db, doc.id))?.runtimeSeconds, 1200)
    })

    it('hostile text in an excerpt reaches readers escaped', async () => {
      const doc = await findDocumentaryBySlug(t.database.db, 'the-long-river')
      assert.ok(doc)
      const res = await postForm(t, editor, `/newsroom/documentaries/${doc.id}/excerpts`, {
        title: HOSTILE,
        caption: HOSTILE,
        start: '0:10',
        end: '0:40',
      })
      assert.equal(res.statusCode, 303)
      const page = await t.app.inject('/documentaries/the-long-river')
      assert.ok(!page.body.includes(HOSTILE) && ESCAPED.test(page.body))
    })
  })
})
