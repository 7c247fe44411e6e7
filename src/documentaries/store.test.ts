// The documentaries store as film pages, lists, topic pages and the sitemap meet it, on SQLite
// or (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeDocumentary, makeFunder, makeTopic } from '../../test/factories.js'
import { hoursAgo } from '../platform/time.js'
import { parseSearchQuery, searchIndex } from '../search/index.js'
import {
  documentaryFunderIds,
  documentaryTopicIds,
  findDocumentaryBySlug,
  findPublishedDocumentariesByIds,
  findPublishedDocumentaryBySlug,
  latestDocumentaries,
  listAllDocumentaries,
  listPublishedDocumentaries,
  listPublishedDocumentariesByTopic,
  listPublishedDocumentarySlugs,
  updateDocumentary,
  type NewDocumentary,
} from './store.js'

describe('the documentaries store', () => {
  // Each test starts from no films: lists and counts are about the whole table.
  const db = freshDatabasePerTest()

  it('only published films dated up to now are public; the newsroom still sees the others', async () => {
    const topic = await makeTopic(db())
    const live = await makeDocumentary(db(), { slug: 'live', topicIds: [topic.id] })
    const draft = await makeDocumentary(db(), {
      slug: 'draft',
      status: 'draft',
      publishedAt: null,
      topicIds: [topic.id],
    })
    const future = await makeDocumentary(db(), { slug: 'future', publishedAt: hoursAgo(-48), topicIds: [topic.id] })
    for (const slug of ['draft', 'future']) {
      assert.equal(await findPublishedDocumentaryBySlug(db(), slug), undefined, slug)
      assert.equal((await findDocumentaryBySlug(db(), slug))?.slug, slug, `${slug} is still taken`)
    }
    assert.equal((await findPublishedDocumentaryBySlug(db(), 'live'))?.id, live.id)
    assert.equal(await findPublishedDocumentaryBySlug(db(), 'missing'), undefined)
    const list = await listPublishedDocumentaries(db(), 1, 10)
    assert.deepEqual(
      list.items.map(d => d.slug),
      ['live'],
    )
    assert.equal(list.total, 1)
    assert.deepEqual(
      (await latestDocumentaries(db(), 10)).map(d => d.slug),
      ['live'],
    )
    assert.deepEqual(
      [...(await findPublishedDocumentariesByIds(db(), [live.id, draft.id, future.id])).keys()],
      [live.id],
    )
    assert.deepEqual(
      (await listPublishedDocumentariesByTopic(db(), topic.id, 10)).map(d => d.slug),
      ['live'],
    )
    assert.deepEqual(
      (await listPublishedDocumentarySlugs(db())).map(d => d.slug),
      ['live'],
    )
    assert.equal((await listAllDocumentaries(db())).length, 3)
  })

  it('lists newest first, pages through, and leaves out the film being shown', async () => {
    for (let i = 0; i < 5; i++) await makeDocumentary(db(), { slug: `film-${i}`, publishedAt: hoursAgo(100 - i) })
    const first = await listPublishedDocumentaries(db(), 1, 2)
    assert.deepEqual(
      first.items.map(d => d.slug),
      ['film-4', 'film-3'],
    )
    assert.equal(first.total, 5)
    assert.equal(first.pageCount, 3)
    assert.deepEqual(
      (await listPublishedDocumentaries(db(), 3, 2)).items.map(d => d.slug),
      ['film-0'],
    )
    const shown = await findDocumentaryBySlug(db(), 'film-4')
    assert.deepEqual(
      (await latestDocumentaries(db(), 2, [shown!.id])).map(d => d.slug),
      ['film-3', 'film-2'],
    )
  })

  it('keeps credits, topics and funders in the order given, and a save replaces them', async () => {
    const [t1, t2, t3] = [await makeTopic(db()), await makeTopic(db()), await makeTopic(db())]
    const [f1, f2] = [await makeFunder(db()), await makeFunder(db())]
    const credits = [
      { role: 'Director', name: 'Ada Example' },
      { role: 'Editor', name: 'Bo Cutter' },
    ]
    const film = await makeDocumentary(db(), {
      slug: 'ordered',
      credits,
      topicIds: [t3.id, t1.id],
      funderIds: [f2.id, f1.id],
    })
    assert.deepEqual((await findPublishedDocumentaryBySlug(db(), 'ordered'))?.credits, credits)
    assert.deepEqual(await documentaryTopicIds(db(), film.id), [t3.id, t1.id])
    assert.deepEqual(await documentaryFunderIds(db(), film.id), [f2.id, f1.id])
    const { id: _id, updatedAt: _updatedAt, ...fields } = film
    const changed: NewDocumentary = {
      ...fields,
      title: 'Ordered, recut',
      credits: [credits[1]!],
      topicIds: [t2.id],
      funderIds: [],
    }
    await updateDocumentary(db(), film.id, changed)
    assert.equal((await findPublishedDocumentaryBySlug(db(), 'ordered'))?.title, 'Ordered, recut')
    assert.deepEqual((await findPublishedDocumentaryBySlug(db(), 'ordered'))?.credits, [credits[1]])
    assert.deepEqual(await documentaryTopicIds(db(), film.id), [t2.id])
    assert.deepEqual(await documentaryFunderIds(db(), film.id), [])
    assert.deepEqual(await listPublishedDocumentariesByTopic(db(), t1.id, 10), [])
  })

  it('refuses a taken slug, and a film put back in draft leaves public lists and search', async () => {
    const film = await makeDocumentary(db(), { slug: 'the-marsh', title: 'The Quillwort Marsh' })
    await assert.rejects(makeDocumentary(db(), { slug: 'the-marsh', title: 'Another marsh' }))
    assert.equal((await listAllDocumentaries(db())).length, 1)
    const search = () =>
      searchIndex(db(), { query: parseSearchQuery('quillwort'), page: 1, pageSize: 10, kind: 'documentary' })
    assert.equal((await search()).hits.total, 1)
    const { id: _id, updatedAt: _updatedAt, ...fields } = film
    await updateDocumentary(db(), film.id, {
      ...fields,
      status: 'draft',
      publishedAt: null,
      topicIds: [],
      funderIds: [],
    })
    assert.equal(await findPublishedDocumentaryBySlug(db(), 'the-marsh'), undefined)
    assert.deepEqual((await listPublishedDocumentaries(db(), 1, 10)).items, [])
    assert.equal((await search()).hits.total, 0)
  })
})
