// Search as readers meet it, on SQLite or (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makePerson, makeStory, makeTopic, paragraphs } from '../../test/factories.js'
import { hoursAgo } from '../platform/time.js'
import { parseSearchQuery } from './query.js'
import {
  COUNT_LIMIT,
  RANKED_PER_KIND,
  MARK_END,
  MARK_START,
  indexSearchDocument,
  removeSearchDocument,
  searchIndex,
  type SearchRequest,
} from './store.js'
import { rebuildSearchIndex } from './rebuild.js'
import { listStorySearchDocuments } from '../stories/index.js'
import { listDocumentarySearchDocuments } from '../documentaries/index.js'
import { listPersonSearchDocuments } from '../people/index.js'
import { listTopicSearchDocuments } from '../topics/index.js'

describe('the search index', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  const find = (q: string, options: Partial<SearchRequest> & { prefixLast?: boolean } = {}) =>
    searchIndex(database.db, {
      query: parseSearchQuery(q, { prefixLast: options.prefixLast }),
      page: 1,
      pageSize: 10,
      ...options,
    })
  const titles = async (q: string, options: Partial<SearchRequest> & { prefixLast?: boolean } = {}) =>
    (await find(q, options)).hits.items.map(h => h.title.replaceAll(MARK_START, '').replaceAll(MARK_END, ''))

  before(async () => {
    database = await testDatabase()
    const db = database.db
    const water = await makeTopic(db, { slug: 'water', name: 'Water Rights', description: 'Who owns the rivers.' })
    await makeStory(db, {
      title: 'The aquifer ledger',
      dek: 'How a valley counted its wells.',
      topicIds: [water.id],
      publishedAt: hoursAgo(5),
      body: paragraphs(
        'Surveyors walked the dry creek beds for a season.',
        'The investigation found forty unregistered pumps near Zanbrook.',
      ),
    })
    await makeStory(db, {
      title: 'Orchard notes',
      dek: 'A quiet season.',
      body: paragraphs('Nothing about pumps here, only pears and quinces.'),
    })
    await makeStory(db, {
      title: 'A café on the quay',
      dek: 'Espresso at dawn.',
      body: paragraphs('The harbour wakes slowly.'),
    })
    await makeStory(db, {
      title: 'Unfinished thoughts',
      status: 'draft',
      publishedAt: null,
      body: paragraphs('Zanbrook secret draft text.'),
    })
    await makeStory(db, {
      title: 'Tomorrow’s Zanbrook piece',
      status: 'published',
      publishedAt: hoursAgo(-48),
      body: paragraphs('Embargoed.'),
    })
    await makeDocumentary(db, {
      title: 'River of Ledgers',
      dek: 'A film about counting water.',
      synopsis: 'Farmers and pumps along the Zanbrook.',
      topicIds: [water.id],
    })
    await makeDocumentary(db, {
      title: 'Unreleased film',
      status: 'draft',
      publishedAt: null,
      synopsis: 'Zanbrook in the rain.',
    })
    await makePerson(db, {
      name: 'Oriane Velasquez-Tarn',
      jobTitle: 'Water correspondent',
      bio: 'Reports on aquifers and pumps.',
    })
  })
  after(() => database.dispose())

  it('finds a story by a word of its headline and by a word of its body', async () => {
    assert.equal((await titles('aquifer'))[0], 'The aquifer ledger')
    assert.ok((await titles('ledger')).includes('The aquifer ledger'))
    assert.ok((await titles('unregistered')).includes('The aquifer ledger'))
  })

  it('finds stemmed forms: "investigating" finds "investigation"', async () => {
    assert.deepEqual(await titles('investigating'), ['The aquifer ledger'])
  })

  it('matches a quoted phrase only with its words in order', async () => {
    assert.deepEqual(await titles('"dry creek"'), ['The aquifer ledger'])
    assert.deepEqual(await titles('"creek dry"'), [])
  })

  it('matches the start of a word with * or while typing', async () => {
    assert.ok((await titles('unregist*')).includes('The aquifer ledger'))
    assert.ok((await titles('unregist', { prefixLast: true })).includes('The aquifer ledger'))
    assert.deepEqual(await titles('unreg'), [])
    // Stemmed as a word, "investigati" would miss "investigation": a shorter prefix is tried.
    assert.deepEqual(await titles('investigati', { prefixLast: true }), ['The aquifer ledger'])
    assert.ok((await titles('unreg', { prefixLast: true })).includes('The aquifer ledger'))
  })

  it('folds accents: "cafe" finds "café"', async () => {
    assert.deepEqual(await titles('cafe'), ['A café on the quay'])
    assert.deepEqual(await titles('CAFÉ'), ['A café on the quay'])
  })

  it('ranks a headline match above a body match', async () => {
    // The body match is the newer of the two, so only the headline's weight can put it second.
    await makeStory(database.db, {
      title: 'Quillwort in the marsh',
      dek: 'A fern returns.',
      publishedAt: hoursAgo(30),
      body: paragraphs('Botanists counted the ferns.'),
    })
    await makeStory(database.db, {
      title: 'Wetland survey',
      dek: 'Plants of the fen.',
      publishedAt: hoursAgo(2),
      body: paragraphs('Among the sedges grew quillwort and rushes.'),
    })
    assert.deepEqual(await titles('quillwort'), ['Quillwort in the marsh', 'Wetland survey'])
    const pumps = await titles('pumps')
    // The person's bio and the story's body both say pumps; the film's synopsis too: all found.
    assert.ok(pumps.length >= 3)
  })

  it('leaves drafts, unpublished films and future stories out', async () => {
    const found = await titles('zanbrook')
    assert.deepEqual(found.sort(), ['River of Ledgers', 'The aquifer ledger'])
  })

  it('counts results per kind and filters by kind and topic', async () => {
    const all = await find('pumps')
    assert.equal(all.counts.story, 2)
    assert.equal(all.counts.documentary, 1)
    assert.equal(all.counts.person, 1)
    const films = await find('pumps', { kind: 'documentary' })
    assert.deepEqual(
      films.hits.items.map(h => h.kind),
      ['documentary'],
    )
    assert.equal(films.hits.total, 1)
    const water = await database.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'water')
      .executeTakeFirstOrThrow()
    const inWater = await find('pumps', { topicId: water.id })
    assert.deepEqual(inWater.hits.items.map(h => h.kind).sort(), ['documentary', 'story'])
  })

  it('marks the matched words in the title and the snippet', async () => {
    const [hit] = (await find('unregistered')).hits.items
    assert.ok(hit?.snippet.includes(`${MARK_START}unregistered${MARK_END}`), hit?.snippet)
    const [byTitle] = (await find('aquifer ledger')).hits.items
    assert.ok(byTitle?.title.includes(`${MARK_START}ledger${MARK_END}`), byTitle?.title)
  })

  it('answers hostile input with zero or sane results and never an error', async () => {
    const hostile = [
      'x'.repeat(10_000),
      '"'.repeat(501),
      '"unbalanced quote',
      'NEAR(a b)',
      'title:aquifer',
      '^aquifer',
      '-aquifer',
      '(aquifer',
      "'; drop table search_documents; --",
      'a\u0000b',
      '🙂🙂 aquifer 🙂',
      '***',
      'aquifer OR orchard',
      '!@#$%^&*()_+{}|:<>?',
      'AND OR NOT',
      '\\"\\',
      '\uD800 broken',
      'ledger*'.repeat(500),
    ]
    for (const q of hostile) await assert.doesNotReject(find(q, { prefixLast: true }), q.slice(0, 30))
    assert.deepEqual(await titles('ledger:aquifer'), ['The aquifer ledger'])
    assert.deepEqual(await titles('aquifer OR orchard'), [])
  })

  it('pages through results', async () => {
    for (let i = 0; i < 12; i++)
      await makeStory(database.db, { title: `Gristmill report ${i}`, body: paragraphs('Flour.') })
    const first = await find('gristmill', { pageSize: 5 })
    const third = await find('gristmill', { pageSize: 5, page: 3 })
    assert.equal(first.hits.total, 12)
    assert.equal(first.hits.pageCount, 3)
    assert.equal(first.hits.items.length, 5)
    assert.equal(third.hits.items.length, 2)
  })

  it('favours recent work when the words weigh the same', async () => {
    await makeStory(database.db, {
      title: 'Millpond survey',
      publishedAt: hoursAgo(24 * 900),
      body: paragraphs('Same.'),
    })
    await makeStory(database.db, {
      title: 'Millpond survey',
      slug: 'millpond-new',
      publishedAt: hoursAgo(24),
      body: paragraphs('Same.'),
    })
    const hits = (await find('millpond')).hits.items
    assert.equal(hits[0]?.url, '/stories/millpond-new')
  })

  it('ranks a title match over a body match of an equally recent story', async () => {
    await makeStory(database.db, {
      title: 'Notes from the valley',
      publishedAt: hoursAgo(2),
      body: paragraphs('The word kestrel appears once in this body among other words.'),
    })
    await makeStory(database.db, {
      title: 'Kestrel',
      slug: 'kestrel',
      publishedAt: hoursAgo(3),
      body: paragraphs('A bird over the field among other words.'),
    })
    const hits = (await find('kestrel')).hits.items
    assert.equal(hits[0]?.url, '/stories/kestrel')
  })

  it('counts up to a limit and says when there are more, still ranking the page', async () => {
    await database.db.transaction().execute(async trx => {
      for (let i = 0; i < COUNT_LIMIT + 5; i++) {
        await indexSearchDocument(trx, {
          kind: 'episode',
          ownerId: 50_000 + i,
          title: `Lighthouse log ${i}`,
          summary: '',
          body: 'Fog.',
          url: `/podcasts/x/${i}`,
          publishedAt: hoursAgo(COUNT_LIMIT + 5 - i),
          topicIds: [],
        })
      }
    })
    const found = await find('lighthouse')
    assert.equal(found.counts.episode, COUNT_LIMIT)
    assert.deepEqual(found.overLimit, ['episode'])
    assert.equal(found.totalIsLowerBound, true)
    assert.equal(found.hits.items.length, 10)
    assert.equal(found.hits.pageCount, RANKED_PER_KIND / 10, 'pages go as deep as the ranked matches')
    assert.equal((await find('lighthouse', { page: found.hits.pageCount })).hits.items.length, 10)
    // Later ids are newer, as in a real archive: the newest comes first when the words weigh the same.
    assert.equal(found.hits.items[0]?.url, `/podcasts/x/${COUNT_LIMIT + 4}`)
    await database.db.transaction().execute(async trx => {
      for (let i = 0; i < COUNT_LIMIT + 5; i++) await removeSearchDocument(trx, 'episode', 50_000 + i)
    })
    assert.equal((await find('lighthouse')).hits.total, 0)
  })

  it('rebuilds from the owners’ lists to the same answers', async () => {
    const before = await titles('pumps')
    await removeSearchDocument(database.db, 'person', 1)
    const count = await rebuildSearchIndex(database.db, [
      listStorySearchDocuments,
      listDocumentarySearchDocuments,
      listPersonSearchDocuments,
      listTopicSearchDocuments,
    ])
    assert.ok(count > 10)
    assert.deepEqual((await titles('pumps')).sort(), before.sort())
    assert.deepEqual((await titles('zanbrook')).sort(), ['River of Ledgers', 'The aquifer ledger'])
  })
})
