// Phrases and common words, on SQLite or (with TEST_DATABASE_URL) PostgreSQL: what SQLite scores
// by a cheaper form of the query (a phrase's NEAR form, a query without its common words) still
// finds exactly what the query matches, ranked as before.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { hoursAgo } from '../platform/time.js'
import { parseSearchQuery } from './query.js'
import {
  COUNT_LIMIT,
  MARK_END,
  MARK_START,
  RANKED_PER_KIND,
  indexSearchDocument,
  searchIndex,
  type SearchDocument,
} from './store.js'

// More stories than the newest sampled for common words (1,000 in sqlite-index.ts).
const STORIES = 1020

describe('phrases and common words', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  let nextId = 1
  const add = (title: string, body: string, hours: number, extra: Partial<SearchDocument> = {}) => {
    const id = nextId++
    return indexSearchDocument(database.db, {
      kind: 'episode',
      ownerId: id,
      title,
      summary: '',
      body,
      url: `/e/${id}`,
      publishedAt: hoursAgo(hours),
      topicIds: [],
      ...extra,
    })
  }
  const find = (q: string) => searchIndex(database.db, { query: parseSearchQuery(q), page: 1, pageSize: 10 })
  const titles = async (q: string) =>
    (await find(q)).hits.items.map(h => h.title.replaceAll(MARK_START, '').replaceAll(MARK_END, ''))

  before(async () => {
    database = await testDatabase()
    await add('Tidal mill', 'The old tidal mill turns again.', 50)
    await add('Reversed', 'A mill tidal in the wrong order.', 1)
    await add('Apart', 'A tidal basin and a mill.', 2)
    await add('Body only', 'Beside the harbour stands a tidal mill, restored.', 3)
    await add('Twice told', 'A told told tale of the ferry.', 4)
    await add('Once told', 'A told tale of the ferry.', 5)
  })
  after(() => database.dispose())

  it('finds a phrase only with its words side by side in order, however the words lie elsewhere', async () => {
    assert.deepEqual((await titles('"tidal mill"')).sort(), ['Body only', 'Tidal mill'])
    assert.deepEqual(await titles('"mill tidal"'), ['Reversed'])
    assert.deepEqual(await titles('"old tidal mill"'), ['Tidal mill'])
    assert.deepEqual(await titles('"told told"'), ['Twice told'])
    assert.deepEqual((await titles('"told tale" ferry')).sort(), ['Once told', 'Twice told'])
  })

  it('ranks a phrase in the headline above one in the body, even when older', async () => {
    assert.deepEqual(await titles('"tidal mill"'), ['Tidal mill', 'Body only'])
  })

  it('answers odd phrases with nothing or sane results, never an error', async () => {
    for (const q of ['""', '"tidal', '" mill "', '"NEAR tidal mill"', '"tidal mill" "', '"a b c d e f g h"'])
      await assert.doesNotReject(find(q), q)
    assert.deepEqual(await titles('"NEAR tidal"'), [])
  })

  it('counts and ranks a phrase with more matches than are ranked: the newest, never a reversed one', async () => {
    await database.db.transaction().execute(async trx => {
      for (let i = 0; i < STORIES; i++) {
        const id = 10_000 + i
        const reversed = i % 3 === 0
        await indexSearchDocument(trx, {
          kind: 'story',
          ownerId: id,
          title: `Ledger ${i}`,
          summary: '',
          body: reversed ? 'The harbour salt was weighed.' : 'The salt harbour was weighed.',
          url: `/s/${id}`,
          publishedAt: hoursAgo(2000 - i / 10),
          topicIds: [],
        })
      }
    })
    const found = await find('"salt harbour"')
    const expected = Array.from({ length: STORIES }, (_, i) => i).filter(i => i % 3 !== 0)
    assert.equal(found.counts.story, Math.min(expected.length, COUNT_LIMIT))
    assert.equal(found.hits.items[0]?.url, `/s/${10_000 + (expected.at(-1) ?? 0)}`)
    assert.ok(found.hits.items.every(h => h.snippet.includes(`${MARK_START}salt`)))
    const last = await searchIndex(database.db, {
      query: parseSearchQuery('"salt harbour"'),
      page: found.hits.pageCount,
      pageSize: 10,
    })
    assert.ok(last.hits.items.every(h => (Number(h.url.slice(3)) - 10_000) % 3 !== 0))
  })

  it('finds every word of a query of common words and ranks a headline match first', async () => {
    // "weighed" and "salt" are in every story above, so SQLite scores by the rarer only; the newest
    // story holds both in its headline and comes first.
    await indexSearchDocument(database.db, {
      kind: 'story',
      ownerId: 20_000,
      title: 'Salt weighed',
      summary: '',
      body: 'The salt harbour was weighed.',
      url: '/s/salt',
      publishedAt: hoursAgo(1),
      topicIds: [],
    })
    const found = await find('salt weighed')
    assert.equal(found.counts.story, COUNT_LIMIT)
    assert.equal(found.hits.items[0]?.url, '/s/salt')
    assert.deepEqual(await titles('salt weighed nowhere'), [])
  })

  it('ranks an older phrase in a headline first among a phrase of common words', async () => {
    // Both words are in every story above; the phrase's 340 reversed matches are all scored.
    await indexSearchDocument(database.db, {
      kind: 'story',
      ownerId: 20_001,
      title: 'Harbour salt',
      summary: '',
      body: 'The harbour salt was weighed.',
      url: '/s/harbour-salt',
      publishedAt: hoursAgo(2100),
      topicIds: [],
    })
    const found = await find('"harbour salt"')
    assert.equal(found.counts.story, Math.ceil(STORIES / 3) + 1)
    assert.equal(found.hits.items[0]?.url, '/s/harbour-salt')
    assert.ok(found.hits.items.every(h => h.url === '/s/harbour-salt' || (Number(h.url.slice(3)) - 10_000) % 3 === 0))
  })

  it('counts and ranks a phrase rare among the newest stories but with more matches than are ranked', async () => {
    // SQLite expects a phrase it hardly finds among the newest 1,000 stories to be rare, and scores
    // it as it walks it; finding more than it ranks, it counts and ranks it as any common phrase.
    await database.db.transaction().execute(async trx => {
      for (let i = 0; i < 600; i++)
        await indexSearchDocument(trx, {
          kind: 'story',
          ownerId: 30_000 + i,
          title: `Inventory ${i}`,
          summary: '',
          body: 'A copper kettle and a kettle of copper.',
          url: `/s/${30_000 + i}`,
          publishedAt: hoursAgo(5000 - i / 10),
          topicIds: [],
        })
    })
    const found = await find('"copper kettle"')
    assert.equal(found.counts.story, 600)
    assert.equal(found.hits.items[0]?.url, '/s/30599')
    assert.ok(found.hits.items.every(h => h.snippet.includes(`${MARK_START}copper`)))
  })
})
