// The video pipeline end to end on a real database and real ffmpeg: a short generated clip
// is transcoded, a broken file fails with a reason, a killed run starts over cleanly.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary } from '../../test/factories.js'
import { findDocumentaryById } from '../documentaries/index.js'
import { createContentEvents } from '../platform/events.js'
import { createJobRunner, findJobByKey, type JobContext } from '../platform/jobs/index.js'
import { createLocalStorage, type Storage } from '../platform/storage/index.js'
import {
  TRANSCODE_JOB,
  addCaptions,
  createTranscodeHandler,
  enqueueTranscode,
  findPlayableVideo,
  findVideoById,
  retryVideo,
  setChapters,
  upsertVideo,
} from './index.js'
import { binary } from '../platform/ffmpeg.js'
import { VIDEO_OWNERS } from '../core.js'
import { markProcessing } from './store.js'
import { REMOVE_REPLACED_VIDEO_FILES_JOB, createReplacedFilesHandler, type ReplacedFiles } from './replaced-files.js'

type TestDb = Awaited<ReturnType<typeof testDatabase>>
let database: TestDb
let storage: Storage
let clip: Buffer
const tags: string[] = []
const events = createContentEvents()
events.on(e => tags.push(...e.tags))

before(async () => {
  database = await testDatabase()
  storage = createLocalStorage(join(database.dataDir, 'media'))
  const out = join(database.dataDir, 'clip.mp4')
  const made = spawnSync(binary('ffmpeg'), [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25:duration=7',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=7',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    '-shortest',
    out,
  ])
  assert.equal(made.status, 0, String(made.stderr))
  clip = readFileSync(out)
})
after(async () => database.dispose())

const handler = () => createTranscodeHandler({ db: database.db, storage, events, owners: VIDEO_OWNERS })
const runner = () =>
  createJobRunner({ db: database.db, dialect: database.dialect, handlers: { [TRANSCODE_JOB]: handler() } })
const ctx = (signal: AbortSignal): JobContext => ({
  jobId: 0,
  kind: TRANSCODE_JOB,
  attempt: 1,
  maxAttempts: 3,
  uniqueKey: null,
  signal,
})

async function text(key: string): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function filmWithMaster(data: Buffer) {
  const film = await makeDocumentary(database.db, { runtimeSeconds: 3600 })
  const masterKey = `masters/${film.id}-${randomBytes(3).toString('hex')}.mp4`
  await storage.put(masterKey, data)
  const video = await upsertVideo(database.db, film.id, masterKey)
  return { film, video }
}

