// Appending and amending corrections without the pages around them, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refusal stores, audits and announces nothing; a write commits
// with its history and audit row or not at all; an amendment keeps every earlier text.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeStory } from '../../test/factories.js'
import { actingAs, UNKNOWN_ACTOR } from '../../test/acting.js'
import { isoToWallTime } from '../platform/time.js'
import { listAudit } from '../newsroom/index.js'
import { amendStoryCorrection, appendStoryCorrection, correctionTags } from './actions.js'
import { findCorrection, listCorrectionHistory, listCorrectionsForNewsroom } from './store.js'
import type { CorrectionFormValues } from './form.js'

/** A correction typed now, in the site's time zone (UTC until settings say otherwise). */
const typed = (fields: Partial<CorrectionFormValues> = {}): CorrectionFormValues => ({
  kind: 'correction',
  body: 'An earlier version gave the wrong year.',
  publishedAt: isoToWallTime(new Date().toISOString(), 'UTC'),
  fixesRevisionId: '',
  ...fields,
})

describe('correction actions', () => {
  const db = freshDatabasePerTest()

  it('an append commits the correction, its first history entry and its audit row, then purges the story and the lists once', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const story = await makeStory(db())
    const appended = await appendStoryCorrection(deps, actor, {
      storyId: story.id,
      typed: typed({ kind: 'clarification' }),
    })
    assert.deepEqual(
      (await listCorrectionsForNewsroom(db(), story.id)).map(c => [c.id, c.kind, c.body]),
      [[appended.id, 'clarification', 'An earlier version gave the wrong year.']],
    )
    assert.deepEqual(
      (await listCorrectionHistory(db(), appended.id)).map(h => [h.kind, h.accountId]),
      [['clarification', actor.accountId]],
    )
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.subject, e.accountId]),
      [['correction-appended', `correction:${appended.id}`, actor.accountId]],
    )
    assert.deepEqual(emitted, [correctionTags(story.id)])
  })

  it('refused input stores, audits and announces nothing, and says why', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const story = await makeStory(db())
    const draft = await makeStory(db(), { status: 'draft', publishedAt: null })
    await assert.rejects(appendStoryCorrection(deps, actor, { storyId: draft.id, typed: typed() }), {
      code: 'conflict',
      message: /never been published/,
    })
    await assert.rejects(appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed({ body: '  ' }) }), {
      code: 'invalid_input',
      message: /cannot be empty/,
    })
    await assert.rejects(
      appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed({ publishedAt: 'tomorrow' }) }),
      { code: 'invalid_input', message: /date and a time/ },
    )
    await assert.rejects(
      appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed({ fixesRevisionId: '12' }) }),
      { code: 'invalid_input', message: /not one of this story/ },
    )
    await assert.rejects(appendStoryCorrection(deps, actor, { storyId: story.id + 1000, typed: typed() }), {
      code: 'not_found',
    })
    const kept = await appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed() })
    emitted.length = 0
    await assert.rejects(
      amendStoryCorrection(deps, actor, { correctionId: kept.id, typed: { kind: 'erratum', body: 'Changed.' } }),
      { code: 'invalid_input' },
    )
    await assert.rejects(
      amendStoryCorrection(deps, actor, {
        correctionId: kept.id + 1000,
        typed: { kind: 'correction', body: 'Changed.' },
      }),
      { code: 'not_found' },
    )
    assert.deepEqual(await listCorrectionsForNewsroom(db(), draft.id), [])
    assert.deepEqual(
      (await listCorrectionsForNewsroom(db(), story.id)).map(c => c.body),
      [kept.body],
    )
    assert.equal((await listCorrectionHistory(db(), kept.id)).length, 1)
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => e.action),
      ['correction-appended'],
    )
    assert.deepEqual(emitted, [])
  })

  it('an amendment keeps the earlier text in the history and audits a change of kind; the same text again writes and announces nothing', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const story = await makeStory(db())
    const appended = await appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed() })
    const first = await amendStoryCorrection(deps, actor, {
      correctionId: appended.id,
      typed: { kind: 'clarification', body: 'An earlier version gave the wrong year: it was 1987.' },
    })
    assert.equal(first.changed, true)
    assert.equal(first.correction.body, 'An earlier version gave the wrong year: it was 1987.')
    const again = await amendStoryCorrection(deps, actor, {
      correctionId: appended.id,
      typed: { kind: 'clarification', body: ' An earlier version gave the wrong year: it was 1987.\r\n' },
    })
    assert.equal(again.changed, false, 'the same text, as typed again, changes nothing')
    assert.deepEqual(
      (await listCorrectionHistory(db(), appended.id)).map(h => [h.kind, h.body]),
      [
        ['correction', 'An earlier version gave the wrong year.'],
        ['clarification', 'An earlier version gave the wrong year: it was 1987.'],
      ],
    )
    const [amended] = await listAudit(db(), 10)
    assert.equal(amended?.action, 'correction-amended')
    assert.deepEqual(amended?.detail, { story: story.id, kind: { from: 'correction', to: 'clarification' } })
    assert.deepEqual(emitted, [correctionTags(story.id), correctionTags(story.id)])
  })

  it('the history and audit rows are written in the write’s transaction: when they cannot be, the correction is not changed either', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const story = await makeStory(db())
    const appended = await appendStoryCorrection(deps, actor, { storyId: story.id, typed: typed() })
    emitted.length = 0
    // An account that does not exist breaks the foreign keys of the history and audit rows.
    await assert.rejects(
      appendStoryCorrection(deps, UNKNOWN_ACTOR, { storyId: story.id, typed: typed({ body: 'Never stored.' }) }),
      /foreign key/i,
    )
    await assert.rejects(
      amendStoryCorrection(deps, UNKNOWN_ACTOR, {
        correctionId: appended.id,
        typed: { kind: 'correction', body: 'Never stored.' },
      }),
      /foreign key/i,
    )
    assert.deepEqual(
      (await listCorrectionsForNewsroom(db(), story.id)).map(c => c.id),
      [appended.id],
    )
    assert.equal((await findCorrection(db(), appended.id))?.body, appended.body)
    assert.equal((await listCorrectionHistory(db(), appended.id)).length, 1)
    assert.deepEqual(emitted, [])
  })
})
