// A film's master is decoded whole before it replaces anything: a copy cut short in transfer
// or damaged in the middle is refused with a reason the editor can act on, readers keep the
// published film (the public page still points at its renditions), and nothing of the refused
// file is kept. A sound replacement takes over only once its own transcode is ready. Real
// ffmpeg, real uploads over HTTP, on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary } from './factories.js'
import { cutShort, damageMiddle, makeTestClip } from './media-fixtures.js'
import { findPlayableVideo, findVideoByDocumentary } from '../src/videos/index.js'
import { findCompletedUpload } from '../src/media/index.js'
import { findDocumentaryById } from '../src/documentaries/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('checking a film master before it replaces the published film', () => {
  let t: TestApp
  let editor: Browser
  let sound: Buffer
  let replacement: Buffer
  let longFaststart: Buffer
  let longPlain: Buffer
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-master-check-'))

  before(async () => {
    const clip = (name: string, o: Parameters<typeof makeTestClip>[1]) => {
      makeTestClip(join(dir, name), { width: 160, height: 90, fps: 10, ...o })
      return readFileSync(join(dir, name))
    }
    sound = clip('sound.mp4', { seconds: 5 })
    replacement = clip('replacement.mp4', { seconds: 8 })
    // 45 s, index first: cut short, its header still promises 45 s and ffprobe believes it.
    longFaststart = clip('long-faststart.mp4', { seconds: 45, faststart: true })
    // 45 s, index last (ffmpeg's default): cut short, the index is gone.
    longPlain = clip('long-plain.mp4', { seconds: 45 })
    t = await testApp({ runJobs: false })
    editor = await signInAs(t, 'editor')
  })
  after(async () => {
    await t.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Uploads a file through the resumable API in two chunks; answers the last response and the upload id. */
  async function upload(data: Buffer, filename: string) {
    const start = await t.app.inject({
      method: 'POST',
      url: '/newsroom/api/uploads',
      headers: {
        cookie: editor.cookie,
        'x-csrf-token': editor.csrf,
        'upload-length': String(data.length),
        'upload-metadata': `kind ${b64('video')},filename ${b64(filename)}`,
      },
    })
    assert.equal(start.statusCode, 201, start.body)
    const {
      upload: { id },
      location,
    } = start.json() as { upload: { id: string }; location: string }
    const half = Math.ceil(data.length / 2)
    let res = start
    for (const offset of [0, half]) {
      res = await t.app.inject({
        method: 'PATCH',
        url: location,
        payload: data.subarray(offset, offset + half),
        headers: {
          cookie: editor.cookie,
          'x-csrf-token': editor.csrf,
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
      })
      if (res.statusCode >= 400) break
    }
    return { res, id }
  }

  async function attach(filmId: number, uploadId: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/documentaries/${filmId}/film`,
      payload: { upload: uploadId },
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': 'application/json' },
    })
    assert.equal(res.statusCode, 200, res.body)
  }

  /** Runs the transcode job until the film's status settles (ready or failed). */
  async function settle(filmId: number) {
    for (let i = 0; i < 240; i++) {
      await t.jobs.runDueJobs()
      const video = await findVideoByDocumentary(t.database.db, filmId)
      if (video?.status === 'ready' || video?.status === 'failed') return video
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    assert.fail('the transcode did not settle')
  }

  const publicPage = (slug: string) => t.app.inject(`/documentaries/${slug}`)
  const filmPage = (filmId: number) =>
    t.app.inject({ url: `/newsroom/documentaries/${filmId}/film`, headers: { cookie: editor.cookie } })
  const exists = async (key: string) => Boolean((await t.storage.stat(key))?.size)

  /** A published documentary playing a transcoded film; answers it and where its renditions are. */
  async function publishedFilm() {
    const film = await makeDocumentary(t.database.db, { status: 'published' })
    const { id } = await upload(sound, 'sound.mp4')
    await attach(film.id, id)
    const ready = await settle(film.id)
    assert.equal(ready.status, 'ready', ready.error ?? '')
    const hls = `/media/${ready.livePrefix}/master.m3u8`
    assert.ok((await publicPage(film.slug)).body.includes(`data-hls-src="${hls}"`))
    return { film, hls, live: ready }
  }

  /** Readers still get the film they had: the page, the playable source and the stored files. */
  async function assertStillPlaying(
    film: { id: number; slug: string },
    hls: string,
    live: { mp4Key: string | null; livePrefix: string | null },
  ) {
    const page = await publicPage(film.slug)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes(`data-hls-src="${hls}"`), 'the public page plays the old renditions')
    assert.doesNotMatch(page.body, /being processed/)
    const playable = await findPlayableVideo(t.database.db, film.id)
    assert.equal(playable?.status, 'ready')
    assert.equal(playable.status === 'ready' && playable.hlsUrl, hls)
    assert.equal(playable.status === 'ready' && playable.mp4Url, `/media/${live.mp4Key}`)
    assert.ok(await exists(`${live.livePrefix}/master.m3u8`))
    assert.ok(live.mp4Key && (await exists(live.mp4Key)))
    assert.equal((await t.app.inject(hls)).statusCode, 200)
  }

  for (const bad of [
    {
      what: 'cut short (its header promises 45 s; 3 s of it arrived)',
      file: () => cutShort(longFaststart, 0.07),
      reason:
        /The file ends early: it holds 3 s of the 45 s its header promises\. .*Upload it again from the original\./,
    },
    {
      what: 'damaged in the middle (noise over 5% of its bytes)',
      file: () => damageMiddle(longPlain),
      reason: /The file is damaged: decoding it met \d+ errors .*Upload it again from the original\./,
    },
  ]) {
    it(`a master ${bad.what} is refused with the reason; the published film keeps playing and nothing of the file is kept`, async () => {
      const { film, hls, live } = await publishedFilm()
      const runtime = (await findDocumentaryById(t.database.db, film.id))?.runtimeSeconds

      // The upload itself is quick: only the header is read, and the header looks whole.
      const { res, id } = await upload(bad.file(), 'recut.mp4')
      assert.equal(res.statusCode, 200, res.body)
      const masterKey = (await findCompletedUpload(t.database.db, id))?.storageKey
      assert.ok(masterKey)
      await attach(film.id, id)
      // Queued: readers are not shown a processing notice instead of the film.
      await assertStillPlaying(film, hls, live)
      const page = await filmPage(film.id)
      assert.match(
        page.body,
        /Readers still see <a href="\/documentaries\/[^"]+">the previous film<\/a> \(0:05\) until the new one is ready/,
      )

      const refused = await settle(film.id)
      assert.equal(refused.status, 'failed')
      assert.match(refused.error ?? '', bad.reason)

      // The editor reads why on the film's page, without a Retry that would only say it again.
      const after = await filmPage(film.id)
      assert.match(after.body, /The new file was refused: /)
      assert.match(after.body.replace(/&#39;|’/g, "'"), bad.reason)
      assert.match(after.body, /Readers still see <a href="\/documentaries\/[^"]+">the previous film<\/a> \(0:05\)\./)
      assert.doesNotMatch(after.body, /film\/retry/)
      const status = await t.app.inject({
        url: `/newsroom/api/documentaries/${film.id}/film`,
        headers: { cookie: editor.cookie },
      })
      assert.equal((status.json() as { status: string }).status, 'failed')
      const retry = await t.app.inject({
        method: 'POST',
        url: `/newsroom/documentaries/${film.id}/film/retry`,
        payload: new URLSearchParams({ _csrf: editor.csrf }).toString(),
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      })
      assert.equal(retry.statusCode, 400)
      assert.match(retry.body, /Upload the film again from the original/)

      await assertStillPlaying(film, hls, live)
      assert.equal(
        (await findDocumentaryById(t.database.db, film.id))?.runtimeSeconds,
        runtime,
        'the runtime is the old film’s',
      )
      // Nothing half-stored: not the file, not its upload, not a rendition of it.
      assert.equal(await t.storage.stat(masterKey), undefined)
      assert.equal(await findCompletedUpload(t.database.db, id), undefined)
      assert.notEqual(refused.outputPrefix, live.livePrefix)
      assert.equal(await t.storage.stat(`${refused.outputPrefix}/files.json`), undefined)
      assert.equal(await t.storage.stat(`${refused.outputPrefix}/master.m3u8`), undefined)
      // Refused once, for good: the job is not tried twice more.
      const job = await t.database.db
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('unique_key', '=', `transcode-video:${refused.id}`)
        .executeTakeFirst()
      assert.deepEqual(job && [job.status, Number(job.attempts)], ['done', 1])
    })
  }

  it('a sound replacement takes over only once its transcode is ready, and a later refusal leaves it playing', async () => {
    const { film, hls, live } = await publishedFilm()
    const { id } = await upload(replacement, 'replacement.mp4')
    await attach(film.id, id)
    await assertStillPlaying(film, hls, live)
    const ready = await settle(film.id)
    assert.equal(ready.status, 'ready', ready.error ?? '')
    assert.notEqual(ready.livePrefix, live.livePrefix)
    const newHls = `/media/${ready.livePrefix}/master.m3u8`
    assert.ok((await publicPage(film.slug)).body.includes(`data-hls-src="${newHls}"`))
    assert.equal((await findDocumentaryById(t.database.db, film.id))?.runtimeSeconds, 8)

    const { id: badId } = await upload(cutShort(longFaststart, 0.07), 'recut.mp4')
    await attach(film.id, badId)
    assert.equal((await settle(film.id)).status, 'failed')
    await assertStillPlaying(film, newHls, ready)
  })

  it('a film never transcoded and refused says so to the editor, and readers see no player', async () => {
    const film = await makeDocumentary(t.database.db, { status: 'published' })
    const { id } = await upload(damageMiddle(longPlain), 'damaged.mp4')
    await attach(film.id, id)
    const refused = await settle(film.id)
    assert.equal(refused.masterRefused, true)
    const page = await filmPage(film.id)
    assert.match(page.body, /The file was refused: The file is damaged/)
    assert.doesNotMatch(page.body, /Readers still see/)
    assert.deepEqual(await findPlayableVideo(t.database.db, film.id), { status: 'failed' })
    const reader = await publicPage(film.slug)
    assert.equal(reader.statusCode, 200)
    assert.doesNotMatch(reader.body, /data-hls-src/)
  })

  it('an MP4 cut short before its index is refused at upload, 415 with the reason, and nothing is stored', async () => {
    const uploadsBefore = await t.database.db.selectFrom('uploads').select('id').execute()
    const { res } = await upload(cutShort(longPlain, 0.5), 'cut.mp4')
    assert.equal(res.statusCode, 415, res.body)
    assert.match(
      res.body,
      /“cut\.mp4” is not a video we can play: it ends early or was cut off \(its index, the MP4 “moov” box, is missing\); upload it again from the original\. Nothing was stored\./,
    )
    const uploadsAfter = await t.database.db.selectFrom('uploads').select('id').execute()
    assert.equal(uploadsAfter.length, uploadsBefore.length)
  })
})