describe('transcoding a master', () => {
  it('makes an HLS ladder no taller than the source, a poster, an MP4 and the runtime, and reports progress 1', async () => {
    const { film, video } = await filmWithMaster(clip)
    await enqueueTranscode(database.db, video.id)
    assert.equal(await runner().runDueJobs(), 1)
    const done = await findVideoById(database.db, video.id)
    assert.equal(done?.status, 'ready', done?.error ?? '')
    assert.equal(done.progress, 1)
    assert.deepEqual([done.width, done.height], [320, 180])
    const master = await text(`${done.outputPrefix}/master.m3u8`)
    const variants = [...master.matchAll(/RESOLUTION=(\d+)x(\d+),CODECS="([^"]+)"/g)]
    assert.equal(variants.length, 1, master)
    assert.ok(variants.every(v => Number(v[2]) <= 180))
    assert.match(master, /BANDWIDTH=\d+/)
    assert.match(master, /CODECS="avc1\.4d40[0-9a-f]{2},mp4a\.40\.2"/)
    const media = await text(done.renditions[0]!.playlistKey)
    const durations = [...media.matchAll(/#EXTINF:([\d.]+)/g)].map(m => Number(m[1]))
    assert.ok(durations.length >= 2)
    assert.ok(
      durations.slice(0, -1).every(d => d >= 4 && d <= 6),
      `segments ${durations.join(', ')}`,
    )
    for (const key of [done.posterKey, done.mp4Key, done.thumbnailsKey])
      assert.ok(key && (await storage.stat(key))?.size, `${key} exists`)
    assert.equal((await findDocumentaryById(database.db, film.id))?.runtimeSeconds, 7)
    assert.ok(tags.includes(`documentary:${film.id}`))
  })

  it('refuses a file ffprobe cannot read with the reason, once: no second attempt, no retry, and the file is gone', async () => {
    const { video } = await filmWithMaster(randomBytes(50_000))
    await enqueueTranscode(database.db, video.id)
    await runner().runDueJobs()
    const failed = await findVideoById(database.db, video.id)
    assert.equal(failed?.status, 'failed')
    assert.equal(failed.masterRefused, true)
    assert.match(failed.error ?? '', /Not a readable video/)
    const job = await findJobByKey(database.db, `${TRANSCODE_JOB}:${video.id}`)
    assert.deepEqual([job?.status, job?.attempts], ['done', 1])
    assert.equal(await storage.stat(video.masterKey), undefined)
    await assert.rejects(retryVideo(database.db, video.id), /Upload the film again from the original/)
    assert.equal((await findVideoById(database.db, video.id))?.status, 'failed')
  })

  it('a failed transcode (not a refused file) is queued again on retry', async () => {
    const { video } = await filmWithMaster(clip)
    await database.db
      .updateTable('videos')
      .set({ status: 'failed', error: 'ffmpeg exploded' })
      .where('id', '=', video.id)
      .execute()
    await retryVideo(database.db, video.id)
    assert.equal((await findVideoById(database.db, video.id))?.status, 'queued')
    const job = await findJobByKey(database.db, `${TRANSCODE_JOB}:${video.id}`)
    assert.deepEqual([job?.status, job?.attempts], ['queued', 0])
  })

  it('a run stopped mid-way leaves the film processing, and the next run finishes it in a clean folder', async () => {
    const { video } = await filmWithMaster(clip)
    const stop = new AbortController()
    setTimeout(() => stop.abort(new Error('lease lost')), 150)
    await assert.rejects(handler()({ videoId: video.id }, ctx(stop.signal)))
    const stopped = await findVideoById(database.db, video.id)
    assert.equal(stopped?.status, 'processing')
    // As if the stopped run had got as far as uploading part of its files.
    const stale = stopped.outputPrefix!
    await storage.put(`${stale}/files.json`, Buffer.from(JSON.stringify(['r180/seg-000.m4s'])))
    await storage.put(`${stale}/r180/seg-000.m4s`, Buffer.from('partial'))
    await handler()({ videoId: video.id }, ctx(new AbortController().signal))
    const done = await findVideoById(database.db, video.id)
    assert.equal(done?.status, 'ready')
    assert.notEqual(done.outputPrefix, stale)
    assert.equal(await storage.stat(`${stale}/r180/seg-000.m4s`), undefined)
    assert.equal(await storage.stat(`${stale}/files.json`), undefined)
  })

  it('a stale processing row (its worker died) is transcoded again when its job runs again', async () => {
    const { video } = await filmWithMaster(clip)
    await markProcessing(database.db, video.id, `videos/${video.id}/deadbeef`)
    await enqueueTranscode(database.db, video.id)
    await runner().runDueJobs()
    assert.equal((await findVideoById(database.db, video.id))?.status, 'ready')
  })

  it('a replaced master and the folder readers played go a quarter of an hour after the new film is live, and nothing still named', async () => {
    const { film, video } = await filmWithMaster(clip)
    await enqueueTranscode(database.db, video.id)
    await runner().runDueJobs()
    const first = (await findVideoById(database.db, video.id))!
    // A second upload, replaced by a third before it was ever transcoded.
    for (const name of ['second', 'third']) {
      await storage.put(`masters/${film.id}-${name}.mp4`, clip)
      await upsertVideo(database.db, film.id, `masters/${film.id}-${name}.mp4`)
    }
    await enqueueTranscode(database.db, video.id)
    await runner().runDueJobs()
    const live = (await findVideoById(database.db, video.id))!
    assert.equal(live.liveMasterKey, `masters/${film.id}-third.mp4`)
    // Readers mid-film still fetch the old folder: it is there until the job runs.
    assert.ok(await storage.stat(`${first.livePrefix}/master.m3u8`))
    const jobs = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', REMOVE_REPLACED_VIDEO_FILES_JOB)
      .orderBy('id')
      .execute()
    const payloads = jobs.map(j => JSON.parse(j.payload) as ReplacedFiles)
    assert.deepEqual(payloads.at(-2), { masterKeys: [`masters/${film.id}-second.mp4`], prefixes: [] })
    assert.deepEqual(payloads.at(-1), { masterKeys: [first.liveMasterKey], prefixes: [first.livePrefix] })
    const waits = jobs.slice(-2).map(j => (Date.parse(j.run_at) - Date.now()) / 60_000)
    assert.ok(
      waits.every(minutes => minutes > 14 && minutes <= 15),
      `runs in ${waits.join(', ')} minutes`,
    )

    const remove = createReplacedFilesHandler({ db: database.db, storage })
    // A file a video still names is never removed, whatever a payload says.
    await remove({ masterKeys: [live.masterKey], prefixes: [live.livePrefix] }, ctx(new AbortController().signal))
    for (const payload of payloads.slice(-2)) await remove(payload, ctx(new AbortController().signal))
    for (const gone of [first.masterKey, `masters/${film.id}-second.mp4`, `${first.livePrefix}/master.m3u8`])
      assert.equal(await storage.stat(gone), undefined, `${gone} is removed`)
    for (const kept of [live.masterKey, `${live.livePrefix}/master.m3u8`, live.mp4Key!])
      assert.ok(await storage.stat(kept), `${kept} is kept`)
  })
})

const GOOD =
  'WEBVTT\n\n00:00.000 --> 00:02.000\nHello <i>there</i>\n\ncue-2\n00:00:02.500 --> 00:00:04.000 align:start\n<v Reporter>Second</v>\n'

describe('captions and chapters', () => {
  it('stores captions per language and validates chapters against the film', async () => {
    const { film, video } = await filmWithMaster(clip)
    await addCaptions(database.db, storage, video.id, { lang: 'en', label: 'English', vttText: GOOD })
    await addCaptions(database.db, storage, video.id, { lang: 'en', label: 'English', vttText: GOOD })
    await assert.rejects(
      addCaptions(database.db, storage, video.id, { lang: 'not a tag', label: 'X', vttText: GOOD }),
      /language tag/,
    )
    await setChapters(database.db, video.id, [
      { startSeconds: 0, title: 'Start' },
      { startSeconds: 3, title: 'Middle' },
    ])
    await assert.rejects(
      setChapters(database.db, video.id, [
        { startSeconds: 3, title: 'B' },
        { startSeconds: 1, title: 'A' },
      ]),
      /chapters/,
    )
    await assert.rejects(setChapters(database.db, video.id, [{ startSeconds: 0, title: '' }]), /chapters/)
    await assert.rejects(setChapters(database.db, video.id, [{ startSeconds: 0, title: 'x'.repeat(201) }]), /chapters/)

    assert.deepEqual(await findPlayableVideo(database.db, film.id), { status: 'processing', progress: 0 })
    await enqueueTranscode(database.db, video.id)
    await runner().runDueJobs()
    await assert.rejects(setChapters(database.db, video.id, [{ startSeconds: 60, title: 'Too late' }]), /chapters/)
    const playable = await findPlayableVideo(database.db, film.id)
    assert.equal(playable?.status, 'ready')
    const prefix = (await findVideoById(database.db, video.id))?.outputPrefix
    const captionsKey = playable.captions[0]?.url.replace('/media/', '') ?? ''
    assert.match(captionsKey, new RegExp(`^videos/${video.id}/captions/en-[0-9a-f]{8}\\.vtt$`))
    assert.deepEqual(playable, {
      status: 'ready',
      hlsUrl: `/media/${prefix}/master.m3u8`,
      mp4Url: `/media/${prefix}/film.mp4`,
      posterUrl: `/media/${prefix}/poster.jpg`,
      width: 320,
      height: 180,
      durationSeconds: playable.durationSeconds,
      captions: [{ lang: 'en', label: 'English', url: `/media/${captionsKey}` }],
      chapters: [
        { startSeconds: 0, title: 'Start' },
        { startSeconds: 3, title: 'Middle' },
      ],
      thumbnailsUrl: `/media/${prefix}/thumbnails.vtt`,
    })
    assert.ok(Math.abs(playable.durationSeconds - 7) < 0.2)
    assert.equal(await findPlayableVideo(database.db, film.id + 1000), undefined)
  })
})
