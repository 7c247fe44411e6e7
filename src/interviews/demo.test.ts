// The demo interviews: the content has what the issue asks (two or three per film, two to four
// minutes of 10–20 s passages, one withheld passage and one note each, moments inside the demo
// film), seeding publishes them at once and only queues their recordings, and the job makes a
// 360p recording and attaches it with the withheld passage as a cut. Real ffmpeg. Runs on
// SQLite, or PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makePerson, makeTopic } from '../../test/factories.js'
import { probeVideo } from '../platform/ffmpeg.js'
import { findJobByKey, type JobContext } from '../platform/jobs/index.js'
import { createLocalStorage } from '../platform/storage/index.js'
import { parseBody } from '../body/index.js'
import { searchIndex, parseSearchQuery } from '../search/index.js'
import {
  TRANSCODE_JOB,
  createTranscodeHandler,
  findPlayableInterviewVideo,
  findVideoByInterview,
} from '../videos/index.js'
import { VIDEO_OWNERS } from '../core.js'
import { createContentEvents } from '../platform/events.js'
import { demoInterviews } from '../demo/content/interviews.js'
import { documentaries } from '../demo/content/documentaries.js'
import { interviewStory } from '../demo/content/story-interviews.js'
import { resolveInterviewReferences, seedDemoInterviews } from '../demo/seed-interviews.js'
import {
  DEMO_INTERVIEW_MASTER_JOB,
  createDemoInterviewMasterHandler,
  demoInterviewMasterKey,
  renderDemoInterviewMaster,
  timeDemoPassages,
} from './demo.js'
import { findInterviewBySlug } from './store.js'
import { listFilmMoments } from './film-moments.js'
import { listNotes, listPassages } from './passages.js'

const DEMO_FILM_SECONDS = 45

/** What the runner hands a handler, for running one job by hand. */
const runContext = (jobId: number): JobContext => ({
  jobId,
  kind: '',
  attempt: 1,
  maxAttempts: 3,
  uniqueKey: null,
  signal: new AbortController().signal,
})

describe('the demo interviews as written', () => {
  it('give every demo documentary two or three interviews with unique slugs', () => {
    for (const film of documentaries) {
      const count = demoInterviews.filter(i => i.documentary === film.slug).length
      assert.ok(count >= 2 && count <= 3, `${film.slug} has ${count} interviews`)
    }
    assert.equal(new Set(demoInterviews.map(i => i.slug)).size, demoInterviews.length)
    assert.equal(new Set(demoInterviews.map(i => i.person.slug)).size, demoInterviews.length)
  })

  it('run two to four minutes in passages of 10–20 s, asked and answered in turn', () => {
    for (const interview of demoInterviews) {
      const timed = timeDemoPassages(interview.passages.map(p => ({ speaker: p.by, text: p.text })))
      const seconds = (timed.at(-1)?.endSeconds ?? 0) + 1
      assert.ok(seconds >= 120 && seconds <= 240, `${interview.slug} runs ${seconds} s`)
      for (const p of timed)
        assert.ok(
          p.endSeconds - p.startSeconds >= 10 && p.endSeconds - p.startSeconds <= 20,
          `${interview.slug}: ${p.text.slice(0, 30)}`,
        )
      for (const [i, p] of interview.passages.entries())
        assert.equal(p.by, i % 2 === 0 ? 'interviewer' : 'interviewee', `${interview.slug} passage ${i}`)
    }
  })

  it('withhold exactly one passage each, note another, and link film moments inside the demo film', () => {
    for (const interview of demoInterviews) {
      assert.equal(interview.passages.filter(p => p.withheld).length, 1, interview.slug)
      assert.ok(
        interview.passages[interview.note.passage] && !interview.passages[interview.note.passage]?.withheld,
        `${interview.slug} note`,
      )
      for (const m of interview.moments) {
        assert.ok(
          m.filmStartSeconds < m.filmEndSeconds && m.filmEndSeconds <= DEMO_FILM_SECONDS,
          `${interview.slug} moment`,
        )
        assert.ok(
          interview.passages[m.passage] && !interview.passages[m.passage]?.withheld,
          `${interview.slug} moment passage`,
        )
      }
    }
  })
})

