// What an editor does with an interview, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: refusals store, audit and announce nothing; only editors clear;
// publishing needs clearance; a transcript that does not read is refused by line; withholding
// recuts the video and removes the old renditions after the commit.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { actingAs, type Acting } from '../../test/acting.js'
import { makeDocumentary, makeInterview, makePerson, makeTopic } from '../../test/factories.js'
import type { Db } from '../db/index.js'
import { listAudit } from '../newsroom/index.js'
import { createLocalStorage } from '../platform/storage/index.js'
import { parseSearchQuery, searchIndex } from '../search/index.js'
import { findVideoByInterview, upsertInterviewVideo } from '../videos/index.js'
import {
  clearInterview,
  createInterview,
  publishInterview,
  returnInterviewToDraft,
  submitInterviewForReview,
  unpublishInterview,
  updateInterview,
  type InterviewInput,
} from './actions.js'
import { listNotes, listPassages } from './passages.js'
import { listRevisions } from './revisions.js'
import { findInterviewById, findInterviewLinks, listInterviews } from './store.js'
import {
  addNote,
  editNote,
  fillTranscript,
  releasePassages,
  removeNote,
  withholdPassages,
} from './transcript-actions.js'

const VTT = [
  'WEBVTT',
  '',
  '00:00.000 --> 00:10.000',
  '<v Ana Ruiz>We met at the harbour office.',
  '',
  '00:10.000 --> 00:20.000',
  '<v Ana Ruiz>Off the record, the permits were backdated.',
  '',
  '00:20.000 --> 00:30.000',
  '<v Kit Navarro>And after that?',
].join('\n')
const BROKEN = ['WEBVTT', '', '00:00.000 --> 00:10.000', 'Fine.', '', '00:10.000 -> nonsense', 'Broken.'].join('\n')

const storage = () => createLocalStorage(mkdtempSync(join(tmpdir(), 'interview-actions-')))
const media = (acting: Acting) => ({ ...acting.deps, storage: storage(), wakeJobs: () => {} })

async function foundInSearch(db: Db, word: string): Promise<number> {
  return (await searchIndex(db, { query: parseSearchQuery(word), kind: 'interview', page: 1, pageSize: 10 })).counts
    .interview
}

