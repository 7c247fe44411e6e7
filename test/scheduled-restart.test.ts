// "A process killed while a story is scheduled publishes it on restart": a real worker
// process is killed with SIGKILL before the story's time, and a new one publishes it on time.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { testDatabase } from './helpers.js'
import { startWorker } from './process-helpers.js'
import { makeStory } from './factories.js'
import { applyStoryAction, findStoryForEditing } from '../src/stories/index.js'
import { createContentEvents } from '../src/platform/events.js'
import { hashPassword, insertAccount } from '../src/newsroom/index.js'

describe('scheduled publishing across a killed process', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  const children: ChildProcess[] = []

  before(async () => {
    database = await testDatabase()
  })
  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    await database.dispose()
  })

  async function worker(): Promise<ChildProcess> {
    const child = await startWorker(database)
    children.push(child)
    return child
  }

  it('publishes on time after the first worker was killed', async () => {
    const editor = await insertAccount(database.db, {
      email: 'ed@example.org',
      name: 'Ed',
      role: 'editor',
      passwordHash: await hashPassword('a long enough password'),
    })
    const story = await makeStory(database.db, { slug: 'due-soon', status: 'draft', publishedAt: null })

    // The story is scheduled once the first worker runs, so that worker is killed before the
    // story's time however long it took to start (on a loaded machine that can be many seconds).
    const first = await worker()
    const at = new Date(Date.now() + 4000).toISOString()
    await applyStoryAction(
      { db: database.db, events: createContentEvents() },
      { account: editor, ip: '127.0.0.1' },
      story.id,
      'schedule',
      { scheduledFor: at },
    )
    first.kill('SIGKILL')
    await new Promise(resolve => first.once('exit', resolve))
    assert.equal(
      (await findStoryForEditing(database.db, story.id))?.status,
      'scheduled',
      'nothing published before its time',
    )

    const second = await worker()
    const deadline = Date.parse(at) + 15_000
    let status = ''
    while (Date.now() < deadline) {
      status = (await findStoryForEditing(database.db, story.id))?.status ?? ''
      if (status === 'published') break
      await new Promise(resolve => setTimeout(resolve, 200))
    }
    assert.equal(status, 'published')
    const published = await findStoryForEditing(database.db, story.id)
    assert.equal(published?.publishedAt, at, 'dated at its scheduled time')
    assert.ok(Date.now() >= Date.parse(at), 'not before its time')
    second.kill('SIGTERM')
    await new Promise(resolve => second.once('exit', resolve))
  })
})
