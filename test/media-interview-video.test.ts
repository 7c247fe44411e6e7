// The newsroom's page for an interview's video (authors and up; the upload API itself is an
// editor's): an editor uploads a master through the resumable upload API and attaches it; the transcode (the same one as a documentary's film) runs with the
// withheld passages cut, the change is audited and kept in the interview's history, and the
// status reaches the page and its island's JSON. Bad input (no such upload, someone else's,
// the wrong kind, no such interview, a role that may not) is refused with 4xx and a clear
// message, and nothing is stored. Real ffmpeg, on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeInterview } from './factories.js'
import { makeTestClip } from './media-fixtures.js'
import { findPlayableInterviewVideo, findVideoByInterview } from '../src/videos/index.js'
import { listAudit } from '../src/newsroom/index.js'
import { listRevisions } from '../src/interviews/index.js'
import { setWithheld } from '../src/interviews/passages.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const b64 = (s: string) => Buffer.from(s).toString('base64')

const PASSAGES = [
  { speaker: 'Ana', startSeconds: 0, endSeconds: 1, text: 'We met at the harbour.' },
  { speaker: 'Ana', startSeconds: 1, endSeconds: 2, text: 'What I say next is off the record.' },
  { speaker: 'Ana', startSeconds: 2, endSeconds: 3, text: 'And that is all.' },
]