describe('interview actions', () => {
  const db = freshDatabasePerTest()

  async function input(overrides: Partial<InterviewInput> = {}): Promise<InterviewInput> {
    const person = overrides.personId ?? (await makePerson(db(), { name: 'Ana Ruiz' })).id
    return {
      slug: 'ana-ruiz-harbour',
      title: 'Ana Ruiz on the harbour',
      personId: person,
      personRole: 'Former port clerk',
      recordedOn: '2026-02-03',
      place: 'Porto',
      summary: 'Permits.',
      documentaryIds: [],
      topicIds: [],
      interviewerIds: [],
      ...overrides,
    }
  }

  it('creates a draft filed under films, topics and interviewers; unknown people and taken slugs are refused and store nothing', async () => {
    const acting = await actingAs(db(), 'author')
    const { deps, actor, emitted } = acting
    const film = await makeDocumentary(db())
    const topic = await makeTopic(db())
    const asker = await makePerson(db(), { name: 'Kit Navarro' })
    await assert.rejects(createInterview(deps, actor, await input({ personId: 987_654 })), {
      code: 'invalid_input',
      message: /no person #987654/,
    })
    await assert.rejects(createInterview(deps, actor, await input({ documentaryIds: [film.id + 100] })), {
      code: 'invalid_input',
      message: /no documentary/,
    })
    assert.deepEqual(await listInterviews(db(), { anyStatus: true }), [])
    const created = await createInterview(
      deps,
      actor,
      await input({ documentaryIds: [film.id], topicIds: [topic.id], interviewerIds: [asker.id] }),
    )
    assert.equal(created.status, 'draft')
    assert.deepEqual((await findInterviewLinks(db(), [created.id])).get(created.id), {
      documentaryIds: [film.id],
      topicIds: [topic.id],
      interviewerIds: [asker.id],
    })
    await assert.rejects(createInterview(deps, actor, await input()), { code: 'slug_taken' })
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.subject, e.accountId]),
      [['interview-created', `interview:${created.id}`, actor.accountId]],
    )
    assert.deepEqual(
      (await listRevisions(db(), created.id)).map(r => r.action),
      ['interview-created'],
    )
    assert.deepEqual(emitted, [
      [`interview:${created.id}`, 'list:interviews', `person:${created.personId}`, `documentary:${film.id}`],
    ])
    const contributor = await actingAs(db(), 'contributor')
    await assert.rejects(createInterview(contributor.deps, contributor.actor, await input({ slug: 'other' })), {
      code: 'forbidden',
    })
  })

  it('only an editor or admin clears; publishing needs clearance; the audit log says who', async () => {
    const author = await actingAs(db(), 'author')
    const editor = await actingAs(db(), 'editor')
    const interview = await createInterview(author.deps, author.actor, await input())
    await assert.rejects(publishInterview(editor.deps, editor.actor, interview.id), {
      code: 'invalid_input',
      message: /must be cleared by an editor before it is published; this one is draft/,
    })
    await submitInterviewForReview(author.deps, author.actor, interview.id)
    await assert.rejects(clearInterview(author.deps, author.actor, interview.id), {
      code: 'forbidden',
      message: /Only an editor or above can clear interviews/,
    })
    assert.equal((await findInterviewById(db(), interview.id))?.status, 'in_review')
    await clearInterview(editor.deps, editor.actor, interview.id)
    const cleared = await findInterviewById(db(), interview.id)
    assert.equal(cleared?.status, 'cleared')
    assert.equal(cleared?.clearedBy, editor.actor.accountId)
    await assert.rejects(updateInterview(author.deps, author.actor, interview.id, await input({ title: 'Changed' })), {
      code: 'forbidden',
      message: /once it is cleared/,
    })
    await publishInterview(editor.deps, editor.actor, interview.id)
    assert.equal((await findInterviewById(db(), interview.id))?.status, 'published')
    assert.equal(await foundInSearch(db(), 'harbour'), 1)
    await unpublishInterview(editor.deps, editor.actor, interview.id)
    const unpublished = await findInterviewById(db(), interview.id)
    assert.deepEqual([unpublished?.status, unpublished?.clearedBy], ['cleared', editor.actor.accountId])
    assert.equal(await foundInSearch(db(), 'harbour'), 0)
    const audit = (await listAudit(db(), 10)).reverse().map(e => [e.action, e.accountId])
    assert.deepEqual(audit, [
      ['interview-created', author.actor.accountId],
      ['interview-submitted', author.actor.accountId],
      ['interview-cleared', editor.actor.accountId],
      ['interview-published', editor.actor.accountId],
      ['interview-unpublished', editor.actor.accountId],
    ])
  })

  it('an editor sends an interview in review or cleared back to draft, dropping its clearance; an author cannot', async () => {
    const author = await actingAs(db(), 'author')
    const editor = await actingAs(db(), 'editor')
    const interview = await createInterview(author.deps, author.actor, await input())
    await assert.rejects(returnInterviewToDraft(editor.deps, editor.actor, interview.id), {
      code: 'invalid_input',
      message: /Only an interview in review or cleared can be sent back to draft .*; this one is draft/,
    })
    await submitInterviewForReview(author.deps, author.actor, interview.id)
    await assert.rejects(returnInterviewToDraft(author.deps, author.actor, interview.id), { code: 'forbidden' })
    await clearInterview(editor.deps, editor.actor, interview.id)
    await publishInterview(editor.deps, editor.actor, interview.id)
    await assert.rejects(returnInterviewToDraft(editor.deps, editor.actor, interview.id), {
      message: /take a published one off the site first\); this one is published/,
    })
    await unpublishInterview(editor.deps, editor.actor, interview.id)
    await returnInterviewToDraft(editor.deps, editor.actor, interview.id)
    const returned = await findInterviewById(db(), interview.id)
    assert.deepEqual([returned?.status, returned?.clearedBy, returned?.clearedAt], ['draft', null, null])
    await assert.rejects(publishInterview(editor.deps, editor.actor, interview.id), { message: /must be cleared/ })
    const audit = (await listAudit(db(), 1)).map(e => [e.action, e.accountId])
    assert.deepEqual(audit, [['interview-returned-to-draft', editor.actor.accountId]])
  })

  it('an author changes only the interviews they made or were an interviewer on; anyone else’s is not found, and nothing is stored', async () => {
    const author = await actingAs(db(), 'author')
    const editor = await actingAs(db(), 'editor')
    const self = await makePerson(db(), { name: 'Kit Navarro' })
    await db().updateTable('accounts').set({ person_id: self.id }).where('id', '=', author.actor.accountId).execute()
    const own = await createInterview(author.deps, author.actor, await input())
    assert.equal(own.ownerAccountId, author.actor.accountId)
    const asked = await createInterview(
      editor.deps,
      editor.actor,
      await input({ slug: 'asked', interviewerIds: [self.id] }),
    )
    const theirs = await createInterview(editor.deps, editor.actor, await input({ slug: 'theirs' }))
    for (const interview of [own, asked]) {
      await updateInterview(
        author.deps,
        author.actor,
        interview.id,
        await input({
          slug: interview.slug,
          personId: interview.personId,
          interviewerIds: [self.id],
          title: 'Retitled',
        }),
      )
      await fillTranscript(media(author), author.actor, interview.id, { text: VTT, filename: 'talk.vtt' })
      await submitInterviewForReview(author.deps, author.actor, interview.id)
    }
    const before = await listAudit(db(), 50)
    await assert.rejects(
      updateInterview(
        author.deps,
        author.actor,
        theirs.id,
        await input({ slug: 'theirs', personId: theirs.personId, title: 'Mine now' }),
      ),
      { code: 'not_found' },
    )
    await assert.rejects(fillTranscript(media(author), author.actor, theirs.id, { text: VTT, filename: 'talk.vtt' }), {
      code: 'not_found',
    })
    await assert.rejects(submitInterviewForReview(author.deps, author.actor, theirs.id), { code: 'not_found' })
    await assert.rejects(addNote(author.deps, author.actor, theirs.id, 0, { kind: 'note', body: 'Hm.', linkUrl: '' }), {
      code: 'not_found',
    })
    assert.deepEqual(
      [(await findInterviewById(db(), theirs.id))?.title, (await findInterviewById(db(), theirs.id))?.status],
      ['Ana Ruiz on the harbour', 'draft'],
    )
    assert.deepEqual(await listPassages(db(), theirs.id), [])
    assert.deepEqual(await listAudit(db(), 50), before)
    // An editor reaches every interview.
    await submitInterviewForReview(editor.deps, editor.actor, theirs.id)
  })

  it('a transcript that does not read is refused with its line and stores nothing; one that does fills the passages', async () => {
    const acting = await actingAs(db(), 'author')
    const interview = await makeInterview(db(), { ownerAccountId: acting.actor.accountId })
    await assert.rejects(
      fillTranscript(media(acting), acting.actor, interview.id, { text: BROKEN, filename: 'talk.vtt' }),
      (error: Error & { details: string[] }) => {
        assert.match(error.message, /nothing was stored/)
        assert.ok(
          error.details.some(d => /^Line 7:/.test(d)),
          error.details.join(' | '),
        )
        return true
      },
    )
    assert.deepEqual(await listPassages(db(), interview.id), [])
    assert.deepEqual(await listAudit(db(), 10), [])
    const stored = await fillTranscript(media(acting), acting.actor, interview.id, { text: VTT, filename: 'talk.vtt' })
    assert.deepEqual(
      stored.map(p => [p.speaker, p.startSeconds, p.endSeconds]),
      [
        ['Ana Ruiz', 0, 10],
        ['Ana Ruiz', 10, 20],
        ['Kit Navarro', 20, 30],
      ],
    )
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.detail?.format, e.detail?.passages]),
      [['transcript-filled', 'webvtt', 3]],
    )
  })

  it('passages may not run past the video; withholding recuts it at once and removes the old renditions after the commit, also once published', async () => {
    const editor = await actingAs(db(), 'editor')
    const deps = media(editor)
    const interview = await makeInterview(db(), { status: 'published' })
    const video = await upsertInterviewVideo(db(), interview.id, 'masters/talk.mp4')
    await db()
      .updateTable('videos')
      .set({
        status: 'ready',
        duration_seconds: 25,
        live_prefix: `videos/${video.id}/run-1`,
        output_prefix: `videos/${video.id}/run-1`,
      })
      .where('id', '=', video.id)
      .execute()
    await deps.storage.put(`videos/${video.id}/run-1/files.json`, Buffer.from('["master.m3u8"]'))
    await deps.storage.put(`videos/${video.id}/run-1/master.m3u8`, Buffer.from('#EXTM3U'))
    await assert.rejects(fillTranscript(deps, editor.actor, interview.id, { text: VTT, filename: 'talk.vtt' }), {
      code: 'invalid_input',
      message: /runs past the end/,
    })
    assert.deepEqual(await listPassages(db(), interview.id), [])
    await db().updateTable('videos').set({ duration_seconds: 30 }).where('id', '=', video.id).execute()
    await fillTranscript(deps, editor.actor, interview.id, { text: VTT, filename: 'talk.vtt' })
    assert.equal(await foundInSearch(db(), 'backdated'), 1)
    await assert.rejects(withholdPassages(deps, editor.actor, interview.id, [7], 'off-the-record'), {
      code: 'invalid_input',
      message: /no passage 8/,
    })
    await assert.rejects(withholdPassages(deps, editor.actor, interview.id, [1], 'gossip' as never), {
      code: 'invalid_input',
    })
    assert.equal(await withholdPassages(deps, editor.actor, interview.id, [1], 'off-the-record'), true)
    const recut = await findVideoByInterview(db(), interview.id)
    assert.deepEqual([recut?.cuts, recut?.livePrefix, recut?.status], [[[10, 20]], null, 'queued'])
    assert.equal(await deps.storage.stat(`videos/${video.id}/run-1/master.m3u8`), undefined)
    assert.equal(await foundInSearch(db(), 'backdated'), 0)
    assert.equal(await withholdPassages(deps, editor.actor, interview.id, [1], 'off-the-record'), false)
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.detail?.passages, e.detail?.status]).slice(0, 1),
      [['passages-withheld', [2], 'published']],
    )
    assert.equal(await releasePassages(deps, editor.actor, interview.id, [1]), true)
    assert.deepEqual((await findVideoByInterview(db(), interview.id))?.cuts, [])
    assert.equal(await foundInSearch(db(), 'backdated'), 1)
    assert.equal(editor.emitted.at(-1)?.includes(`interview:${interview.id}`), true)
  })

  it('notes are added, edited and removed beside a passage, links must be http(s), and the history keeps each version', async () => {
    const acting = await actingAs(db(), 'author')
    const interview = await makeInterview(db(), {
      ownerAccountId: acting.actor.accountId,
      passages: [{ speaker: 'Ana Ruiz', startSeconds: 0, endSeconds: 5, text: 'The ministry knew.' }],
    })
    const note = { kind: 'disputed', body: 'The ministry denies this.', linkUrl: 'https://example.org/reply' }
    await assert.rejects(
      addNote(acting.deps, acting.actor, interview.id, 0, { ...note, linkUrl: 'javascript:alert(1)' }),
      { code: 'invalid_input', message: /The link: An address must start with/ },
    )
    await assert.rejects(addNote(acting.deps, acting.actor, interview.id, 0, { ...note, kind: 'rumour' }), {
      code: 'invalid_input',
    })
    await assert.rejects(addNote(acting.deps, acting.actor, interview.id, 4, note), {
      code: 'invalid_input',
      message: /no passage 5/,
    })
    assert.deepEqual(await listNotes(db(), interview.id), [])
    const added = await addNote(acting.deps, acting.actor, interview.id, 0, note)
    await editNote(acting.deps, acting.actor, interview.id, added.id, {
      kind: 'supporting',
      body: 'Minutes of the 3 May meeting.',
      linkUrl: '',
    })
    assert.deepEqual(
      (await listNotes(db(), interview.id)).map(n => [n.kind, n.body, n.linkUrl]),
      [['supporting', 'Minutes of the 3 May meeting.', null]],
    )
    await removeNote(acting.deps, acting.actor, interview.id, added.id)
    await assert.rejects(removeNote(acting.deps, acting.actor, interview.id, added.id), { code: 'not_found' })
    const history = await listRevisions(db(), interview.id)
    assert.deepEqual(
      history.map(r => [r.action, r.snapshot?.notes.map(n => n.body)]),
      [
        ['note-removed', []],
        ['note-edited', ['Minutes of the 3 May meeting.']],
        ['note-added', ['The ministry denies this.']],
      ],
    )
  })
})
