// Stories that quote interviews to the second, as the newsroom and readers meet them: a span
// outside the video, into a withheld passage or of an interview that does not exist is refused
// with its block named and nothing stored; a good one saves, is linked in story_interviews, and
// plays only its span on the story page; the picker's API answers the editor and refuses bad input.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeInterview, makePerson } from './factories.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { findStoryForEditing, listStoriesCitingInterview } from '../src/stories/index.js'
import { setWithheld } from '../src/interviews/passages.js'
import { upsertInterviewVideo } from '../src/videos/index.js'

type App = Awaited<ReturnType<typeof testApp>>

const PASSAGES = [
  { speaker: 'Ona Varga', startSeconds: 0, endSeconds: 30, text: 'The first winter the gates froze open.' },
  { speaker: 'Ona Varga', startSeconds: 30, endSeconds: 63.5, text: 'We logged every ship by hand after that.' },
  {
    speaker: 'Ona Varga',
    startSeconds: 63.5,
    endSeconds: 95,
    text: 'What the minister said to me then stays between us.',
  },
  { speaker: 'Interviewer', startSeconds: 95, endSeconds: 120, text: 'And the harbour today?' },
]

const doc = (...content: unknown[]) =>
  JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'She told us in this excerpt:' }] }, ...content],
  })
const span = (interviewId: number, startSeconds: number, endSeconds: number) => ({
  type: 'interviewExcerpt',
  attrs: { interviewId, startSeconds, endSeconds },
})

