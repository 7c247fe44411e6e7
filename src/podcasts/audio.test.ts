// The audio job end to end on a real database and real ffmpeg: a quiet generated master comes
// out as MP3 and AAC at the podcast loudness target with its measured duration; a file with
// no sound fails with a reason a person can read, and a retry queues it again.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testDatabase } from '../../test/helpers.js'
import { ffmpeg } from '../../test/media-fixtures.js'
import { createContentEvents } from '../platform/events.js'
import { findJobByKey, type JobContext } from '../platform/jobs/index.js'
import { createLocalStorage, type Storage } from '../platform/storage/index.js'
import { binary } from '../platform/ffmpeg.js'
import { emptyBody } from '../body/index.js'
import { insertAccount } from '../newsroom/index.js'
import {
  AUDIO_JOB,
  createAudioHandler,
  findEpisodeById,
  insertEpisode,
  insertShow,
  podcastGuid,
  retryAudio,
  type Episode,
} from './index.js'
import { attachAudioMaster } from './audio-store.js'

type TestDb = Awaited<ReturnType<typeof testDatabase>>
let database: TestDb
let storage: Storage
let showId: number
const tags: string[] = []
const events = createContentEvents()
events.on(e => tags.push(...e.tags))
const ctx = (signal = new AbortController().signal): JobContext => ({
  jobId: 0,
  kind: AUDIO_JOB,
  attempt: 1,
  maxAttempts: 3,
  uniqueKey: null,
  signal,
})
const handler = () => createAudioHandler({ db: database.db, storage, events })

/** Integrated loudness of a file as ffmpeg's EBU R128 scanner measures it, independently of the job's loudnorm. */
function integratedLoudness(path: string): number {
  const run = spawnSync(
    binary('ffmpeg'),
    ['-hide_banner', '-nostats', '-i', path, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  )
  const all = [...run.stderr.matchAll(/I:\s+(-?[\d.]+) LUFS/g)]
  return Number(all[all.length - 1]?.[1])
}

async function episodeWithMaster(file: string, name: string): Promise<Episode> {
  const episode = await insertEpisode(database.db, showId, {
    slug: name,
    title: name,
    number: null,
    season: null,
    episodeType: 'full',
    status: 'draft',
    publishedAt: null,
    summary: '',
    showNotes: emptyBody(),
  })
  const key = `audio/masters/${name}${file.slice(file.lastIndexOf('.'))}`
  await storage.put(key, readFileSync(file))
  await attachAudioMaster(database.db, episode.id, key)
  return (await findEpisodeById(database.db, episode.id))!
}

before(async () => {
  database = await testDatabase()
  storage = createLocalStorage(join(database.dataDir, 'media'))
  const show = await insertShow(database.db, {
    slug: 'test-show',
    title: 'Test show',
    description: 'A show.',
    artworkId: null,
    category: 'News',
    subcategory: null,
    explicit: false,
    ownerName: 'Owner',
    ownerEmail: 'owner@example.org',
    author: 'Author',
    language: 'en',
    showType: 'episodic',
    copyright: '',
    podcastGuid: podcastGuid('https://example.org/podcasts/test-show/feed.xml'),
  })
  showId = show.id
})
after(async () => database.dispose())

describe('the podcast audio job', () => {
  it('normalises a quiet stereo master to −16 LUFS (±1.5 LU) as MP3 and AAC, with the measured duration and byte sizes', async () => {
    const master = join(database.dataDir, 'quiet.wav')
    // About −33 LUFS: well below the target, so the job has to raise it.
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=220:sample_rate=48000:duration=12',
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=d=12:c=pink:r=48000:a=0.05',
      '-filter_complex',
      '[0][1]amix=inputs=2,volume=0.08,pan=stereo|c0=c0|c1=c0',
      '-c:a',
      'pcm_s16le',
      master,
    )
    assert.ok(integratedLoudness(master) < -25, 'the master starts quiet')
    const episode = await episodeWithMaster(master, 'quiet')
    await handler()({ episodeId: episode.id }, ctx())
    const done = (await findEpisodeById(database.db, episode.id))!
    assert.equal(done.audioStatus, 'ready')
    assert.equal(done.audioError, null)
    assert.ok(
      done.durationSeconds !== null && Math.abs(done.durationSeconds - 12) < 0.2,
      `duration ${done.durationSeconds}`,
    )
    for (const [key, bytes] of [
      [done.mp3Key, done.mp3Bytes],
      [done.m4aKey, done.m4aBytes],
    ] as const) {
      assert.ok(key && bytes)
      const info = await storage.stat(key)
      assert.equal(info?.size, bytes, `${key} size recorded`)
      const loudness = integratedLoudness(storage.localPath(key)!)
      assert.ok(Math.abs(loudness - -16) <= 1.5, `${key} measures ${loudness} LUFS`)
    }
    assert.match(done.mp3Key!, /\.mp3$/)
    assert.match(done.m4aKey!, /\.m4a$/)
    // The AAC file is an MP4 with its index first, so a player starts before the whole file arrives.
    const head = readFileSync(storage.localPath(done.m4aKey!)!).subarray(0, 4096).toString('latin1')
    assert.ok(
      head.indexOf('moov') > -1 &&
        head.indexOf('moov') < (head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat')),
      'moov before mdat (faststart)',
    )
    assert.ok(
      tags.includes(`episode:${episode.id}`) && tags.includes(`podcast:${showId}`),
      'the episode’s pages are dropped from the cache',
    )
  })

  it('fails a master with no sound in it with a readable reason, and a retry queues it again', async () => {
    const silentFilm = join(database.dataDir, 'picture-only.mp4')
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x90:rate=10:duration=2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      silentFilm,
    )
    const episode = await episodeWithMaster(silentFilm, 'no-sound')
    await assert.rejects(handler()({ episodeId: episode.id }, ctx()))
    const failed = (await findEpisodeById(database.db, episode.id))!
    assert.equal(failed.audioStatus, 'failed')
    assert.match(failed.audioError ?? '', /no audio stream/)
    assert.ok(!failed.audioError?.includes(database.dataDir), 'no server path in the reason')
    assert.equal(failed.mp3Key, null)
    const editor = await insertAccount(database.db, {
      email: 'retry@example.org',
      name: 'Editor',
      role: 'editor',
      passwordHash: null,
    })
    let woken = 0
    await retryAudio(
      { db: database.db, events, storage, wakeJobs: () => woken++ },
      { accountId: editor.id, ip: '127.0.0.1' },
      episode.id,
    )
    assert.equal((await findEpisodeById(database.db, episode.id))!.audioStatus, 'queued')
    assert.ok(await findJobByKey(database.db, `${AUDIO_JOB}:${episode.id}`))
    assert.equal(woken, 1, 'the runner is woken after the commit')
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'account_id'])
      .where('subject', '=', `episode:${episode.id}`)
      .execute()
    assert.deepEqual(audit, [{ action: 'episode-audio-retried', account_id: editor.id }])
  })

  it('stops when the job is cancelled and leaves the row to whoever owns it now', async () => {
    const master = join(database.dataDir, 'long.wav')
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=30', '-c:a', 'pcm_s16le', master)
    const episode = await episodeWithMaster(master, 'cancelled')
    const abort = new AbortController()
    abort.abort()
    await assert.rejects(handler()({ episodeId: episode.id }, ctx(abort.signal)))
    const row = (await findEpisodeById(database.db, episode.id))!
    assert.notEqual(row.audioStatus, 'failed')
    assert.equal(row.mp3Key, null)
  })
})
