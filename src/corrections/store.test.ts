// The corrections store as readers (under a story, on the corrections page) and editors (the
// history of every state) meet it, on SQLite or (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeCorrection, makeStory } from '../../test/factories.js'
import { hoursAgo } from '../platform/time.js'
import {
  amendCorrection,
  appendCorrection,
  findCorrection,
  listCorrectionHistory,
  listCorrections,
  listCorrectionsForNewsroom,
  listCorrectionsOfStory,
} from './store.js'

describe('the corrections store', () => {
  // Each test starts from no corrections: the corrections page lists the whole table.
  const db = freshDatabasePerTest()

  it('readers see a story’s corrections oldest first once dated; the newsroom sees the future ones too', async () => {
    const story = await makeStory(db())
    const other = await makeStory(db())
    await makeCorrection(db(), story.id, { body: 'Second', publishedAt: hoursAgo(1) })
    await makeCorrection(db(), story.id, { body: 'Scheduled', publishedAt: hoursAgo(-3) })
    await makeCorrection(db(), story.id, { body: 'First', kind: 'clarification', publishedAt: hoursAgo(5) })
    await makeCorrection(db(), other.id, { body: 'Elsewhere', publishedAt: hoursAgo(2) })
    const shown = await listCorrectionsOfStory(db(), story.id)
    assert.deepEqual(
      shown.map(c => [c.kind, c.body]),
      [
        ['clarification', 'First'],
        ['correction', 'Second'],
      ],
    )
    assert.deepEqual(
      (await listCorrectionsForNewsroom(db(), story.id)).map(c => c.body),
      ['First', 'Second', 'Scheduled'],
    )
    assert.deepEqual(await listCorrectionsOfStory(db(), story.id + 1000), [])
  })

  it('the corrections page lists every dated correction newest first and pages through', async () => {
    const story = await makeStory(db())
    for (let i = 0; i < 5; i++)
      await makeCorrection(db(), story.id, { body: `Fix ${i}`, publishedAt: hoursAgo(50 - i) })
    await makeCorrection(db(), story.id, { body: 'Not yet', publishedAt: hoursAgo(-1) })
    const first = await listCorrections(db(), 1, 2)
    assert.deepEqual(
      first.items.map(c => c.body),
      ['Fix 4', 'Fix 3'],
    )
    assert.equal(first.total, 5)
    assert.equal(first.pageCount, 3)
    assert.deepEqual(
      (await listCorrections(db(), 3, 2)).items.map(c => c.body),
      ['Fix 0'],
    )
  })

  it('an amendment keeps every earlier state, and readers are told it was updated', async () => {
    const story = await makeStory(db())
    const appended = await appendCorrection(db(), {
      storyId: story.id,
      kind: 'correction',
      body: 'The dam is 40 m tall.',
      publishedAt: hoursAgo(1),
      accountId: null,
    })
    assert.equal(appended.updatedAt, null, 'never amended')
    const amended = await amendCorrection(db(), appended.id, {
      kind: 'clarification',
      body: 'The dam is 42 m tall.',
      accountId: null,
    })
    assert.equal(amended?.body, 'The dam is 42 m tall.')
    assert.ok(amended?.updatedAt, 'amended after readers could see it')
    assert.deepEqual(
      (await listCorrectionHistory(db(), appended.id)).map(h => [h.kind, h.body]),
      [
        ['correction', 'The dam is 40 m tall.'],
        ['clarification', 'The dam is 42 m tall.'],
      ],
    )
    const [shown] = await listCorrectionsOfStory(db(), story.id)
    assert.equal(shown?.body, 'The dam is 42 m tall.')
    assert.equal(shown?.updatedAt, amended?.updatedAt)
  })

  it('a correction from before histories keeps its original text when amended; a missing one is undefined', async () => {
    const story = await makeStory(db())
    const old = await makeCorrection(db(), story.id, { body: 'Original wording.', publishedAt: hoursAgo(2) })
    assert.deepEqual(await listCorrectionHistory(db(), old.id), [])
    await amendCorrection(db(), old.id, { kind: 'correction', body: 'New wording.', accountId: null })
    assert.deepEqual(
      (await listCorrectionHistory(db(), old.id)).map(h => h.body),
      ['Original wording.', 'New wording.'],
    )
    assert.equal(await findCorrection(db(), old.id + 1000), undefined)
    assert.equal(
      await amendCorrection(db(), old.id + 1000, { kind: 'correction', body: 'Nothing.', accountId: null }),
      undefined,
    )
    assert.deepEqual(await listCorrectionHistory(db(), old.id + 1000), [])
  })
})
