// The podcast player in headless Chromium, on the real app with audio made by the real job:
// native controls without JavaScript; with it, play/pause, skips, speed and chapter buttons,
// all reachable from the keyboard.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { testApp } from './helpers.js'
import { chromiumMissing, launchChromium } from './browser-helpers.js'
import { ffmpeg } from './media-fixtures.js'
import { emptyBody } from '../src/body/index.js'
import { AUDIO_JOB, createAudioHandler, insertEpisode, insertShow, podcastGuid } from '../src/podcasts/index.js'
import { replaceEpisodeChapters } from '../src/podcasts/chapter-store.js'
import { attachAudioMaster } from '../src/podcasts/audio-store.js'

const skip = chromiumMissing()

describe('the podcast player in a browser', { skip }, () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let browser: Browser
  let base = ''
  const path = '/podcasts/player-test/first'

  before(
    async () => {
      t = await testApp({ runJobs: false })
      const db = t.database.db
      const show = await insertShow(db, {
        slug: 'player-test',
        title: 'Player test',
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
        podcastGuid: podcastGuid('x/y'),
      })
      const episode = await insertEpisode(db, show.id, {
        slug: 'first',
        title: 'First',
        number: 1,
        season: null,
        episodeType: 'full',
        status: 'published',
        publishedAt: new Date(Date.now() - 60_000).toISOString(),
        summary: '',
        showNotes: emptyBody(),
      })
      const wav = join(t.config.dataDir, 'tone.wav')
      ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=250:sample_rate=44100:duration=60', '-c:a', 'pcm_s16le', wav)
      await t.storage.put('audio/masters/tone.wav', readFileSync(wav))
      await attachAudioMaster(db, episode.id, 'audio/masters/tone.wav')
      await createAudioHandler({ db, storage: t.storage, events: t.events })(
        { episodeId: episode.id },
        {
          jobId: 0,
          kind: AUDIO_JOB,
          attempt: 1,
          maxAttempts: 1,
          uniqueKey: null,
          signal: new AbortController().signal,
        },
      )
      await replaceEpisodeChapters(db, episode.id, [
        { startSeconds: 0, title: 'Hello' },
        { startSeconds: 20, title: 'The middle' },
        { startSeconds: 40, title: 'Goodbye' },
      ])
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
    },
    { timeout: 120_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
  })

  const state = (page: Page) =>
    page.evaluate(() => {
      const audio = document.querySelector('audio')!
      return {
        time: audio.currentTime,
        paused: audio.paused,
        rate: audio.playbackRate,
        controls: audio.hasAttribute('controls'),
      }
    })

  it('without JavaScript, the native audio element has controls and both sources', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(base + path)
    assert.equal(await page.locator('audio[controls] source').count(), 2)
    await context.close()
  })

  it('with JavaScript: play, skip, speed and chapters, by mouse and keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(base + path)
    await page.waitForSelector('[data-player-ready="true"]')
    assert.equal((await state(page)).controls, false, 'the island replaces the native controls')
    await page.waitForFunction(() => document.querySelector('audio')!.readyState >= 1)

    await page.getByRole('button', { name: 'Play', exact: true }).click()
    await page.waitForFunction(() => !document.querySelector('audio')!.paused)
    assert.equal(await page.getByRole('button', { name: 'Pause', exact: true }).count(), 1)

    await page.getByRole('button', { name: 'Forward 30 seconds' }).click()
    assert.ok((await state(page)).time >= 29.5, 'forward 30 s')
    await page.getByRole('button', { name: 'Back 15 seconds' }).click()
    const back = (await state(page)).time
    assert.ok(back >= 14.5 && back < 20, `back 15 s: ${back}`)

    await page.getByRole('button', { name: /Playback speed/ }).click()
    assert.equal((await state(page)).rate, 1.25)
    assert.equal(await page.getByRole('button', { name: 'Playback speed: 1.25×' }).count(), 1)

    await page.getByRole('button', { name: /Play from 0:40: Goodbye/ }).click()
    await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.textContent?.includes('Goodbye'))
    assert.ok((await state(page)).time >= 40)
    assert.match(await page.locator('.podcast-player__chapter').innerText(), /Chapter: Goodbye/)

    // The keyboard: focus the play button and press k to pause; the seek bar is a labelled range.
    await page.getByRole('button', { name: 'Pause', exact: true }).focus()
    await page.keyboard.press('k')
    await page.waitForFunction(() => document.querySelector('audio')!.paused)
    const seek = page.getByRole('slider', { name: /Position in First/ })
    await seek.focus()
    const before = (await state(page)).time
    await page.keyboard.press('ArrowLeft')
    assert.ok((await state(page)).time < before, 'the seek bar moves back with the arrow key')
    assert.match(String(await seek.getAttribute('aria-valuetext')), /^\d+:\d\d of 1:00$/)
    assert.deepEqual(errors, [])
    await page.close()
  })
})
