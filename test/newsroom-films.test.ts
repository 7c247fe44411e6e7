// The newsroom's film page: an editor uploads a master through the resumable upload API,
// attaches it, the transcode job runs to ready; lower roles are refused, someone else's or
// the wrong kind of upload is refused, and a failed film can be queued again. Captions are
// uploaded the same way, listed and removed; chapters are typed as lines and reach the
// public documentary page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp } from './helpers.js'
import { cachedPage, freshPage, postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary } from './factories.js'
import { makeStill, makeTestClip } from './media-fixtures.js'
import { findVideoByDocumentary } from '../src/videos/index.js'
import { listAudit } from '../src/newsroom/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const b64 = (s: string) => Buffer.from(s).toString('base64')

/** Uploads a file in chunks as the island does; answers the upload id. */
async function tusUpload(
  t: TestApp,
  browser: Browser,
  kind: string,
  filename: string,
  data: Buffer,
  extra = '',
): Promise<string> {
  const start = await t.app.inject({
    method: 'POST',
    url: '/newsroom/api/uploads',
    headers: {
      cookie: browser.cookie,
      'x-csrf-token': browser.csrf,
      'upload-length': String(data.length),
      'upload-metadata': `kind ${b64(kind)},filename ${b64(filename)}${extra}`,
    },
  })
  assert.equal(start.statusCode, 201, start.body)
  const { upload, location } = start.json() as { upload: { id: string }; location: string }
  const chunk = Math.ceil(data.length / 3)
  let offset = 0
  while (offset < data.length) {
    const res = await t.app.inject({
      method: 'PATCH',
      url: location,
      payload: data.subarray(offset, offset + chunk),
      headers: {
        cookie: browser.cookie,
        'x-csrf-token': browser.csrf,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
    })
    assert.ok(res.statusCode === 204 || res.statusCode === 200, res.body)
    offset = Number(res.headers['upload-offset'])
  }
  return upload.id
}

function attach(t: TestApp, browser: Browser, filmId: number, upload: string) {
  return t.app.inject({
    method: 'POST',
    url: `/newsroom/documentaries/${filmId}/film`,
    payload: { upload },
    headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf, 'content-type': 'application/json' },
  })
}

