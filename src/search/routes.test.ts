// /search and /api/search as readers and the island meet them, and the index following the
// newsroom's writes. Runs on SQLite, or PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/helpers.js'
import { makeDocumentary, makePerson, makeStory, makeTopic, paragraphs } from '../../test/factories.js'
import { postForm, signInAs, type Browser } from '../../test/newsroom-helpers.js'
import { hoursAgo } from '../platform/time.js'
import { updateDocumentary, findDocumentaryById } from '../documentaries/index.js'

type App = Awaited<ReturnType<typeof testApp>>

const apiTitles = async (t: App, query: string) => {
  const res = await t.app.inject(`/api/search?${query}`)
  assert.equal(res.statusCode, 200, res.body)
  return (res.json() as { results: { title: string }[] }).results.map(r => r.title)
}

describe('search pages', () => {
  let t: App
  let editor: Browser

  before(async () => {
    t = await testApp({ runJobs: false })
    const db = t.database.db
    const water = await makeTopic(db, { slug: 'water', name: 'Water' })
    await makeTopic(db, { slug: 'courts', name: 'Courts' })
    await makeStory(db, {
      slug: 'the-quarry-tapes',
      title: 'The quarry tapes',
      dek: 'Recordings from a flooded pit.',
      topicIds: [water.id],
      body: paragraphs(
        'Divers recovered cassettes from the quarry floor.',
        'Nobody had listened to them since the flood.',
      ),
    })
    await makeStory(db, {
      slug: 'hostile',
      title: '<script>alert("quarry")</script>',
      dek: 'Escaped & shown as text.',
      body: paragraphs('quarry'),
    })
    for (let i = 1; i <= 13; i++)
      await makeStory(db, {
        slug: `bellfounder-${i}`,
        title: `Bellfounder dispatch ${i}`,
        publishedAt: hoursAgo(i),
        body: paragraphs('Bronze.'),
      })
    await makeStory(db, {
      slug: 'the-diver-said',
      title: `The diver's "last" dive`,
      body: paragraphs('Sediment.'),
    })
    await makeDocumentary(db, {
      slug: 'quarry-film',
      title: 'Under the Quarry',
      synopsis: 'A film about the pit.',
      topicIds: [water.id],
    })
    await makePerson(db, {
      slug: 'ines-quarrington',
      name: 'Ines Quarrington',
      jobTitle: 'Audio producer',
      bio: 'Restores old tape.',
    })
    editor = await signInAs(t, 'editor')
  })
  after(() => t.dispose())

  it('shows results with the matched words marked, not indexed and not page-cached', async () => {
    const res = await t.app.inject('/search?q=cassettes')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<a href="\/stories\/the-quarry-tapes">The quarry tapes<\/a>/)
    assert.match(res.body, /<mark>cassettes<\/mark>/)
    assert.match(res.body, /<meta name="robots" content="noindex"/)
    assert.equal(res.headers['cache-control'], 'public, max-age=60')
    assert.equal((await t.app.inject('/search?q=cassettes')).headers['x-cache'], undefined)
    assert.match(res.body, /1 result for “cassettes”/)
  })

  it('shows a hit’s headline with typographic quotes, as its page does, across the marked word', async () => {
    const res = await t.app.inject('/search?q=last')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /The diver’s “<mark>last<\/mark>” dive/)
  })

  it('escapes stored text in results: a headline with markup is shown as text', async () => {
    const res = await t.app.inject('/search?q=alert')
    assert.ok(!res.body.includes('<script>alert'), 'no live script from stored text')
    assert.match(res.body, /<a href="\/stories\/hostile">&lt;script/)
  })

  it('has a search form in the header of every page, labelled, working without JavaScript', async () => {
    const home = (await t.app.inject('/')).body
    assert.match(home, /<form class="site-search" action="\/search" method="get" role="search"/)
    assert.match(home, /<label class="visually-hidden" for="site-search-q">Search the site<\/label>/)
    assert.match(home, /<script type="module" src="\/assets\/search-typeahead\.[^"]+\.js"/)
  })

  it('filters by type and by topic, with counts per type', async () => {
    const all = (await t.app.inject('/search?q=quarry')).body
    assert.match(all, /Stories <span class="search-filters__count">2<\/span>/)
    assert.match(all, /Documentaries <span class="search-filters__count">1<\/span>/)
    const films = (await t.app.inject('/search?q=quarry&type=documentary')).body
    assert.match(films, /Under the <mark>Quarry<\/mark>/)
    assert.ok(!films.includes('The quarry tapes'))
    assert.deepEqual((await apiTitles(t, 'q=quarry&topic=water')).sort(), ['The quarry tapes', 'Under the Quarry'])
  })

  it('pages through many results', async () => {
    const first = (await t.app.inject('/search?q=bellfounder')).body
    assert.match(first, /13 results for “bellfounder”/)
    assert.match(first, /href="\/search\?page=2&amp;q=bellfounder"/)
    const second = (await t.app.inject('/search?q=bellfounder&page=2')).body
    assert.equal((second.match(/class="search-result /g) ?? []).length, 3)
    assert.match((await t.app.inject('/search?q=bellfounder&page=9')).body, /There are no more results/)
  })

  it('helps when nothing is found, and when nothing is asked', async () => {
    const none = await t.app.inject('/search?q=zeppelinfactory')
    assert.equal(none.statusCode, 200)
    assert.match(none.body, /Nothing found for “zeppelinfactory”/)
    assert.match(none.body, /Some things to try/)
    assert.match(none.body, /href="\/topics\/water"/)
    assert.match(none.body, /href="\/articles"/)
    assert.match(
      (await t.app.inject(`/search?q=${encodeURIComponent('?!* ()')}`)).body,
      /no letters or digits to look for/,
    )
    const empty = await t.app.inject('/search')
    assert.equal(empty.statusCode, 200)
    assert.match(empty.body, /Find any story, documentary, podcast episode, person or topic by a word/)
  })

  it('answers hostile queries with 200 on the page and the API', async () => {
    const hostile = [
      'x'.repeat(10_240),
      '"'.repeat(300),
      '"unbalanced',
      'NEAR(quarry tapes, 2)',
      'title:quarry',
      '^quarry',
      '-quarry',
      '(quarry',
      "quarry' OR 1=1; --",
      'quarry%00',
      '🙂 quarry 🙂',
      '*',
      ':',
      '!@#$%^&*()',
      'quarry & | ! <->',
      '\\',
      '%F0%9F',
      'a b c d e f g h i j k l m n o p',
    ]
    for (const q of hostile) {
      const encoded = q.includes('%') ? q : encodeURIComponent(q)
      for (const path of ['/search', '/api/search']) {
        const res = await t.app.inject(`${path}?q=${encoded}&prefix=true`.replace('/search?q', '/search?q'))
        assert.equal(res.statusCode, 200, `${path} ${q.slice(0, 40)}: ${res.body.slice(0, 200)}`)
      }
    }
    assert.ok((await apiTitles(t, `q=${encodeURIComponent('(quarry "tapes')}`)).includes('The quarry tapes'))
  })

  it('refuses bad parameters with 400 and a message a person understands', async () => {
    for (const [url, words] of [
      ['/search?q=quarry&type=film', /type/],
      ['/search?q=quarry&page=0', /page/],
      ['/search?q=quarry&page=two', /page/],
      ['/search?q=quarry&page=101', /page/],
      ['/search?q=quarry&topic=nowhere', /no topic “nowhere”/],
      ['/search?q=quarry&topic=Bad%20Slug', /topic/],
      ['/api/search?q=quarry&limit=500', /limit/],
      ['/api/search?q=quarry&type=<b>', /type/],
    ] as const) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 400, url)
      assert.match(res.body, words, url)
    }
    const json = await t.app.inject('/api/search?q=quarry&type=film')
    assert.equal((json.json() as { error: { code: string } }).error.code, 'invalid_input')
  })

  it('answers JSON with exactly the listed fields, and prefix matches while typing', async () => {
    const res = await t.app.inject('/api/search?q=casset&prefix=true&limit=5')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'public, max-age=60')
    const body = res.json() as Record<string, unknown> & { results: Record<string, unknown>[] }
    assert.deepEqual(Object.keys(body).sort(), [
      'counts',
      'countsOverLimit',
      'page',
      'pageCount',
      'pageSize',
      'query',
      'results',
      'total',
      'totalIsLowerBound',
    ])
    assert.deepEqual(Object.keys(body.counts as object).sort(), [
      'documentary',
      'episode',
      'interview',
      'person',
      'story',
      'topic',
    ])
    assert.equal(body.pageSize, 5)
    const [first] = body.results
    assert.deepEqual(Object.keys(first ?? {}).sort(), [
      'highlights',
      'id',
      'imageUrl',
      'kind',
      'publishedAt',
      'snippet',
      'title',
      'url',
    ])
    assert.equal(first?.url, '/stories/the-quarry-tapes')
    assert.ok(first)
    assert.deepEqual(
      (first.highlights as { snippet: { text: string; match: boolean }[] }).snippet
        .filter(s => s.match)
        .map(s => s.text),
      ['cassettes'],
    )
    assert.deepEqual(await apiTitles(t, 'q=casset'), [], 'without prefix=true a part of a word is not a word')
  })

  it('follows the newsroom: a draft is not found, publishing adds it, an edit re-indexes it, unpublishing removes it', async () => {
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: '',
      body: JSON.stringify({ type: 'doc', content: [] }),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    const save = (title: string, version: number) =>
      postForm(t, editor, `/newsroom/stories/${id}`, {
        version: String(version),
        title,
        slug: 'glassblower',
        dek: 'A dek',
        section: 'article',
        body: JSON.stringify(paragraphs('The furnace roared all night.')),
      })
    assert.equal((await save('The glassblower of Orlent', 1)).statusCode, 303)
    assert.deepEqual(await apiTitles(t, 'q=glassblower'), [], 'a draft is not found')
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })).statusCode, 303)
    assert.deepEqual(await apiTitles(t, 'q=glassblower'), ['The glassblower of Orlent'])
    const version = Number(
      (await t.database.db.selectFrom('stories').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version,
    )
    assert.equal((await save('The lampworker of Orlent', version)).statusCode, 303)
    assert.deepEqual(await apiTitles(t, 'q=glassblower'), [])
    assert.deepEqual(await apiTitles(t, 'q=lampworker'), ['The lampworker of Orlent'])
    assert.deepEqual(await apiTitles(t, 'q=furnace'), ['The lampworker of Orlent'])
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'unpublish' })).statusCode, 303)
    assert.deepEqual(await apiTitles(t, 'q=lampworker'), [])
  })

  it('a scheduled story is not found before its time, and is once the publishing job has run', async () => {
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: '',
      body: JSON.stringify({ type: 'doc', content: [] }),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    await postForm(t, editor, `/newsroom/stories/${id}`, {
      version: '1',
      title: 'The cartwright’s almanac',
      slug: 'cartwright',
      dek: 'A dek',
      section: 'article',
      body: JSON.stringify(paragraphs('Wheels.')),
    })
    const soon = new Date(Date.now() + 1500)
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/stories/${id}/status`, {
          action: 'schedule',
          scheduledFor: soon.toISOString(),
        })
      ).statusCode,
      303,
    )
    assert.deepEqual(await apiTitles(t, 'q=cartwright'), [])
    await new Promise(resolve => setTimeout(resolve, Math.max(0, soon.getTime() - Date.now() + 200)))
    assert.equal(await t.jobs.runDueJobs(), 1)
    assert.deepEqual(await apiTitles(t, 'q=cartwright'), ['The cartwright’s almanac'])
  })

  it('finds people and topics as the newsroom saves them', async () => {
    const person = await postForm(t, editor, '/newsroom/people', {
      name: 'Tobiah Wrenfield',
      slug: 'tobiah-wrenfield',
      jobTitle: 'Cartographer',
      bio: 'Maps rivers.',
    })
    assert.equal(person.statusCode, 303, person.body.slice(0, 300))
    assert.deepEqual(await apiTitles(t, 'q=wrenfield&type=person'), ['Tobiah Wrenfield'])
    assert.deepEqual(await apiTitles(t, 'q=courts&type=topic'), ['Courts'])
  })

  it('a write that rolls back leaves the index as it was', async () => {
    const db = t.database.db
    await assert.rejects(
      db.transaction().execute(async trx => {
        await makeStory(trx, { slug: 'never', title: 'The vanishing ropewalk', body: paragraphs('Hemp.') })
        throw new Error('something later in the same write failed')
      }),
    )
    assert.deepEqual(await apiTitles(t, 'q=ropewalk'), [])
    const film = await findDocumentaryById(
      db,
      (await db.selectFrom('documentaries').select('id').where('slug', '=', 'quarry-film').executeTakeFirstOrThrow())
        .id,
    )
    assert.ok(film)
    await assert.rejects(
      db.transaction().execute(async trx => {
        await updateDocumentary(trx, film.id, { ...film, title: 'Renamed film', topicIds: [], funderIds: [] })
        throw new Error('rolled back')
      }),
    )
    assert.deepEqual(await apiTitles(t, 'q=renamed'), [])
    assert.deepEqual(await apiTitles(t, 'q=quarry&type=documentary'), ['Under the Quarry'])
  })
})
