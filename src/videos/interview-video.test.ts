// An interview's recording in the store: created and repointed like a documentary's film, played
// through the same contract, and its cuts: changing them takes the live outputs down in the same
// write and queues a transcode; the old folder is the caller's to remove after its commit.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makeInterview } from '../../test/factories.js'
import { findJobByKey } from '../platform/jobs/index.js'
import { writeAttemptManifest } from '../platform/storage/attempts.js'
import { createLocalStorage, type Storage } from '../platform/storage/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import {
  TRANSCODE_JOB,
  findPlayableInterviewVideo,
  findVideoByDocumentary,
  findVideoByInterview,
  normalizeCuts,
  removeVideoOutputs,
  setVideoCuts,
  upsertInterviewVideo,
  upsertVideo,
} from './index.js'
import { markFailed, markReady, markRefused } from './store.js'

type TestDb = Awaited<ReturnType<typeof testDatabase>>
let database: TestDb
let storage: Storage
before(async () => {
  database = await testDatabase()
  storage = createLocalStorage(join(database.dataDir, 'media'))
})
after(async () => database.dispose())

/** A ready interview video whose live folder holds real files. */
async function readyInterviewVideo() {
  const interview = await makeInterview(database.db)
  const video = await upsertInterviewVideo(database.db, interview.id, `masters/i${interview.id}.mp4`)
  const prefix = `videos/${video.id}/live1`
  const files = ['master.m3u8', 'film.mp4', 'poster.jpg']
  await writeAttemptManifest(storage, prefix, files)
  for (const f of files) await storage.put(`${prefix}/${f}`, Buffer.from(f))
  assert.ok(
    await markReady(database.db, video.id, {
      outputPrefix: prefix,
      masterKey: video.masterKey,
      cuts: [],
      durationSeconds: 60,
      width: 640,
      height: 360,
      renditions: [{ height: 360, width: 640, bandwidth: 800_000, playlistKey: `${prefix}/360p/index.m3u8` }],
      posterKey: `${prefix}/poster.jpg`,
      mp4Key: `${prefix}/film.mp4`,
      thumbnailsKey: null,
    }),
  )
  return { interview, video, prefix }
}

describe('an interview video', () => {
  it('is created queued for its interview, and a new master repoints the same row', async () => {
    const interview = await makeInterview(database.db)
    const first = await upsertInterviewVideo(database.db, interview.id, 'masters/a.mp4')
    assert.equal(first.interviewId, interview.id)
    assert.equal(first.documentaryId, null)
    assert.equal(first.status, 'queued')
    assert.deepEqual(first.cuts, [])
    const again = await upsertInterviewVideo(database.db, interview.id, 'masters/b.mp4')
    assert.equal(again.id, first.id)
    assert.equal((await findVideoByInterview(database.db, interview.id))?.masterKey, 'masters/b.mp4')
    assert.equal(await findVideoByInterview(database.db, interview.id + 10_000), undefined)
    assert.deepEqual(await findPlayableInterviewVideo(database.db, interview.id), { status: 'processing', progress: 0 })
  })

  it('does not mix with a documentary film of the same number', async () => {
    const film = await makeDocumentary(database.db)
    const video = await upsertVideo(database.db, film.id, 'masters/film.mp4')
    assert.equal(video.interviewId, null)
    assert.equal((await findVideoByDocumentary(database.db, film.id))?.id, video.id)
    assert.notEqual((await findVideoByInterview(database.db, film.id))?.id, video.id)
  })

  it('plays its live outputs with no captions of its own', async () => {
    const { interview, prefix } = await readyInterviewVideo()
    const playable = await findPlayableInterviewVideo(database.db, interview.id)
    assert.equal(playable?.status, 'ready')
    if (playable?.status !== 'ready') return
    assert.equal(playable.hlsUrl, `/media/${prefix}/master.m3u8`)
    assert.deepEqual(playable.captions, [])
  })
})

