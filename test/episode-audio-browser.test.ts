// An episode's audio page in a real browser against the app (which runs the audio job in the
// background): an editor chooses a WAV, sees it upload and attach, waits for the loudness job to
// finish, then adds a WebVTT transcript. The same upload island serves the film page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { testApp } from './helpers.js'
import { chromiumMissing, launchChromium, signInNewsroom } from './browser-helpers.js'
import { ffmpeg } from './media-fixtures.js'
import { emptyBody } from '../src/body/index.js'
import { hashPassword, insertAccount } from '../src/newsroom/index.js'
import { insertEpisode, insertShow, podcastGuid } from '../src/podcasts/index.js'

const EMAIL = 'audio-editor@example.org'
const PASSWORD = 'an audio editor password'

describe('an episode’s audio page in a real browser', { skip: chromiumMissing() }, () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let browser: Browser
  let base = ''
  let episodeId = 0
  let wav: Buffer

  before(
    async () => {
      t = await testApp()
      const db = t.database.db
      await insertAccount(db, {
        email: EMAIL,
        name: 'Audio Editor',
        role: 'editor',
        passwordHash: await hashPassword(PASSWORD),
      })
      const show = await insertShow(db, {
        slug: 'upload-test',
        title: 'Upload test',
        description: 'A show.',
        artworkId: null,
        category: 'News',
        subcategory: null,
        explicit: false,
        ownerName: 'O',
        ownerEmail: 'o@example.org',
        author: 'A',
        language: 'en',
        showType: 'episodic',
        copyright: '',
        podcastGuid: podcastGuid('upload/test'),
      })
      const episode = await insertEpisode(db, show.id, {
        slug: 'first',
        title: 'First',
        number: 1,
        season: null,
        episodeType: 'full',
        status: 'draft',
        publishedAt: null,
        summary: '',
        showNotes: emptyBody(),
      })
      episodeId = episode.id
      const file = join(t.config.dataDir, 'voice.wav')
      ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=44100:duration=4', '-c:a', 'pcm_s16le', file)
      wav = readFileSync(file)
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
    },
    { timeout: 120_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
  })

  it('uploads the audio, sees it processed, and adds a transcript', { timeout: 120_000 }, async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', e => problems.push(e.message))
    await signInNewsroom(page, base, EMAIL, PASSWORD)

    await page.goto(`${base}/newsroom/episodes/${episodeId}/audio`)
    assert.equal(await page.locator('[data-audio-status]').getAttribute('data-audio-status'), 'none')
    await page.getByLabel('Audio file').setInputFiles({ name: 'voice.wav', mimeType: 'audio/wav', buffer: wav })
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    // The island reloads once the audio is attached, and again once the job is done.
    await page.locator('[data-audio-status="ready"]').waitFor({ timeout: 90_000 })

    await page.getByLabel('WebVTT file').setInputFiles({
      name: 'transcript.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nA tone, held.\n'),
    })
    await page.getByRole('button', { name: 'Add the transcript' }).click()
    await page.getByText('The episode has a transcript.').waitFor()
    assert.deepEqual(problems, [])
    const episode = await t.database.db
      .selectFrom('podcast_episodes')
      .select(['audio_status', 'mp3_key', 'transcript_key'])
      .where('id', '=', episodeId)
      .executeTakeFirstOrThrow()
    assert.equal(episode.audio_status, 'ready')
    assert.ok(episode.mp3_key && episode.transcript_key)
  })
})
