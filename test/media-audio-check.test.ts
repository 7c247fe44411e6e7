// Podcast audio masters share the films' decoding check: a FLAC or M4A cut short in transfer
// (its header still promises the whole length) fails the audio job with the reason, and the
// episode keeps the audio listeners already get. Real ffmpeg, on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testDatabase } from './helpers.js'
import { cutShort, ffmpeg } from './media-fixtures.js'
import { createContentEvents } from '../src/platform/events.js'
import type { JobContext } from '../src/platform/jobs/index.js'
import { createLocalStorage, type Storage } from '../src/platform/storage/index.js'
import { emptyBody } from '../src/body/index.js'
import {
  AUDIO_JOB,
  createAudioHandler,
  findEpisodeById,
  insertEpisode,
  insertShow,
  podcastGuid,
} from '../src/podcasts/index.js'
import { attachAudioMaster } from '../src/podcasts/audio-store.js'

type TestDb = Awaited<ReturnType<typeof testDatabase>>

describe('checking a podcast audio master', () => {
  let database: TestDb
  let storage: Storage
  let showId: number
  const ctx: JobContext = {
    jobId: 0,
    kind: AUDIO_JOB,
    attempt: 1,
    maxAttempts: 3,
    uniqueKey: null,
    signal: new AbortController().signal,
  }
  const run = (episodeId: number) =>
    createAudioHandler({ db: database.db, storage, events: createContentEvents() })({ episodeId }, ctx)

  before(async () => {
    database = await testDatabase()
    storage = createLocalStorage(join(database.dataDir, 'media'))
    const show = await insertShow(database.db, {
      slug: 'checked',
      title: 'Checked',
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
      podcastGuid: podcastGuid('https://example.org/podcasts/checked/feed.xml'),
    })
    showId = show.id
  })
  after(async () => database.dispose())

  /** A 20 s tone in the given container, as bytes. */
  function tone(extension: string, ...codec: string[]): Buffer {
    const path = join(database.dataDir, `tone.${extension}`)
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=44100:duration=20', '-af', 'volume=0.2', ...codec, path)
    return readFileSync(path)
  }

  async function attach(episodeId: number, name: string, bytes: Buffer) {
    await storage.put(`audio/masters/${name}`, bytes)
    await attachAudioMaster(database.db, episodeId, `audio/masters/${name}`)
  }

  for (const format of [
    { name: 'a FLAC', extension: 'flac', codec: ['-c:a', 'flac'] },
    { name: 'an M4A', extension: 'm4a', codec: ['-c:a', 'aac', '-movflags', '+faststart'] },
  ]) {
    it(`${format.name} master cut short fails with the reason, and listeners keep the episode's audio`, async () => {
      const whole = tone(format.extension, ...format.codec)
      const episode = await insertEpisode(database.db, showId, {
        slug: `cut-${format.extension}`,
        title: 'Cut',
        number: null,
        season: null,
        episodeType: 'full',
        status: 'published',
        publishedAt: new Date().toISOString(),
        summary: '',
        showNotes: emptyBody(),
      })
      await attach(episode.id, `whole-${episode.id}.${format.extension}`, whole)
      await run(episode.id)
      const ready = (await findEpisodeById(database.db, episode.id))!
      assert.equal(ready.audioStatus, 'ready', ready.audioError ?? '')

      await attach(episode.id, `cut-${episode.id}.${format.extension}`, cutShort(whole, 0.25))
      await assert.rejects(run(episode.id), /The file ends early/)
      const refused = (await findEpisodeById(database.db, episode.id))!
      assert.equal(refused.audioStatus, 'failed')
      assert.match(
        refused.audioError ?? '',
        /^The file ends early: it holds [2-6] s of the 20 s its header promises\. .*Upload it again from the original\.$/,
      )
      // What listeners get is the audio made before: same files, same length, still stored.
      assert.deepEqual(
        [refused.mp3Key, refused.m4aKey, refused.durationSeconds],
        [ready.mp3Key, ready.m4aKey, ready.durationSeconds],
      )
      assert.ok((await storage.stat(refused.mp3Key!))?.size)
      assert.ok((await storage.stat(refused.m4aKey!))?.size)
    })
  }
})
