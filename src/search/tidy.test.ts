// Merging SQLite's index (housekeeping's tidySearchIndex): a search finds the same after it, a
// merged index is left alone, and PostgreSQL has nothing to merge.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { hoursAgo } from '../platform/time.js'
import { parseSearchQuery } from './query.js'
import { indexSearchDocument, searchIndex } from './store.js'
import { MAX_SEGMENTS, searchSegmentSizes, tidySearchIndex } from './tidy.js'

describe('tidying the search index', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  const urls = async (q: string) =>
    (await searchIndex(database.db, { query: parseSearchQuery(q), page: 1, pageSize: 20 })).hits.items.map(h => h.url)

  before(async () => {
    database = await testDatabase()
    // Each save its own transaction, as the newsroom saves: on SQLite each leaves a segment.
    for (let id = 1; id <= 10; id++)
      await indexSearchDocument(database.db, {
        kind: 'story',
        ownerId: id,
        title: `Ferry ledger ${id}`,
        summary: id % 2 ? 'The tide tables of the estuary.' : '',
        body: `Crossing number ${id} of the winter ferry.`,
        url: `/stories/ferry-${id}`,
        publishedAt: hoursAgo(id),
        topicIds: [],
      })
  })
  after(() => database.dispose())

  it('merges an index of many segments into one, and searches find the same', async () => {
    const before = { ferry: await urls('ferry'), tide: await urls('"tide tables"') }
    assert.equal(before.ferry.length, 10)
    const report = await tidySearchIndex(database.db, { pauseMs: 1 })
    if (database.dialect === 'postgres') {
      assert.deepEqual(report, { segments: 0, steps: 0 })
    } else {
      assert.ok(report.segments > MAX_SEGMENTS, `${report.segments} segments before`)
      assert.ok(report.steps > 0)
      assert.equal((await searchSegmentSizes(database.db)).length, 1)
    }
    assert.deepEqual(await urls('ferry'), before.ferry)
    assert.deepEqual(await urls('"tide tables"'), before.tide)
    assert.deepEqual(await urls('crossing 7'), ['/stories/ferry-7'])
  })

  it('leaves a merged index alone', async () => {
    assert.equal((await tidySearchIndex(database.db)).steps, 0)
  })
})
