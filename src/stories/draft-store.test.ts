import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makePerson } from '../../test/factories.js'
import { hashPassword, insertAccount } from '../newsroom/index.js'
import { createDraft, findStoryForEditing, saveStory, type StoryFields } from './draft-store.js'

describe('saving a story', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  const fields = (overrides: Partial<StoryFields>): StoryFields => ({
    slug: 'atomic',
    title: 'Old title',
    dek: '',
    section: 'article',
    heroImageId: null,
    authorIds: [],
    topicIds: [],
    documentaryIds: [],
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Old text.' }] }] },
    ...overrides,
  })

  it('a save that fails half-way leaves the old version whole', async () => {
    const db = database.db
    const account = await insertAccount(db, {
      email: 'a@example.org',
      name: 'A',
      role: 'editor',
      passwordHash: await hashPassword('a long enough password'),
    })
    const person = await makePerson(db)
    const id = await db
      .transaction()
      .execute(trx =>
        createDraft(trx, { ownerAccountId: account.id, title: 'Old title', slug: 'atomic', authorIds: [person.id] }),
      )
    const version = await db
      .transaction()
      .execute(trx => saveStory(trx, id, 0, fields({ authorIds: [person.id] }), account.id))
    // The story row is written first; the link to a documentary that does not exist fails after it.
    await assert.rejects(
      db
        .transaction()
        .execute(trx =>
          saveStory(
            trx,
            id,
            version,
            fields({ title: 'New title', authorIds: [], documentaryIds: [987654] }),
            account.id,
          ),
        ),
    )
    const story = await findStoryForEditing(db, id)
    assert.equal(story?.title, 'Old title')
    assert.equal(story?.version, version)
    assert.deepEqual(story?.authorIds, [person.id], 'the old links are still there')
  })
})
