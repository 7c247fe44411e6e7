// Episodes in search, on SQLite or (with TEST_DATABASE_URL) PostgreSQL: a published episode is
// found by its title and show notes, a draft is not, and a show's new address reaches its results.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { paragraphs } from '../../test/factories.js'
import type { BodyDocument } from '../body/index.js'
import { hoursAgo } from '../platform/time.js'
import { parseSearchQuery, rebuildSearchIndex, searchIndex } from '../search/index.js'
import { insertShow, updateShow, type ShowFields } from './show-store.js'
import { insertEpisode, updateEpisode, type EpisodeFields } from './store.js'
import { listEpisodeSearchDocuments } from './search.js'

describe('episodes in search', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  const show: ShowFields = {
    slug: 'harbour-hours',
    title: 'Harbour Hours',
    description: 'Talk from the quay.',
    artworkId: null,
    category: 'News',
    subcategory: null,
    explicit: false,
    ownerName: 'Desk',
    ownerEmail: 'desk@example.org',
    author: 'Desk',
    language: 'en',
    showType: 'episodic',
    copyright: '',
  }
  const episode = (over: Partial<EpisodeFields>): EpisodeFields => ({
    slug: 'tides',
    title: 'Counting the tides',
    number: 1,
    season: 1,
    episodeType: 'full',
    status: 'published',
    publishedAt: hoursAgo(2),
    summary: 'Two reporters and a tide gauge.',
    showNotes: paragraphs('We read the Quillmarsh gauge every morning for a month.') as BodyDocument,
    ...over,
  })
  const results = async (q: string) =>
    (
      await searchIndex(database.db, { query: parseSearchQuery(q), kind: 'episode', page: 1, pageSize: 10 })
    ).hits.items.map(h => h.url)

  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('finds a published episode by title and show notes, never a draft; unpublishing takes it out and a new show slug moves it', async () => {
    const db = database.db
    const saved = await insertShow(db, { ...show, podcastGuid: '00000000-0000-5000-8000-000000000000' })
    const published = await insertEpisode(db, saved.id, episode({}))
    await insertEpisode(
      db,
      saved.id,
      episode({
        slug: 'draft',
        title: 'Unaired tides',
        status: 'draft',
        publishedAt: null,
        showNotes: paragraphs('Quillmarsh outtakes.') as BodyDocument,
      }),
    )

    assert.deepEqual(await results('tides'), ['/podcasts/harbour-hours/tides'])
    assert.deepEqual(await results('quillmarsh'), ['/podcasts/harbour-hours/tides'])

    await updateShow(db, saved.id, { ...show, slug: 'quay-hours' })
    assert.deepEqual(await results('tides'), ['/podcasts/quay-hours/tides'])

    await updateEpisode(db, published.id, episode({ status: 'draft' }))
    assert.deepEqual(await results('tides'), [])
  })

  it('a rebuild lists published episodes only', async () => {
    const documents = await listEpisodeSearchDocuments(database.db, { afterId: 0, limit: 100 })
    assert.ok(documents.every(d => d.kind === 'episode' && !d.title.startsWith('Unaired')))
    await rebuildSearchIndex(database.db, [listEpisodeSearchDocuments])
    assert.deepEqual(await results('quillmarsh'), [])
  })
})