describe('newsroom interview video page', () => {
  let t: TestApp
  let editor: Browser
  let otherEditor: Browser
  let author: Browser
  let contributor: Browser
  let mp4: Buffer
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-interview-video-'))

  before(async () => {
    makeTestClip(join(dir, 'x.mp4'), { width: 160, height: 90, fps: 10, seconds: 3 })
    mp4 = readFileSync(join(dir, 'x.mp4'))
    t = await testApp({ runJobs: false })
    ;[editor, otherEditor, author, contributor] = [
      await signInAs(t, 'editor'),
      await signInAs(t, 'editor'),
      await signInAs(t, 'author'),
      await signInAs(t, 'contributor'),
    ]
  })

  /** An interview of the author's (authors reach only their own, or those they were an interviewer on). */
  async function authorsInterview(overrides: Parameters<typeof makeInterview>[1] = {}) {
    const account = await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', author.email)
      .executeTakeFirstOrThrow()
    return makeInterview(t.database.db, { ...overrides, ownerAccountId: account.id })
  }
  after(async () => {
    await t.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  async function upload(browser: Browser, kind: string, filename: string, data: Buffer): Promise<string> {
    const start = await t.app.inject({
      method: 'POST',
      url: '/newsroom/api/uploads',
      headers: {
        cookie: browser.cookie,
        'x-csrf-token': browser.csrf,
        'upload-length': String(data.length),
        'upload-metadata': `kind ${b64(kind)},filename ${b64(filename)}`,
      },
    })
    assert.equal(start.statusCode, 201, start.body)
    const {
      upload: { id },
      location,
    } = start.json() as { upload: { id: string }; location: string }
    const res = await t.app.inject({
      method: 'PATCH',
      url: location,
      payload: data,
      headers: {
        cookie: browser.cookie,
        'x-csrf-token': browser.csrf,
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
    })
    assert.ok(res.statusCode === 204 || res.statusCode === 200, res.body)
    return id
  }

  const attachJson = (browser: Browser, interviewId: number | string, uploadId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/newsroom/interviews/${interviewId}/video`,
      payload: { upload: uploadId },
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf, 'content-type': 'application/json' },
    })
  const status = async (browser: Browser, interviewId: number) => {
    const res = await t.app.inject({
      url: `/newsroom/api/interviews/${interviewId}/video`,
      headers: { cookie: browser.cookie },
    })
    assert.equal(res.statusCode, 200, res.body)
    return res.json() as { status: string; progress: number; error: string | null }
  }
  const audited = async (interviewId: number) =>
    (await listAudit(t.database.db, 500)).filter(e => e.subject === `interview:${interviewId}`).map(e => e.action)

  /** Nothing of a refused attach is kept: no video, no job, no audit row, no revision. */
  async function assertNothingStored(interviewId: number) {
    assert.equal(await findVideoByInterview(t.database.db, interviewId), undefined)
    assert.deepEqual(await audited(interviewId), [])
    assert.deepEqual(await listRevisions(t.database.db, interviewId), [])
    assert.equal((await status(author, interviewId)).status, 'none')
  }

  it('attaches an uploaded master, transcodes it with the withheld passage cut, and records who did it', async () => {
    const interview = await authorsInterview({ passages: PASSAGES })
    await setWithheld(t.database.db, interview.id, [1], 'off-the-record')
    // An author sees the page and its status; attaching needs an upload, which is an editor's to make.
    const page = await t.app.inject({
      url: `/newsroom/interviews/${interview.id}/video`,
      headers: { cookie: author.cookie },
    })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /No video has been uploaded yet/)
    assert.match(page.body, /data-interview-video-status="none"/)
    assert.match(page.body, /<script[^>]+src="\/assets\/media-page[^"]*\.js"/)
    assert.deepEqual(await status(author, interview.id), { status: 'none', progress: 0, error: null })

    const res = await attachJson(editor, interview.id, await upload(editor, 'video', 'interview.mp4', mp4))
    assert.equal(res.statusCode, 200, res.body)
    assert.equal((res.json() as { status: string }).status, 'queued')
    const queued = await findVideoByInterview(t.database.db, interview.id)
    assert.deepEqual(queued?.cuts, [[1, 2]])
    assert.deepEqual(await audited(interview.id), ['interview-video-attached'])
    assert.equal((await listRevisions(t.database.db, interview.id))[0]?.action, 'interview-video-attached')
    assert.match(
      (await t.app.inject({ url: `/newsroom/interviews/${interview.id}/video`, headers: { cookie: author.cookie } }))
        .body,
      /Cut to black and silence \(one withheld passage\): 0:01–0:02/,
    )
    // The dashboard's media section watches it, linking to its page.
    const dashboard = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    const media = /<section[^>]*data-section="media"[^>]*>([\s\S]*?)<\/section>/.exec(dashboard.body)?.[1] ?? ''
    assert.match(media, new RegExp(`href="/newsroom/interviews/${interview.id}/video"[^>]*>${interview.title}<`))
    assert.match(media, /Interview video/)
    assert.match(media, /Queued/)

    for (let i = 0; i < 200 && (await status(author, interview.id)).status !== 'ready'; i++) {
      await t.jobs.runDueJobs()
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    assert.equal((await status(author, interview.id)).status, 'ready', (await status(author, interview.id)).error ?? '')
    const playable = await findPlayableInterviewVideo(t.database.db, interview.id)
    assert.equal(playable?.status, 'ready')
    const ready = await t.app.inject({
      url: `/newsroom/interviews/${interview.id}/video`,
      headers: { cookie: author.cookie },
    })
    assert.match(ready.body, /The video is ready \(0:03\)/)
  })

  it('refuses an upload that does not exist, is someone else’s, or is not a video, and stores nothing', async () => {
    const interview = await authorsInterview({ passages: PASSAGES })
    const theirs = await upload(otherEditor, 'video', 'theirs.mp4', mp4)
    const captions = await upload(
      editor,
      'captions',
      'c.vtt',
      Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n'),
    )
    for (const [uploadId, message] of [
      ['no-such-upload', /No finished upload of yours has that id/],
      [theirs, /No finished upload of yours has that id/],
      [captions, /That upload is a WebVTT file, not a video/],
    ] as const) {
      const json = await attachJson(editor, interview.id, uploadId)
      assert.equal(json.statusCode, 400, json.body)
      assert.match(json.body, message)
      const form = await postForm(t, editor, `/newsroom/interviews/${interview.id}/video`, { upload: uploadId })
      assert.equal(form.statusCode, 400)
      assert.match(form.body, message)
      assert.match(form.body, /Nothing was saved/)
    }
    // An author attaching an editor's upload: not theirs.
    const byAuthor = await attachJson(author, interview.id, theirs)
    assert.equal(byAuthor.statusCode, 400)
    assert.match(byAuthor.body, /No finished upload of yours has that id/)
    await assertNothingStored(interview.id)
  })

  it('answers 404 for an interview that does not exist and 400 for an id that is not one, storing nothing', async () => {
    const id = await upload(editor, 'video', 'x.mp4', mp4)
    assert.equal((await attachJson(editor, 9_999_999, id)).statusCode, 404)
    assert.equal((await attachJson(editor, 'abc', id)).statusCode, 400)
    assert.equal(
      (await t.app.inject({ url: '/newsroom/interviews/9999999/video', headers: { cookie: author.cookie } }))
        .statusCode,
      404,
    )
    assert.equal((await postForm(t, author, '/newsroom/interviews/9999999/video/retry', {})).statusCode, 404)
    assert.equal(
      await t.database.db.selectFrom('videos').select('id').where('master_key', 'like', '%x.mp4%').executeTakeFirst(),
      undefined,
    )
  })

  it('refuses a contributor, an author on a published interview, and a retry without a video; nothing is stored', async () => {
    const interview = await authorsInterview({ passages: PASSAGES })
    const editorsUpload = await upload(editor, 'video', 'c.mp4', mp4)
    assert.equal((await attachJson(contributor, interview.id, editorsUpload)).statusCode, 403)
    assert.equal(
      (
        await t.app.inject({
          url: `/newsroom/interviews/${interview.id}/video`,
          headers: { cookie: contributor.cookie },
        })
      ).statusCode,
      403,
    )
    const published = await authorsInterview({ passages: PASSAGES, status: 'published' })
    const res = await attachJson(author, published.id, editorsUpload)
    assert.equal(res.statusCode, 403, res.body)
    assert.match(res.body, /Only an editor or above can change this interview’s video once it is published/)
    assert.equal((await postForm(t, author, `/newsroom/interviews/${interview.id}/video/retry`, {})).statusCode, 404)
    await assertNothingStored(interview.id)
    await assertNothingStored(published.id)
  })

  it('refuses a form without its CSRF token', async () => {
    const interview = await authorsInterview()
    const res = await postForm(
      t,
      editor,
      `/newsroom/interviews/${interview.id}/video`,
      { upload: await upload(editor, 'video', 'x.mp4', mp4) },
      { csrf: false },
    )
    assert.equal(res.statusCode, 403)
    await assertNothingStored(interview.id)
  })
})