describe('cuts', () => {
  it('are sorted and merged, and a backwards or negative span is refused', () => {
    assert.deepEqual(
      normalizeCuts([
        [30, 40],
        [5, 10],
        [8, 12],
        [40, 41],
      ]),
      [
        [5, 12],
        [30, 41],
      ],
    )
    assert.throws(() => normalizeCuts([[10, 5]]), InvalidInput)
    assert.throws(() => normalizeCuts([[-1, 5]]), InvalidInput)
    assert.throws(() => normalizeCuts([[0, Number.NaN]]), InvalidInput)
  })

  it('take the live outputs down in the same write, queue a transcode, and answer the old folder to remove', async () => {
    const { interview, video, prefix } = await readyInterviewVideo()
    const result = await database.db.transaction().execute(trx =>
      setVideoCuts(trx, video.id, [
        [20, 30],
        [5, 10],
      ]),
    )
    assert.deepEqual(result, { changed: true, removeAfterCommit: prefix })
    const after = await findVideoByInterview(database.db, interview.id)
    assert.deepEqual(after?.cuts, [
      [5, 10],
      [20, 30],
    ])
    assert.equal(after?.status, 'queued')
    assert.equal(after?.livePrefix, null)
    assert.equal(after?.mp4Key, null)
    assert.deepEqual(after?.renditions, [])
    assert.deepEqual(await findPlayableInterviewVideo(database.db, interview.id), { status: 'processing', progress: 0 })
    assert.equal((await findJobByKey(database.db, `${TRANSCODE_JOB}:${video.id}`))?.status, 'queued')
    // The files are still there until the caller removes them after its commit.
    assert.ok(await storage.stat(`${prefix}/film.mp4`))
    await removeVideoOutputs(storage, prefix)
    for (const f of ['master.m3u8', 'film.mp4', 'poster.jpg', 'files.json'])
      assert.equal(await storage.stat(`${prefix}/${f}`), undefined, f)
  })

  it('unchanged (in any order) change nothing and take nothing down', async () => {
    const { interview, video } = await readyInterviewVideo()
    await setVideoCuts(database.db, video.id, [[1, 2]])
    const stored = await findVideoByInterview(database.db, interview.id)
    assert.deepEqual(
      await setVideoCuts(database.db, video.id, [
        [1.5, 2],
        [1, 2],
      ]),
      { changed: false, removeAfterCommit: null },
    )
    assert.equal((await findVideoByInterview(database.db, interview.id))?.updatedAt, stored?.updatedAt)
  })

  it('keep a run made for the old cuts (or an old master) from going live, failing or refusing', async () => {
    const { interview, video, prefix } = await readyInterviewVideo()
    await setVideoCuts(database.db, video.id, [[3, 4]])
    const stale = await markReady(database.db, video.id, {
      outputPrefix: `${prefix}-stale`,
      masterKey: video.masterKey,
      cuts: [],
      durationSeconds: 60,
      width: 640,
      height: 360,
      renditions: [],
      posterKey: 'p',
      mp4Key: 'm',
      thumbnailsKey: null,
    })
    assert.equal(stale, false)
    // Nor does its failure or refusal: the row is the re-queued run's.
    await markFailed(database.db, video.id, 'ffmpeg stopped', { masterKey: video.masterKey, cuts: [] })
    await markRefused(database.db, video.id, 'Cut short.', { masterKey: 'masters/an-older-one.mp4' })
    const after = await findVideoByInterview(database.db, interview.id)
    assert.equal(after?.livePrefix, null)
    assert.equal(after?.status, 'queued')
    assert.equal(after?.masterRefused, false)
  })

  it('are refused for a video that does not exist or for a bad span, and nothing is stored', async () => {
    const { interview, video } = await readyInterviewVideo()
    await assert.rejects(setVideoCuts(database.db, 999_999, [[1, 2]]), NotFound)
    await assert.rejects(
      setVideoCuts(database.db, video.id, [
        [1, 2],
        [9, 3],
      ]),
      InvalidInput,
    )
    const after = await findVideoByInterview(database.db, interview.id)
    assert.deepEqual(after?.cuts, [])
    assert.equal(after?.status, 'ready')
  })
})
