// What an editor does with topics, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refused action stores and announces nothing, a new slug keeps
// the old address alive, and the audit row commits or rolls back with the write it describes.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { actingAs, UNKNOWN_ACTOR } from '../../test/acting.js'
import { makeTopic } from '../../test/factories.js'
import { findMovedPath } from '../platform/moved-paths/index.js'
import { listAudit } from '../newsroom/index.js'
import { createTopic, moveTopic, updateTopic } from './actions.js'
import { listTopics } from './store.js'

describe('topic actions', () => {
  const db = freshDatabasePerTest()
  const housing = { name: 'Housing', slug: 'housing', description: 'Where people live.', position: undefined }

  it('a taken slug is refused as slug_taken, on create and on update, and stores and announces nothing', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    await makeTopic(db(), { slug: 'housing', name: 'Housing' })
    const other = await makeTopic(db(), { slug: 'labour', name: 'Labour' })
    const before = await listTopics(db())
    await assert.rejects(createTopic(deps, actor, { ...housing, name: 'Housing again' }), { code: 'slug_taken' })
    await assert.rejects(updateTopic(deps, actor, other.id, { ...housing, name: 'Labour' }), { code: 'slug_taken' })
    assert.deepEqual(await listTopics(db()), before)
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual(emitted, [])
  })

  it('a new topic goes last; an update records the old address as moved and audits what changed', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    await makeTopic(db(), { position: 4 })
    const created = await createTopic(deps, actor, housing)
    assert.equal(created.position, 5)
    const updated = await updateTopic(deps, actor, created.id, {
      ...housing,
      slug: 'homes',
      description: 'Rent and shelter.',
      position: 1,
    })
    assert.deepEqual(updated, {
      id: created.id,
      name: 'Housing',
      slug: 'homes',
      description: 'Rent and shelter.',
      position: 1,
    })
    assert.equal(await findMovedPath(db(), '/topics/housing'), '/topics/homes')
    const audit = await listAudit(db(), 10)
    assert.deepEqual(
      audit.map(e => [e.action, e.subject, e.detail, e.accountId]),
      [
        ['topic-updated', `topic:${created.id}`, { changed: ['slug', 'description', 'position'] }, actor.accountId],
        ['topic-created', `topic:${created.id}`, { slug: 'housing' }, actor.accountId],
      ],
    )
    assert.deepEqual(emitted, [
      [`topic:${created.id}`, 'topics'],
      [`topic:${created.id}`, 'topics'],
    ])
  })

  it('the audit row is written in the write’s transaction: when it cannot be written, the topic is not either', async () => {
    const { deps, emitted } = await actingAs(db(), 'editor')
    const topic = await makeTopic(db(), { slug: 'courts', name: 'Courts' })
    await assert.rejects(createTopic(deps, UNKNOWN_ACTOR, housing), /foreign key/i)
    await assert.rejects(updateTopic(deps, UNKNOWN_ACTOR, topic.id, { ...housing, slug: 'justice' }), /foreign key/i)
    assert.deepEqual(
      (await listTopics(db())).map(t => t.slug),
      ['courts'],
    )
    assert.equal(await findMovedPath(db(), '/topics/courts'), undefined)
    assert.deepEqual(emitted, [])
  })

  it('moving swaps a topic with its neighbour and drops the pages of both; at the top nothing moves or is announced', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const a = await makeTopic(db(), { name: 'Alpha', position: 1 })
    const b = await makeTopic(db(), { name: 'Beta', position: 2 })
    await moveTopic(deps, actor, b.id, 'up')
    assert.deepEqual(
      (await listTopics(db())).map(t => t.name),
      ['Beta', 'Alpha'],
    )
    assert.deepEqual(
      emitted.map(tags => [...tags].sort()),
      [[`topic:${a.id}`, `topic:${b.id}`, 'topics'].sort()],
    )
    await moveTopic(deps, actor, b.id, 'up')
    assert.equal(emitted.length, 1)
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => e.action),
      ['topic-moved'],
    )
    await assert.rejects(moveTopic(deps, actor, b.id + 1000, 'down'), { code: 'not_found' })
  })
})
