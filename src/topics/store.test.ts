// The topics store as the navigation, topic pages and the newsroom's ordering meet it, on SQLite
// or (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeTopic } from '../../test/factories.js'
import { parseSearchQuery, searchIndex } from '../search/index.js'
import {
  findTopicById,
  findTopicBySlug,
  findTopicsByIds,
  listTopics,
  nextTopicPosition,
  renumberTopics,
  replaceTopic,
} from './store.js'

describe('the topics store', () => {
  // Each test starts from no topics: positions and navigation order are about the whole list.
  const db = freshDatabasePerTest()

  it('finds a topic by slug and by id; a missing one is undefined; a taken slug is refused', async () => {
    const water = await makeTopic(db(), { slug: 'water', name: 'Water Rights', description: 'Who owns the rivers.' })
    assert.deepEqual(await findTopicBySlug(db(), 'water'), water)
    assert.deepEqual(await findTopicById(db(), water.id), water)
    assert.equal(await findTopicBySlug(db(), 'fire'), undefined)
    assert.equal(await findTopicById(db(), water.id + 1000), undefined)
    await assert.rejects(makeTopic(db(), { slug: 'water', name: 'Second Water' }))
    assert.deepEqual(
      (await listTopics(db())).map(t => t.name),
      ['Water Rights'],
    )
    const many = await findTopicsByIds(db(), [water.id, water.id, water.id + 1000])
    assert.deepEqual([...many.keys()], [water.id])
    assert.equal((await findTopicsByIds(db(), [])).size, 0)
  })

  it('lists topics in navigation order, by position then name, and a new one goes last', async () => {
    assert.equal(await nextTopicPosition(db()), 1)
    await makeTopic(db(), { name: 'Courts', position: 2 })
    await makeTopic(db(), { name: 'Borders', position: 2 })
    await makeTopic(db(), { name: 'Water', position: 1 })
    assert.deepEqual(
      (await listTopics(db())).map(t => t.name),
      ['Water', 'Borders', 'Courts'],
    )
    assert.equal(await nextTopicPosition(db()), 3)
  })

  it('renumbers topics 1, 2, 3 in the order given and reports only those that moved', async () => {
    const a = await makeTopic(db(), { name: 'Alpha', position: 1 })
    const b = await makeTopic(db(), { name: 'Beta', position: 2 })
    const c = await makeTopic(db(), { name: 'Gamma', position: 3 })
    const changed = await renumberTopics(db(), [a.id, c.id, b.id])
    assert.deepEqual(
      changed.sort((x, y) => x - y),
      [b.id, c.id].sort((x, y) => x - y),
    )
    assert.deepEqual(
      (await listTopics(db())).map(t => [t.name, t.position]),
      [
        ['Alpha', 1],
        ['Gamma', 2],
        ['Beta', 3],
      ],
    )
    assert.deepEqual(await renumberTopics(db(), [a.id, c.id, b.id]), [])
  })

  it('a saved change replaces the fields and is what search finds', async () => {
    const topic = await makeTopic(db(), { slug: 'old-topic', name: 'Fisheries', description: 'Boats.' })
    await replaceTopic(db(), topic.id, {
      slug: 'oceans',
      name: 'Oceans and Quaysides',
      description: 'The sea.',
      position: topic.position,
    })
    assert.equal(await findTopicBySlug(db(), 'old-topic'), undefined)
    assert.equal((await findTopicBySlug(db(), 'oceans'))?.name, 'Oceans and Quaysides')
    const search = (q: string) =>
      searchIndex(db(), { query: parseSearchQuery(q), page: 1, pageSize: 10, kind: 'topic' })
    assert.equal((await search('quaysides')).hits.items.length, 1)
    assert.equal((await search('fisheries')).hits.total, 0)
  })
})
