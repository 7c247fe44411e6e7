import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makePerson, makeStory, makeTopic, paragraphs } from '../../test/factories.js'
import { hoursAgo } from '../platform/time.js'
import { findPublishedStoryBySlug, insertStory } from './store.js'
import {
  latestStories,
  listPublishedStories,
  listPublishedStoriesAboutDocumentary,
  listPublishedStoriesSince,
  RELATED_CANDIDATES_PER_TOPIC,
  relatedStories,
} from './published-list-store.js'

describe('the stories store', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('keeps authors, topics and related documentaries in the order given', async () => {
    const db = database.db
    const [a, b, c] = [await makePerson(db), await makePerson(db), await makePerson(db)]
    const [t1, t2] = [await makeTopic(db), await makeTopic(db)]
    const film = await makeDocumentary(db)
    await makeStory(db, {
      slug: 'ordered',
      authorIds: [c.id, a.id, b.id],
      topicIds: [t2.id, t1.id],
      documentaryIds: [film.id],
    })
    const story = await findPublishedStoryBySlug(db, 'ordered')
    assert.deepEqual(story?.authorIds, [c.id, a.id, b.id])
    assert.deepEqual(story?.topicIds, [t2.id, t1.id])
    assert.deepEqual(story?.documentaryIds, [film.id])
    assert.equal(story?.body.type, 'doc')
  })

  it('refuses a story whose body is not a valid document and stores nothing', async () => {
    const db = database.db
    await assert.rejects(
      insertStory(db, {
        slug: 'bad-body',
        title: 'Bad',
        dek: '',
        section: 'article',
        status: 'published',
        publishedAt: hoursAgo(1),
        heroImageId: null,
        authorIds: [],
        topicIds: [],
        documentaryIds: [],
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
            },
          ],
        },
      }),
      (err: Error & { code?: string }) => err.code === 'invalid_document',
    )
    assert.equal(
      await db.selectFrom('stories').select('id').where('slug', '=', 'bad-body').executeTakeFirst(),
      undefined,
    )
  })

  it('only published stories dated up to now are public', async () => {
    const db = database.db
    await makeStory(db, { slug: 'draft', status: 'draft', publishedAt: null })
    await makeStory(db, { slug: 'scheduled', status: 'scheduled', publishedAt: hoursAgo(-2) })
    await makeStory(db, { slug: 'future', status: 'published', publishedAt: hoursAgo(-2) })
    for (const slug of ['draft', 'scheduled', 'future'])
      assert.equal(await findPublishedStoryBySlug(db, slug), undefined, slug)
    const all = await listPublishedStories(db, { page: 1, pageSize: 100 })
    assert.ok(all.items.every(s => !['draft', 'scheduled', 'future'].includes(s.slug)))
  })

  it('lists newest first, pages through, and filters by topic and person', async () => {
    const db = database.db
    const topic = await makeTopic(db)
    const person = await makePerson(db)
    for (let i = 0; i < 5; i++)
      await makeStory(db, {
        slug: `paged-${i}`,
        publishedAt: hoursAgo(100 - i),
        topicIds: [topic.id],
        authorIds: i % 2 ? [person.id] : [],
      })
    const first = await listPublishedStories(db, { page: 1, pageSize: 2, topicId: topic.id })
    assert.deepEqual(
      first.items.map(s => s.slug),
      ['paged-4', 'paged-3'],
    )
    assert.equal(first.total, 5)
    assert.equal(first.pageCount, 3)
    const third = await listPublishedStories(db, { page: 3, pageSize: 2, topicId: topic.id })
    assert.deepEqual(
      third.items.map(s => s.slug),
      ['paged-0'],
    )
    const byPerson = await listPublishedStories(db, { page: 1, pageSize: 10, personId: person.id })
    assert.deepEqual(
      byPerson.items.map(s => s.slug),
      ['paged-3', 'paged-1'],
    )
  })

  it('related stories share topics, most shared first, never the story itself', async () => {
    const db = database.db
    const [x, y, z] = [await makeTopic(db), await makeTopic(db), await makeTopic(db)]
    const subject = await makeStory(db, { slug: 'subject', topicIds: [x.id, y.id] })
    await makeStory(db, { slug: 'shares-one', topicIds: [x.id], publishedAt: hoursAgo(1) })
    await makeStory(db, { slug: 'shares-two', topicIds: [x.id, y.id], publishedAt: hoursAgo(50) })
    await makeStory(db, { slug: 'shares-none', topicIds: [z.id] })
    const related = await relatedStories(db, subject, 5)
    assert.deepEqual(
      related.map(s => s.slug),
      ['shares-two', 'shares-one'],
    )
  })

  it('chooses related stories from each topic’s newest, however large the archive', async () => {
    const db = database.db
    const [x, y] = [await makeTopic(db), await makeTopic(db)]
    // Made first, so outside topic x's window once the newer ones are made; found through y.
    await makeStory(db, { slug: 'oldest-in-x', topicIds: [x.id] })
    await makeStory(db, { slug: 'oldest-in-x-and-y', topicIds: [x.id, y.id], publishedAt: hoursAgo(500) })
    for (let i = 0; i < RELATED_CANDIDATES_PER_TOPIC; i++)
      await makeStory(db, { slug: `newer-in-x-${i}`, topicIds: [x.id], publishedAt: hoursAgo(100 - i / 10) })
    const subject = await makeStory(db, { slug: 'subject-x-y', topicIds: [x.id, y.id] })
    const related = await relatedStories(db, subject, 1000)
    assert.equal(related[0]?.slug, 'oldest-in-x-and-y')
    assert.equal(related[1]?.slug, `newer-in-x-${RELATED_CANDIDATES_PER_TOPIC - 1}`)
    assert.equal(related.length, RELATED_CANDIDATES_PER_TOPIC + 1)
    assert.ok(!related.some(s => s.slug === 'oldest-in-x' || s.slug === 'subject-x-y'))
  })

  it('finds the companion stories of a documentary and the stories of the last hours', async () => {
    const db = database.db
    const film = await makeDocumentary(db)
    await makeStory(db, {
      slug: 'companion',
      documentaryIds: [film.id],
      body: paragraphs('About the film.'),
      publishedAt: hoursAgo(1),
    })
    assert.deepEqual(
      (await listPublishedStoriesAboutDocumentary(db, film.id, 5)).map(s => s.slug),
      ['companion'],
    )
    await makeStory(db, { slug: 'old-news', publishedAt: hoursAgo(24 * 30) })
    const recent = await listPublishedStoriesSince(db, hoursAgo(48), 1000)
    assert.ok(recent.some(s => s.slug === 'companion'))
    assert.ok(!recent.some(s => s.slug === 'old-news'))
    const latest = await latestStories(db, 1)
    assert.equal(latest.length, 1)
  })

  it('a second story with a taken slug is refused by the database', async () => {
    await makeStory(database.db, { slug: 'unique-slug' })
    await assert.rejects(makeStory(database.db, { slug: 'unique-slug' }))
  })
})