describe('stories quoting interviews', () => {
  let t: App
  let editor: Browser
  let interviewId = 0
  let draftInterviewId = 0
  let storyId = 0

  before(async () => {
    t = await testApp({ runJobs: false })
    const db = t.database.db
    const person = await makePerson(db, { name: 'Ona Varga' })
    const interview = await makeInterview(db, {
      title: 'The harbour master',
      slug: 'the-harbour-master',
      personId: person.id,
      personRole: 'Harbour master, 1998–2011',
      status: 'published',
      passages: PASSAGES,
    })
    interviewId = interview.id
    await setWithheld(db, interviewId, [2], 'off-the-record')
    // A transcoded recording of 2:00: the rows the transcode leaves once it is ready.
    const video = await upsertInterviewVideo(db, interviewId, 'uploads/harbour.mp4')
    await db
      .updateTable('videos')
      .set({
        status: 'ready',
        duration_seconds: 120,
        width: 640,
        height: 360,
        live_prefix: `videos/${video.id}/a`,
        poster_key: `videos/${video.id}/a/poster.jpg`,
        mp4_key: `videos/${video.id}/a/360.mp4`,
      })
      .where('id', '=', video.id)
      .execute()
    draftInterviewId = (await makeInterview(db, { title: 'Not yet cleared', passages: PASSAGES.slice(0, 2) })).id
    editor = await signInAs(t, 'editor')
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: 'The harbour',
      body: JSON.stringify({ type: 'doc', content: [] }),
    })
    assert.equal(created.statusCode, 303)
    storyId = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
  })
  after(() => t.dispose())

  const save = async (body: string, action = 'save') => {
    const story = await findStoryForEditing(t.database.db, storyId)
    return postForm(t, editor, `/newsroom/stories/${storyId}`, {
      version: String(story?.version),
      title: 'The harbour',
      dek: '',
      section: 'article',
      body,
      action,
    })
  }
  const links = async () =>
    (
      await t.database.db
        .selectFrom('story_interviews')
        .select('interview_id')
        .where('story_id', '=', storyId)
        .execute()
    ).map(r => r.interview_id)

  it('refuses a span outside the video, into a withheld passage, or of no interview, naming the block; nothing is stored', async () => {
    const before = await findStoryForEditing(t.database.db, storyId)
    const outside = await save(doc(span(interviewId, 110, 130)), 'publish')
    assert.equal(outside.statusCode, 400)
    assert.match(
      outside.body,
      /Block 2 \(interview excerpt\) plays 1:50–2:10 of interview \d+, outside its video \(0:00–2:00\)\./,
    )
    const withheld = await save(doc(span(interviewId, 30, 70)))
    assert.equal(withheld.statusCode, 400)
    assert.match(
      withheld.body,
      /Block 2 \(interview excerpt\) runs into passage 3 of interview \d+ \(1:03–1:35\), which is withheld/,
    )
    const quoteWithheld = await save(
      doc({
        type: 'pullQuote',
        attrs: { source: { interviewId, startSeconds: 70 } },
        content: [{ type: 'text', text: 'Off the record.' }],
      }),
    )
    assert.equal(quoteWithheld.statusCode, 400)
    assert.match(quoteWithheld.body, /Block 2 \(pull quote\) runs into passage 3/)
    const missing = await save(doc(span(987654, 0, 10)))
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /Block 2 \(interview excerpt\) refers to interview 987654, which does not exist\./)
    const backwards = await save(doc(span(interviewId, 20, 10)))
    assert.equal(backwards.statusCode, 400)
    assert.match(backwards.body, /must end after it starts/)
    const after = await findStoryForEditing(t.database.db, storyId)
    assert.deepEqual(
      [after?.version, after?.status, after?.body],
      [before?.version, before?.status, before?.body],
      'nothing was stored',
    )
    assert.deepEqual(await links(), [])
  })

  it('a good span saves and publishes; story_interviews follows the body; the page plays only the span', async () => {
    const pull = {
      type: 'pullQuote',
      attrs: { attribution: 'Ona Varga', source: { interviewId, startSeconds: 30 } },
      content: [{ type: 'text', text: 'We logged every ship by hand.' }],
    }
    const saved = await save(doc(span(interviewId, 30, 63.5), pull, span(draftInterviewId, 0, 30)), 'publish')
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400))
    assert.deepEqual((await links()).sort(), [interviewId, draftInterviewId].sort())
    const page = await t.app.inject('/stories/the-harbour')
    assert.equal(page.statusCode, 200)
    assert.match(
      page.body,
      /<figure class="excerpt interview-excerpt" data-interview-id="\d+" data-start="30" data-end="63.5" data-media="/,
    )
    assert.match(page.body, /<source src="\/media\/videos\/\d+\/a\/360\.mp4#t=30,63\.5" type="video\/mp4">/)
    assert.match(page.body, /Ona Varga<\/span>, <span class="excerpt-role">Harbour master, 1998–2011/)
    assert.match(page.body, /href="\/interviews\/the-harbour-master#p-2">Watch the full interview from 0:30/)
    assert.match(
      page.body,
      /<a class="quote-source" href="\/interviews\/the-harbour-master#p-2">Ona Varga, at 0:30 in the full interview<\/a>/,
    )
    assert.match(page.body, /<script[^>]+player/, 'the page loads the player island')
    assert.equal((page.body.match(/interview-excerpt/g) ?? []).length, 1, 'the unpublished interview renders nothing')
    const citing = await listStoriesCitingInterview(t.database.db, interviewId)
    assert.deepEqual(
      citing.map(s => [s.title, s.url]),
      [['The harbour', '/stories/the-harbour']],
    )
    assert.ok(citing[0]?.publishedAt)
  })

  it('a body without the interview drops the link; an unpublished story is not listed as citing it', async () => {
    assert.equal((await save(doc(span(interviewId, 0, 30)))).statusCode, 303)
    assert.deepEqual(await links(), [interviewId])
    assert.equal(
      (await postForm(t, editor, `/newsroom/stories/${storyId}/status`, { action: 'unpublish' })).statusCode,
      303,
    )
    assert.deepEqual(await listStoriesCitingInterview(t.database.db, interviewId), [])
    assert.equal((await save(doc())).statusCode, 303)
    assert.deepEqual(await links(), [])
  })

  it('the picker API finds interviews and their transcripts; withheld passages come without their words', async () => {
    const get = (url: string) => t.app.inject({ url, headers: { cookie: editor.cookie } })
    const found = await get('/newsroom/api/interviews?q=varga%20harbour')
    assert.equal(found.statusCode, 200)
    assert.deepEqual(
      (found.json() as Array<{ id: number }>).map(i => i.id),
      [interviewId],
    )
    const byIds = await get(`/newsroom/api/interviews?ids=${interviewId},${draftInterviewId}`)
    assert.equal((byIds.json() as unknown[]).length, 2)
    const transcript = await get(`/newsroom/api/interviews/${interviewId}/passages`)
    assert.equal(transcript.statusCode, 200)
    const body = transcript.json() as {
      interview: { durationSeconds: number }
      passages: Array<{ position: number; text: string; withheld: boolean; url: string; startSeconds: number }>
    }
    assert.equal(body.interview.durationSeconds, 120)
    assert.deepEqual(
      body.passages.map(p => [p.position, p.withheld, p.startSeconds]),
      [
        [0, false, 0],
        [1, false, 30],
        [2, true, 63.5],
        [3, false, 95],
      ],
    )
    assert.equal(body.passages[2]?.text, '', 'a withheld passage never leaves with its words')
    assert.equal(body.passages[1]?.url, '/interviews/the-harbour-master#p-2')
    const searched = (await get(`/newsroom/api/interviews/${interviewId}/passages?q=logged`)).json() as {
      passages: Array<{ position: number }>
    }
    assert.deepEqual(
      searched.passages.map(p => p.position),
      [1],
    )
    const hidden = (await get(`/newsroom/api/interviews/${interviewId}/passages?q=minister`)).json() as {
      passages: unknown[]
    }
    assert.deepEqual(hidden.passages, [], 'searching never finds a withheld passage')
  })

  it('the picker API refuses bad input with 4xx and strangers', async () => {
    const get = (url: string, cookie = editor.cookie) => t.app.inject({ url, headers: { cookie } })
    assert.equal((await get('/newsroom/api/interviews?ids=abc')).statusCode, 400)
    assert.equal((await get('/newsroom/api/interviews?ids=0')).statusCode, 400)
    assert.equal((await get(`/newsroom/api/interviews?q=${'x'.repeat(201)}`)).statusCode, 400)
    assert.equal((await get('/newsroom/api/interviews/abc/passages')).statusCode, 400)
    assert.equal((await get('/newsroom/api/interviews/987654/passages')).statusCode, 404)
    const stranger = await get('/newsroom/api/interviews', '')
    assert.ok([302, 303, 401].includes(stranger.statusCode), `strangers are sent away (${stranger.statusCode})`)
  })
})
