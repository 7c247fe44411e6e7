// The interviews store as the newsroom and the public pages meet it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: the same tests.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makeInterview, makePerson, makeTopic } from '../../test/factories.js'
import { insertNote, listNotes, listPassages, replacePassages, setWithheld, withheldSpans } from './passages.js'
import { listRevisions, recordRevision } from './revisions.js'
import { findInterviewLinks, listInterviews, replaceInterviewLinks, setInterviewStatus } from './store.js'
import { listFilmMoments, replaceFilmMoments } from './film-moments.js'

const passage = (startSeconds: number, endSeconds: number, text: string, speaker = 'Ana Ruiz') => ({
  speaker,
  startSeconds,
  endSeconds,
  text,
})

describe('the interviews store', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('lists only published interviews to readers, filtered by person, topic and documentary', async () => {
    const db = database.db
    const person = await makePerson(db)
    const topic = await makeTopic(db)
    const film = await makeDocumentary(db)
    const shown = await makeInterview(db, { personId: person.id, status: 'published', recordedOn: '2026-01-02' })
    const older = await makeInterview(db, { personId: person.id, status: 'published', recordedOn: '2025-05-06' })
    const draft = await makeInterview(db, { personId: person.id })
    await replaceInterviewLinks(db, shown.id, { documentaryIds: [film.id], topicIds: [topic.id], interviewerIds: [] })
    await replaceInterviewLinks(db, draft.id, { documentaryIds: [film.id], topicIds: [topic.id], interviewerIds: [] })
    assert.deepEqual(
      (await listInterviews(db, { personId: person.id })).map(i => i.id),
      [shown.id, older.id],
    )
    assert.deepEqual(
      (await listInterviews(db, { topicId: topic.id })).map(i => i.id),
      [shown.id],
    )
    assert.deepEqual(
      (await listInterviews(db, { documentaryId: film.id })).map(i => i.id),
      [shown.id],
    )
    assert.deepEqual(
      (await listInterviews(db, { documentaryId: film.id, anyStatus: true })).map(i => i.id).sort(),
      [shown.id, draft.id].sort(),
    )
    assert.equal(shown.publishedAt !== null, true)
  })

  it('keeps what an interview is filed under in the editor’s order, without repeats', async () => {
    const db = database.db
    const [a, b] = [await makeDocumentary(db), await makeDocumentary(db)]
    const [asker, other] = [await makePerson(db), await makePerson(db)]
    const interview = await makeInterview(db)
    await replaceInterviewLinks(db, interview.id, {
      documentaryIds: [b.id, a.id, b.id],
      topicIds: [],
      interviewerIds: [other.id, asker.id],
    })
    assert.deepEqual((await findInterviewLinks(db, [interview.id])).get(interview.id), {
      documentaryIds: [b.id, a.id],
      topicIds: [],
      interviewerIds: [other.id, asker.id],
    })
  })

  it('a refilled transcript keeps withheld spans withheld and moves notes to where their passage began', async () => {
    const db = database.db
    const interview = await makeInterview(db, {
      passages: [passage(0, 10, 'Hello.'), passage(10, 20.5, 'Off the record…'), passage(20.5, 30, 'On again.')],
    })
    assert.equal(await setWithheld(db, interview.id, [1], 'off-the-record'), true)
    assert.equal(await setWithheld(db, interview.id, [1], 'off-the-record'), false)
    const first = await listPassages(db, interview.id)
    await insertNote(
      db,
      interview.id,
      first[2]!.id,
      { kind: 'disputed', body: 'Disputed by the ministry.', linkUrl: 'https://example.org/reply' },
      null,
    )
    // The new file splits the passages differently.
    const next = await replacePassages(db, interview.id, [
      passage(0, 5, 'Hello'),
      passage(5, 15, 'there, and off'),
      passage(15, 25, 'the record, then'),
      passage(25, 30, 'on again.'),
    ])
    assert.deepEqual(
      next.map(p => p.withheldReason),
      [null, 'off-the-record', 'off-the-record', null],
    )
    assert.deepEqual(withheldSpans(next), [[5, 25]])
    const notes = await listNotes(db, interview.id)
    assert.equal(notes.length, 1)
    assert.equal(notes[0]?.passageId, next[2]?.id)
    assert.equal(next[1]?.endSeconds, 15)
  })

  it('clearing records who cleared; returning to review forgets it; publishing dates it once', async () => {
    const db = database.db
    const interview = await makeInterview(db)
    await setInterviewStatus(db, interview.id, 'in_review', { accountId: null })
    await setInterviewStatus(db, interview.id, 'cleared', { accountId: null })
    await setInterviewStatus(db, interview.id, 'published', { accountId: null })
    const [published] = await listInterviews(db, { personId: interview.personId })
    assert.ok(published?.clearedAt && published.publishedAt)
    await setInterviewStatus(db, interview.id, 'in_review', { accountId: null })
    const [back] = await listInterviews(db, { personId: interview.personId, anyStatus: true })
    assert.equal(back?.clearedAt, null)
    assert.equal(back?.publishedAt, published.publishedAt)
  })

  it('records revisions with the interview as it stood, newest first', async () => {
    const db = database.db
    const interview = await makeInterview(db, { passages: [passage(0, 4, 'One.'), passage(4, 9, 'Two.')] })
    await recordRevision(db, interview.id, null, 'created')
    await setWithheld(db, interview.id, [0], 'privacy')
    await recordRevision(db, interview.id, null, 'passages-withheld')
    const revisions = await listRevisions(db, interview.id)
    assert.deepEqual(
      revisions.map(r => r.action),
      ['passages-withheld', 'created'],
    )
    assert.deepEqual(revisions[0]?.snapshot?.withheld, [{ position: 0, reason: 'privacy' }])
    assert.equal(revisions[1]?.snapshot?.passageCount, 2)
  })

  it('film moments are listed from either side, in that side’s time order', async () => {
    const db = database.db
    const film = await makeDocumentary(db)
    const interview = await makeInterview(db)
    await replaceFilmMoments(db, interview.id, [
      {
        documentaryId: film.id,
        filmStartSeconds: 300,
        filmEndSeconds: 320,
        interviewStartSeconds: 12,
        interviewEndSeconds: 32,
        label: 'The vote',
      },
      {
        documentaryId: film.id,
        filmStartSeconds: 100,
        filmEndSeconds: 110.5,
        interviewStartSeconds: 60,
        interviewEndSeconds: 70.5,
        label: 'The harbour',
      },
    ])
    assert.deepEqual(
      (await listFilmMoments(db, { interviewId: interview.id })).map(m => m.label),
      ['The vote', 'The harbour'],
    )
    assert.deepEqual(
      (await listFilmMoments(db, { documentaryId: film.id })).map(m => [m.label, m.filmEndSeconds]),
      [
        ['The harbour', 110.5],
        ['The vote', 320],
      ],
    )
  })

  it('a video may belong to an interview instead of a documentary, but never to neither', async () => {
    const db = database.db
    const interview = await makeInterview(db)
    const now = new Date().toISOString()
    await db
      .insertInto('videos')
      .values({
        interview_id: interview.id,
        documentary_id: null,
        master_key: 'm',
        status: 'queued',
        progress: 0,
        renditions: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute()
    await assert.rejects(
      db
        .insertInto('videos')
        .values({
          interview_id: null,
          documentary_id: null,
          master_key: 'm',
          status: 'queued',
          progress: 0,
          renditions: '[]',
          created_at: now,
          updated_at: now,
        })
        .execute(),
    )
  })
})
