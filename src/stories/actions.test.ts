// Status changes and restores without the pages around them, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refusal writes, audits and announces nothing; an accepted
// change commits with its revision and audit row, and is announced once, after the commit.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeStory } from '../../test/factories.js'
import type { Db } from '../db/index.js'
import { createContentEvents, type CacheTag } from '../platform/events.js'
import { insertAccount, listAudit, type Role } from '../newsroom/index.js'
import { applyStoryAction, restoreRevision, type StoryActionDeps, type StoryActor } from './actions.js'
import { findStoryForEditing, listRevisions, saveStory } from './draft-store.js'
import { storyTags } from './workflow.js'

/** A staff member to act as (story actions weigh the whole account: role and byline), and events that keep the tags of every change announced. */
async function actingOnStories(
  db: Db,
  role: Role,
): Promise<{ deps: StoryActionDeps; actor: StoryActor; emitted: CacheTag[][] }> {
  const emitted: CacheTag[][] = []
  const events = createContentEvents()
  events.on(event => emitted.push([...event.tags]))
  const account = await insertAccount(db, {
    email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    name: `Test ${role}`,
    role,
    passwordHash: null,
  })
  return { deps: { db, events }, actor: { account, ip: '203.0.113.7' }, emitted }
}

async function current(db: Db, id: number) {
  const story = await findStoryForEditing(db, id)
  assert.ok(story)
  return story
}

describe('story actions', () => {
  const db = freshDatabasePerTest()

  it('a move the rules refuse writes, audits and announces nothing; a publish commits status, revision and audit, then is announced once', async () => {
    const editor = await actingOnStories(db(), 'editor')
    const contributor = await actingOnStories(db(), 'contributor')
    const story = await makeStory(db(), { status: 'draft', publishedAt: null })
    await assert.rejects(applyStoryAction(contributor.deps, contributor.actor, story.id, 'publish'), {
      code: 'forbidden',
    })
    await assert.rejects(applyStoryAction(editor.deps, editor.actor, story.id, 'schedule'), {
      code: 'invalid_input',
      message: /date and time/,
    })
    await assert.rejects(applyStoryAction(editor.deps, editor.actor, story.id + 1000, 'publish'), { code: 'not_found' })
    assert.equal((await current(db(), story.id)).status, 'draft')
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual([...contributor.emitted, ...editor.emitted], [])

    await applyStoryAction(editor.deps, editor.actor, story.id, 'publish')
    assert.equal((await current(db(), story.id)).status, 'published')
    assert.equal((await listRevisions(db(), story.id)).length, 1)
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.subject, e.accountId]),
      [['story-publish', `story:${story.id}`, editor.actor.account.id]],
    )
    assert.deepEqual(editor.emitted, [storyTags(story)])
  })

  it('a restore saves an earlier revision again as a new one; a stale version or someone who may not see the story writes nothing', async () => {
    const editor = await actingOnStories(db(), 'editor')
    const contributor = await actingOnStories(db(), 'contributor')
    const story = await makeStory(db(), { status: 'draft', publishedAt: null, title: 'The dam holds' })
    await applyStoryAction(editor.deps, editor.actor, story.id, 'publish')
    const published = await current(db(), story.id)
    await saveStory(
      db(),
      story.id,
      published.version,
      { ...published, title: 'The dam breaks' },
      editor.actor.account.id,
    )
    const [, first] = await listRevisions(db(), story.id)
    assert.ok(first)
    const edited = await current(db(), story.id)
    editor.emitted.length = 0

    await assert.rejects(
      restoreRevision(contributor.deps, contributor.actor, {
        storyId: story.id,
        revision: first.version,
        expectedVersion: edited.version,
      }),
      { code: 'forbidden' },
    )
    await assert.rejects(
      restoreRevision(editor.deps, editor.actor, {
        storyId: story.id,
        revision: first.version,
        expectedVersion: published.version,
      }),
      { code: 'conflict' },
    )
    await assert.rejects(
      restoreRevision(editor.deps, editor.actor, { storyId: story.id, revision: 99, expectedVersion: edited.version }),
      { code: 'not_found' },
    )
    assert.equal((await current(db(), story.id)).title, 'The dam breaks')
    assert.equal((await listRevisions(db(), story.id)).length, 2)
    assert.deepEqual(editor.emitted, [])

    await restoreRevision(editor.deps, editor.actor, {
      storyId: story.id,
      revision: first.version,
      expectedVersion: edited.version,
    })
    assert.equal((await current(db(), story.id)).title, 'The dam holds')
    assert.equal((await listRevisions(db(), story.id)).length, 3, 'the restore is itself a revision')
    const [restored] = await listAudit(db(), 10)
    assert.deepEqual([restored?.action, restored?.detail], ['story-revision-restored', { version: first.version }])
    assert.equal(editor.emitted.length, 1)
  })
})
