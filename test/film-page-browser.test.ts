// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// The newsroom's film page in a real browser against the real server (which runs the transcode
// in the background, as `newsreel start` does): an editor chooses a small MP4, watches it upload
// and queue, waits for it to be ready, adds English captions from a .vtt file and saves chapters
// that the public documentary page's player then carries. It runs in about 30 s on an idle
// machine; the time limits leave room for a busy one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  chromiumMissing,
  signedInPage,
  startBrowserNewsroom,
  type BrowserNewsroom,
  type RunningServer,
} from './browser-helpers.js'
import { makeDocumentary } from './factories.js'
import { makeTestClip } from './media-fixtures.js'

const EMAIL = 'film-editor@example.org'
const PASSWORD = 'a film editor password'
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nA test pattern hums.\n'

describe('the film page in a real browser', { skip: chromiumMissing() }, () => {
  // Without the demo newsroom, so no demo transcodes queue ahead of this film's.
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-film-browser-'))
  let newsroom: BrowserNewsroom
  let server: RunningServer
  let browser: Browser
  let filmId = 0
  let filmSlug = ''
  let mp4: Buffer
  const problems: string[] = []

  before(
    async () => {
      makeTestClip(join(dataDir, 'film.mp4'), { width: 160, height: 90, fps: 10, seconds: 3 })
      mp4 = readFileSync(join(dataDir, 'film.mp4'))
      newsroom = await startBrowserNewsroom(
        dataDir,
        { email: EMAIL, name: 'Film Editor', password: PASSWORD },
        async db => {
          const film = await makeDocumentary(db, {
            title: 'The Test Pattern',
            slug: 'the-test-pattern',
            status: 'published',
          })
          filmId = film.id
          filmSlug = film.slug
        },
      )
      ;({ server, browser } = newsroom)
    },
    { timeout: 90_000 },
  )

  after(async () => {
    await newsroom?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  function signedIn(): Promise<Page> {
    return signedInPage(browser, server.base, { email: EMAIL, password: PASSWORD }, problems)
  }

  it('uploads a film, sees it queued and then ready, adds captions and saves chapters', {
    timeout: 90_000,
  }, async () => {
    const page = await signedIn()
    await page.goto(`${server.base}/newsroom/documentaries/${filmId}/film`)
    assert.equal(await page.locator('[data-film-status]').getAttribute('data-film-status'), 'none')

    // What the upload says as it goes, recorded from the page (which reloads once the film is attached).
    const said: string[] = []
    await page.exposeFunction('filmUploadSaid', (text: string) => said.push(text))
    await page.evaluate(() => {
      const box = document.querySelector('[data-film-upload-status]')
      const bar = document.querySelector<HTMLProgressElement>('[data-film-upload-progress]')
      const report = (window as unknown as { filmUploadSaid(text: string): void }).filmUploadSaid
      if (box)
        new MutationObserver(() =>
          report(`${box.textContent ?? ''}${bar && !bar.hidden ? ` [bar ${bar.value}]` : ''}`),
        ).observe(box, { childList: true, characterData: true, subtree: true })
    })
    await page.getByLabel('Video file').setInputFiles({ name: 'film.mp4', mimeType: 'video/mp4', buffer: mp4 })
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await page.locator('[data-film-status]:not([data-film-status="none"])').waitFor()
    assert.ok(
      said.some(s => /^Uploading: \d+% \[bar/.test(s)),
      `the progress showed: ${JSON.stringify(said)}`,
    )
    assert.ok(said.includes('Uploading: 100% [bar 1]'), JSON.stringify(said))
    assert.ok(
      said.some(s => s.startsWith('Uploaded; attaching the film')),
      JSON.stringify(said),
    )
    const queued = await page.locator('[data-film-status]').getAttribute('data-film-status')
    assert.ok(queued === 'queued' || queued === 'processing', `after attaching the film is ${queued}`)

    // The server transcodes in the background; the page polls and reloads once it is ready.
    await page.locator('[data-film-status="ready"]').waitFor({ timeout: 40_000 })
    assert.match((await page.locator('[data-film-status]').textContent()) ?? '', /The film is ready \(0:03\)/)

    // Captions from a file: uploaded by the island, then the form is posted with the upload's id.
    await page
      .getByLabel('WebVTT file')
      .setInputFiles({ name: 'en.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) })
    await page.getByLabel('Language', { exact: true }).fill('en')
    await page.getByLabel('Label', { exact: true }).fill('English')
    await page.getByRole('button', { name: 'Add captions' }).click()
    await page.waitForURL(/done=captions$/)
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /The captions are saved/)
    const row = page.locator('[data-captions-list] tbody tr')
    assert.equal(await row.count(), 1)
    assert.deepEqual(await row.locator('td').allTextContents(), ['en', 'English', 'Remove'])
    assert.equal(await page.getByRole('button', { name: 'Remove the English captions (en)' }).count(), 1)

    // Chapters: a bad line is refused and kept; fixed, they are saved.
    const chapters = page.getByRole('textbox', { name: 'Chapters' })
    await chapters.fill('0:00 Opening\n9:99 Nowhere')
    const reported = problems.length
    await page.getByRole('button', { name: 'Save chapters' }).click()
    await page.locator('#chapters-problems').waitFor()
    // The refusal is a 400 page, which Chromium reports on the console; nothing else may be.
    assert.ok(problems.splice(reported).every(p => /status of 400/.test(p)))
    assert.match((await page.locator('#chapters-problems').textContent()) ?? '', /Line 2: “9:99” is not a time/)
    assert.equal(await chapters.inputValue(), '0:00 Opening\n9:99 Nowhere')
    await chapters.fill('0:00 Opening\n2 The middle')
    await page.getByRole('button', { name: 'Save chapters' }).click()
    await page.waitForURL(/done=chapters$/)
    assert.equal(await chapters.inputValue(), '0:00 Opening\n0:02 The middle')

    // The reader's page carries the captions track and the chapters.
    const reader = await (await browser.newContext()).newPage()
    await reader.goto(`${server.base}/documentaries/${filmSlug}`)
    assert.equal(await reader.locator('video track[srclang="en"]').getAttribute('label'), 'English')
    assert.equal(
      await reader.locator('[data-player]').getAttribute('data-chapters'),
      JSON.stringify([
        { startSeconds: 0, title: 'Opening' },
        { startSeconds: 2, title: 'The middle' },
      ]),
    )
    assert.deepEqual(problems, [])
  })
})