describe('seeding the demo interviews', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('publishes them whole at once, searchable, and only queues their recordings', async () => {
    const db = database.db
    const staff = [{ slug: 'kit-navarro', name: 'Kit Navarro' }]
    const personIds = new Map<string, number>()
    for (const slug of new Set(demoInterviews.flatMap(i => i.interviewers)))
      personIds.set(slug, (await makePerson(db, { slug })).id)
    const topicIds = new Map<string, number>()
    for (const slug of new Set(demoInterviews.flatMap(i => i.topics)))
      topicIds.set(slug, (await makeTopic(db, { slug })).id)
    const documentaryIds = new Map<string, number>()
    for (const film of documentaries) documentaryIds.set(film.slug, (await makeDocumentary(db, { slug: film.slug })).id)

    const started = Date.now()
    const seeded = await db
      .transaction()
      .execute(trx => seedDemoInterviews(trx, { now: new Date(), staff, personIds, topicIds, documentaryIds }))
    assert.ok(Date.now() - started < 10_000, 'seeding renders nothing')
    assert.equal(seeded.size, demoInterviews.length)

    const halina = await findInterviewBySlug(db, 'halina-brezan-radio-varesh')
    assert.equal(halina?.status, 'published')
    if (!halina) return
    const passages = await listPassages(db, halina.id)
    assert.equal(passages[0]?.speaker, 'Kit Navarro')
    assert.equal(passages[1]?.speaker, 'Halina Brezan')
    assert.deepEqual(
      passages.filter(p => p.withheldReason).map(p => p.withheldReason),
      ['safety'],
    )
    assert.equal((await listNotes(db, halina.id)).length, 1)
    assert.equal(
      (await listFilmMoments(db, { interviewId: halina.id }))[0]?.documentaryId,
      documentaryIds.get('dispatches-from-a-quiet-front'),
    )
    assert.equal(await findVideoByInterview(db, halina.id), undefined, 'no recording until the job runs')
    assert.ok(await findJobByKey(db, `${DEMO_INTERVIEW_MASTER_JOB}:${halina.id}`))
    const found = await searchIndex(db, { query: parseSearchQuery('insulin'), page: 1, pageSize: 10 })
    assert.ok(found.hits.items.some(h => h.kind === 'interview' && h.ownerId === halina.id))

    // The demo story's clips and quote take their times from passages readers may see.
    // Film excerpts need the seeder's excerpt ids; the rest must be a body the stories part accepts.
    const withoutFilm = {
      ...interviewStory.body,
      content: interviewStory.body.content.filter(n => (n as { type: string }).type !== 'excerpt'),
    }
    const body = parseBody(resolveInterviewReferences(withoutFilm, seeded))
    const clips = body.content.filter(n => n.type === 'interviewExcerpt')
    assert.equal(clips.length, 3)
    const sowell = seeded.get('bernadette-sowell-tern-county-clerk')
    assert.deepEqual(clips[0]?.attrs, {
      interviewId: sowell?.id,
      startSeconds: sowell?.passages[1]?.startSeconds,
      endSeconds: sowell?.passages[1]?.endSeconds,
    })
    const quote = body.content.find(n => n.type === 'pullQuote')
    assert.deepEqual(quote?.type === 'pullQuote' ? quote.attrs.source : undefined, {
      interviewId: seeded.get('ruth-valdivieso-public-defender')?.id,
      startSeconds: seeded.get('ruth-valdivieso-public-defender')?.passages[3]?.startSeconds,
    })
    assert.throws(
      () =>
        resolveInterviewReferences(
          { attrs: { interviewSlug: 'bernadette-sowell-tern-county-clerk', fromPassage: 7, toPassage: 7 } },
          seeded,
        ),
      /withheld/,
    )
  })

  it('the job makes a 360p recording of the whole transcript and attaches it with the withheld passage cut', async () => {
    const db = database.db
    const halina = await findInterviewBySlug(db, 'halina-brezan-radio-varesh')
    if (!halina) return assert.fail('seeded above')
    const storage = createLocalStorage(join(database.dataDir, 'media'))
    const handler = createDemoInterviewMasterHandler({ db, storage })
    const job = await findJobByKey(db, `${DEMO_INTERVIEW_MASTER_JOB}:${halina.id}`)
    await handler(job?.payload, runContext(job?.id ?? 0))
    const video = await findVideoByInterview(db, halina.id)
    assert.equal(video?.masterKey, demoInterviewMasterKey(halina.id))
    assert.equal(video?.status, 'queued')
    const passages = await listPassages(db, halina.id)
    const withheld = passages.find(p => p.withheldReason)
    assert.deepEqual(video?.cuts, [[withheld?.startSeconds, withheld?.endSeconds]])
    assert.ok(await findJobByKey(db, `${TRANSCODE_JOB}:${video?.id}`), 'the transcode is queued')
    const file = storage.localPath(demoInterviewMasterKey(halina.id)) ?? assert.fail('local storage')
    const probe = await probeVideo(file)
    assert.deepEqual([probe.width, probe.height, probe.hasAudio], [640, 360, true])
    assert.ok(
      Math.abs(probe.durationSeconds - (Math.ceil(passages.at(-1)?.endSeconds ?? 0) + 1)) < 0.5,
      `runs ${probe.durationSeconds} s`,
    )

    // The queued transcode makes it playable, the page's player then has it.
    const transcode = createTranscodeHandler({ db, storage, events: createContentEvents(), owners: VIDEO_OWNERS })
    const transcodeJob = await findJobByKey(db, `${TRANSCODE_JOB}:${video?.id}`)
    await transcode(transcodeJob?.payload, runContext(transcodeJob?.id ?? 0))
    const playable = await findPlayableInterviewVideo(db, halina.id)
    assert.equal(playable?.status, 'ready')
    assert.deepEqual(playable?.status === 'ready' ? [playable.width, playable.height] : [], [640, 360])
  })

  it('draws a name holding filter syntax as text, not syntax', async () => {
    const bytes = await renderDemoInterviewMaster({
      name: "Ana O'Neil: 50% [test]; x=1",
      role: 'Role, with commas',
      index: 3,
      seconds: 2,
    })
    assert.ok(bytes.length > 1000)
  })
})