async function status(t: TestApp, browser: Browser, filmId: number) {
  const res = await t.app.inject({
    url: `/newsroom/api/documentaries/${filmId}/film`,
    headers: { cookie: browser.cookie },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as { status: string; progress: number; error: string | null }
}

/** Runs due jobs until the film is ready (attaching wakes the runner, so a job may already be running). */
async function transcodeToReady(t: TestApp, browser: Browser, filmId: number): Promise<void> {
  for (let i = 0; i < 240 && (await status(t, browser, filmId)).status !== 'ready'; i++) {
    await t.jobs.runDueJobs()
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  const jobRows = await t.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'transcode-video').execute()
  assert.equal((await status(t, browser, filmId)).status, 'ready', JSON.stringify(jobRows))
}

function filmPage(t: TestApp, browser: Browser, filmId: number) {
  return t.app.inject({ url: `/newsroom/documentaries/${filmId}/film`, headers: { cookie: browser.cookie } })
}

/** The page a form post redirected to, as the browser then shows it. */
function followed(t: TestApp, browser: Browser, res: { headers: Record<string, unknown> }) {
  return t.app.inject({ url: String(res.headers.location), headers: { cookie: browser.cookie } })
}

/** The film's captions rows, by language. */
async function captionRows(t: TestApp, filmId: number) {
  const video = await findVideoByDocumentary(t.database.db, filmId)
  assert.ok(video)
  return t.database.db
    .selectFrom('video_captions')
    .select(['lang', 'label', 'storage_key'])
    .where('video_id', '=', video.id)
    .orderBy('lang')
    .execute()
}

/** The film's chapters rows, in order. */
async function chapterRows(t: TestApp, filmId: number) {
  const video = await findVideoByDocumentary(t.database.db, filmId)
  assert.ok(video)
  const rows = await t.database.db
    .selectFrom('video_chapters')
    .select(['start_seconds', 'title'])
    .where('video_id', '=', video.id)
    .orderBy('start_seconds')
    .execute()
  return rows.map(r => [Number(r.start_seconds), r.title])
}

/** The textarea's text in a page (as the browser reads it: entities decoded). */
function chaptersTextarea(html: string): string | undefined {
  const raw = /<textarea[^>]*name="chapters"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1]
  return raw
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nA test pattern hums.\n'

describe('newsroom film page', () => {
  let t: TestApp
  let editor: Browser
  let otherEditor: Browser
  let author: Browser
  let mp4: Buffer
  let png: Buffer
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-film-test-'))

  before(async () => {
    const out = join(dir, 'x.mp4')
    makeTestClip(out, { width: 160, height: 90, fps: 10, seconds: 3 })
    mp4 = readFileSync(out)
    const still = join(dir, 'p.png')
    makeStill(still)
    png = readFileSync(still)
    // Jobs run only when the tests say so, so a background transcode never races a test that sets a status.
    t = await testApp({ runJobs: false })
    ;[editor, otherEditor, author] = [
      await signInAs(t, 'editor'),
      await signInAs(t, 'editor'),
      await signInAs(t, 'author'),
    ]
  })
  after(async () => {
    await t.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  /** The audit log's actions on a film, oldest first, with their details. */
  const audited = async (filmId: number) =>
    (await listAudit(t.database.db, 500))
      .filter(e => e.subject === `documentary:${filmId}`)
      .reverse()
      .map(e => [e.action, e.detail])

  it('uploads, attaches and transcodes a film to ready', async () => {
    const film = await makeDocumentary(t.database.db, { status: 'published' })
    const page = await t.app.inject({
      url: `/newsroom/documentaries/${film.id}/film`,
      headers: { cookie: editor.cookie },
    })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /needs JavaScript/)
    assert.match(page.body, /accept="video\/\*"/)
    assert.deepEqual(await status(t, editor, film.id), { status: 'none', progress: 0, error: null })

    const id = await tusUpload(t, editor, 'video', 'x.mp4', mp4)
    const res = await attach(t, editor, film.id, id)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal((await status(t, editor, film.id)).status, 'queued')
    const job = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'transcode-video')
      .executeTakeFirst()
    assert.ok(job, 'a transcode job is queued')

    await transcodeToReady(t, editor, film.id)
    const ready = await t.app.inject({
      url: `/newsroom/documentaries/${film.id}/film`,
      headers: { cookie: editor.cookie },
    })
    assert.match(ready.body, new RegExp(`href="/documentaries/${film.slug}"`))
    assert.deepEqual(await audited(film.id), [['film-attached', {}]])
  })

  it('refuses authors', async () => {
    const film = await makeDocumentary(t.database.db)
    const page = await t.app.inject({
      url: `/newsroom/documentaries/${film.id}/film`,
      headers: { cookie: author.cookie },
    })
    assert.equal(page.statusCode, 403)
    const json = await t.app.inject({
      url: `/newsroom/api/documentaries/${film.id}/film`,
      headers: { cookie: author.cookie },
    })
    assert.equal(json.statusCode, 403)
    const post = await attach(t, author, film.id, 'a'.repeat(32))
    assert.equal(post.statusCode, 403)
  })

  it("refuses someone else's upload and an image upload", async () => {
    const film = await makeDocumentary(t.database.db)
    const theirs = await tusUpload(t, otherEditor, 'video', 'x.mp4', mp4)
    const res = await attach(t, editor, film.id, theirs)
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode}`)
    const image = await tusUpload(t, editor, 'image', 'p.png', png, `,alt ${b64('A pixel')}`)
    const again = await attach(t, editor, film.id, image)
    assert.ok(again.statusCode >= 400 && again.statusCode < 500, `${again.statusCode}`)
    assert.equal(await findVideoByDocumentary(t.database.db, film.id), undefined)
  })

  it('queues a failed film again on retry', async () => {
    const film = await makeDocumentary(t.database.db)
    const id = await tusUpload(t, editor, 'video', 'x.mp4', mp4)
    assert.equal((await attach(t, editor, film.id, id)).statusCode, 200)
    const video = await findVideoByDocumentary(t.database.db, film.id)
    assert.ok(video)
    await t.database.db
      .updateTable('videos')
      .set({ status: 'failed', error: 'ffmpeg exploded' })
      .where('id', '=', video.id)
      .execute()
    await t.database.db.deleteFrom('jobs').where('kind', '=', 'transcode-video').execute()
    const page = await t.app.inject({
      url: `/newsroom/documentaries/${film.id}/film`,
      headers: { cookie: editor.cookie },
    })
    assert.match(page.body, /ffmpeg exploded/)
    assert.match(page.body, /Retry/)
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/documentaries/${film.id}/film/retry`,
      payload: new URLSearchParams({ _csrf: editor.csrf }).toString(),
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.statusCode, 303, res.body)
    assert.equal((await status(t, editor, film.id)).status, 'queued')
    const jobs = await t.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'transcode-video').execute()
    assert.equal(jobs.length, 1)
    assert.deepEqual(
      (await audited(film.id)).map(([action]) => action),
      ['film-attached', 'film-retried'],
    )
  })

  it('uploads captions, lists them, and removes one with its file', async () => {
    const film = await makeDocumentary(t.database.db)
    const before = await filmPage(t, editor, film.id)
    assert.doesNotMatch(before.body, /accept="\.vtt,text\/vtt"/, 'no captions form before there is a film')
    assert.equal((await attach(t, editor, film.id, await tusUpload(t, editor, 'video', 'x.mp4', mp4))).statusCode, 200)

    const page = await filmPage(t, editor, film.id)
    assert.match(page.body, /<input id="captions-file" type="file" name="file" accept="\.vtt,text\/vtt" required/)
    assert.match(page.body, /Uploading captions needs JavaScript/)
    assert.match(page.body, /The film has no captions yet/)
    assert.doesNotMatch(page.body, /Upload id/)

    for (const [lang, label] of [
      ['en', 'English'],
      ['es', 'Español'],
    ] as const) {
      const upload = await tusUpload(t, editor, 'captions', `${lang}.vtt`, Buffer.from(VTT))
      const res = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, { upload, lang, label })
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000))
      assert.equal(res.headers.location, `/newsroom/documentaries/${film.id}/film?done=captions`)
    }
    const listed = await filmPage(t, editor, film.id)
    assert.match(listed.body, /<td><code>en<\/code><\/td><td>English<\/td>/)
    assert.match(listed.body, /<td><code>es<\/code><\/td><td>Español<\/td>/)
    assert.match(listed.body, /aria-label="Remove the English captions \(en\)"/)
    const rows = await captionRows(t, film.id)
    assert.deepEqual(
      rows.map(r => [r.lang, r.label]),
      [
        ['en', 'English'],
        ['es', 'Español'],
      ],
    )
    const english = rows.find(r => r.lang === 'en')
    assert.ok(english && (await t.storage.stat(english.storage_key)), 'the English file is stored')

    const removed = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions/remove`, { lang: 'en' })
    assert.equal(removed.statusCode, 303, removed.body.slice(0, 2000))
    assert.equal(removed.headers.location, `/newsroom/documentaries/${film.id}/film?done=captions-removed`)
    assert.deepEqual(
      (await captionRows(t, film.id)).map(r => r.lang),
      ['es'],
    )
    assert.equal(await t.storage.stat(english.storage_key), undefined, 'the English file is gone')
    const after = await followed(t, editor, removed)
    assert.doesNotMatch(after.body, /<td><code>en<\/code>/)
    assert.match(after.body, /The captions are removed/)

    const again = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions/remove`, { lang: 'en' })
    assert.equal(again.statusCode, 404)
    const changes = (await audited(film.id)).filter(([action]) => String(action).startsWith('captions-'))
    assert.deepEqual(changes, [
      ['captions-set', { lang: 'en', label: 'English' }],
      ['captions-set', { lang: 'es', label: 'Español' }],
      ['captions-removed', { lang: 'en' }],
    ])
  })

  it('refuses captions that are not valid WebVTT, says why, keeps what was typed and stores nothing', async () => {
    const film = await makeDocumentary(t.database.db)
    assert.equal((await attach(t, editor, film.id, await tusUpload(t, editor, 'video', 'x.mp4', mp4))).statusCode, 200)
    const bad = 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\n<font color="red">Loud</font>\n'
    const upload = await tusUpload(t, editor, 'captions', 'bad.vtt', Buffer.from(bad))
    const res = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, {
      upload,
      lang: 'fr',
      label: 'Français',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /There are 2 problems; nothing was saved/)
    assert.match(res.body, /the cue ends \(00:00:01\.000\) before it starts/)
    assert.match(res.body, /the tag &lt;font> is not allowed/)
    assert.doesNotMatch(res.body, /<font/)
    assert.match(res.body, /id="captions-lang"[^>]*value="fr"/)
    assert.match(res.body, /id="captions-label"[^>]*value="Français"/)
    assert.deepEqual(await captionRows(t, film.id), [])

    const badLang = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, {
      upload: await tusUpload(t, editor, 'captions', 'ok.vtt', Buffer.from(VTT)),
      lang: 'English',
      label: 'English',
    })
    assert.equal(badLang.statusCode, 400)
    assert.match(badLang.body, /is not a language tag/)
    const notMine = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, {
      upload: await tusUpload(t, otherEditor, 'captions', 'ok.vtt', Buffer.from(VTT)),
      lang: 'en',
      label: 'English',
    })
    assert.equal(notMine.statusCode, 400)
    assert.match(notMine.body, /No finished upload of yours/)
    // As a browser without JavaScript posts it: no upload id.
    const noFile = await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, {
      upload: '',
      lang: 'en',
      label: 'English',
    })
    assert.equal(noFile.statusCode, 400)
    assert.match(noFile.body, /uploading it needs JavaScript/)
    assert.deepEqual(await captionRows(t, film.id), [])
  })

  describe('chapters', () => {
    let film: Awaited<ReturnType<typeof makeDocumentary>>
    const chaptersUrl = () => `/newsroom/documentaries/${film.id}/film/chapters`

    before(async () => {
      film = await makeDocumentary(t.database.db, { status: 'published' })
      assert.equal(
        (await attach(t, editor, film.id, await tusUpload(t, editor, 'video', 'x.mp4', mp4))).statusCode,
        200,
      )
      await transcodeToReady(t, editor, film.id)
    })

    it('saves chapters typed as lines and shows them in the public page’s player and JSON-LD', async () => {
      const publicUrl = `/documentaries/${film.slug}`
      await cachedPage(t, publicUrl)
      const res = await postForm(t, editor, chaptersUrl(), { chapters: '  2 The middle \r\n\r\n0:00   Opening\n' })
      assert.equal(res.statusCode, 303, res.body.slice(0, 3000))
      assert.equal(res.headers.location, `/newsroom/documentaries/${film.id}/film?done=chapters`)
      assert.deepEqual(await chapterRows(t, film.id), [
        [0, 'Opening'],
        [2, 'The middle'],
      ])
      const page = await followed(t, editor, res)
      assert.equal(chaptersTextarea(page.body), '0:00 Opening\n0:02 The middle')
      assert.match(page.body, /The chapters are saved/)

      const reader = await freshPage(t, publicUrl)
      assert.equal(reader.statusCode, 200)
      assert.match(
        reader.body,
        /data-chapters="\[\{&quot;startSeconds&quot;:0,&quot;title&quot;:&quot;Opening&quot;\},\{&quot;startSeconds&quot;:2,&quot;title&quot;:&quot;The middle&quot;\}\]"/,
      )
      const ld = [...reader.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
        m => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
      )
      const video = ld.find(b => b['@type'] === 'VideoObject') as
        | { hasPart?: { '@type': string; name: string; startOffset: number }[] }
        | undefined
      assert.deepEqual(
        video?.hasPart?.map(c => [c['@type'], c.name, c.startOffset]),
        [
          ['Clip', 'Opening', 0],
          ['Clip', 'The middle', 2],
        ],
      )

      // An empty box removes every chapter.
      assert.equal((await postForm(t, editor, chaptersUrl(), { chapters: '' })).statusCode, 303)
      assert.deepEqual(await chapterRows(t, film.id), [])
      assert.equal(
        (await postForm(t, editor, chaptersUrl(), { chapters: '0:00 Opening\n0:02 The middle' })).statusCode,
        303,
      )
      const changes = (await audited(film.id)).filter(([action]) => action === 'chapters-set')
      assert.deepEqual(changes.slice(-3), [
        ['chapters-set', { chapters: 2 }],
        ['chapters-set', { chapters: 0 }],
        ['chapters-set', { chapters: 2 }],
      ])
    })

    it('refuses bad lines with a 400 naming each line, keeps the text, and stores nothing', async () => {
      const stored = await chapterRows(t, film.id)
      const text = [
        '0:00 Opening',
        'abc <b>Nope</b> & more',
        '0:00 Again',
        '1:02:03 Finale',
        '0:01',
        `0:02 ${'x'.repeat(201)}`,
      ].join('\n')
      const res = await postForm(t, editor, chaptersUrl(), { chapters: text })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /There are 5 problems; nothing was saved/)
      assert.match(res.body, /Line 2: “abc” is not a time/)
      assert.match(res.body, /Line 3: line 1 already starts a chapter at 0:00/)
      assert.match(res.body, /Line 4: 1:02:03 is after the film ends \(it runs 0:03\)/)
      assert.match(res.body, /Line 5: the chapter needs a title/)
      assert.match(res.body, /Line 6: the title has 201 characters; at most 200/)
      assert.doesNotMatch(res.body, /Line 1:/)
      assert.doesNotMatch(res.body, /<b>Nope/)
      assert.equal(chaptersTextarea(res.body), text)
      assert.match(res.body, /aria-invalid="true"/)
      assert.deepEqual(await chapterRows(t, film.id), stored)

      const many = Array.from({ length: 101 }, (_, i) => `${i} Chapter ${i}`).join('\n')
      const tooMany = await postForm(t, editor, chaptersUrl(), { chapters: many })
      assert.equal(tooMany.statusCode, 400)
      assert.match(tooMany.body, /There are 101 chapters; a film has at most 100/)
      assert.deepEqual(await chapterRows(t, film.id), stored)
    })

    it('refuses a post without the CSRF token, and authors', async () => {
      const stored = await chapterRows(t, film.id)
      const noToken = await postForm(t, editor, chaptersUrl(), { chapters: '0:01 Sneaky' }, { csrf: false })
      assert.equal(noToken.statusCode, 403)
      const upload = await tusUpload(t, editor, 'captions', 'en.vtt', Buffer.from(VTT))
      const captions = await postForm(
        t,
        editor,
        `/newsroom/documentaries/${film.id}/film/captions`,
        { upload, lang: 'en', label: 'English' },
        { csrf: false },
      )
      assert.equal(captions.statusCode, 403)
      assert.deepEqual(await captionRows(t, film.id), [])
      for (const [url, fields] of [
        [chaptersUrl(), { chapters: '0:01 Sneaky' }],
        [`/newsroom/documentaries/${film.id}/film/captions`, { upload, lang: 'en', label: 'English' }],
        [`/newsroom/documentaries/${film.id}/film/captions/remove`, { lang: 'en' }],
      ] as const) {
        const res = await postForm(t, author, url, fields)
        assert.equal(res.statusCode, 403, url)
      }
      assert.deepEqual(await chapterRows(t, film.id), stored)
      assert.deepEqual(await captionRows(t, film.id), [])
      // With the token the same captions are taken: the refusals above were about the token and the role.
      assert.equal(
        (
          await postForm(t, editor, `/newsroom/documentaries/${film.id}/film/captions`, {
            upload,
            lang: 'en',
            label: 'English',
          })
        ).statusCode,
        303,
      )
    })

    it('offers no chapters form until the film has a length, and refuses chapters then', async () => {
      const other = await makeDocumentary(t.database.db)
      assert.equal(
        (await attach(t, editor, other.id, await tusUpload(t, editor, 'video', 'x.mp4', mp4))).statusCode,
        200,
      )
      const page = await filmPage(t, editor, other.id)
      assert.match(page.body, /Chapters can be added once the film is transcoded/)
      assert.equal(chaptersTextarea(page.body), undefined)
      const res = await postForm(t, editor, `/newsroom/documentaries/${other.id}/film/chapters`, {
        chapters: '0:00 Opening',
      })
      assert.equal(res.statusCode, 400)
      assert.deepEqual(await chapterRows(t, other.id), [])
    })
  })
})
