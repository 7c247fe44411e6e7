// test-database: none (it runs a server on its own SQLite file, so the PostgreSQL pass leaves it out)
// The newsroom's interview video page in a real browser against the real server (which runs the
// transcode in the background): an editor chooses a small MP4, watches it upload and queue, and
// the page (the same island as the film page) polls until the video is ready, with its withheld
// passage listed as cut.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumMissing, signedInPage, startBrowserNewsroom, type BrowserNewsroom } from './browser-helpers.js'
import { makeInterview } from './factories.js'
import { makeTestClip } from './media-fixtures.js'
import { setWithheld } from '../src/interviews/passages.js'

const EMAIL = 'interview-editor@example.org'
const PASSWORD = 'an interview editor password'

describe('the interview video page in a real browser', { skip: chromiumMissing() }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-interview-video-browser-'))
  let newsroom: BrowserNewsroom
  let interviewId = 0
  let mp4: Buffer
  const problems: string[] = []

  before(
    async () => {
      makeTestClip(join(dataDir, 'interview.mp4'), { width: 160, height: 90, fps: 10, seconds: 3 })
      mp4 = readFileSync(join(dataDir, 'interview.mp4'))
      newsroom = await startBrowserNewsroom(
        dataDir,
        { email: EMAIL, name: 'Interview Editor', password: PASSWORD },
        async db => {
          const interview = await makeInterview(db, {
            title: 'The harbour master',
            passages: [
              { speaker: 'Ana', startSeconds: 0, endSeconds: 1, text: 'We met at the harbour.' },
              { speaker: 'Ana', startSeconds: 1, endSeconds: 2, text: 'This part is off the record.' },
              { speaker: 'Ana', startSeconds: 2, endSeconds: 3, text: 'That is all.' },
            ],
          })
          await setWithheld(db, interview.id, [1], 'off-the-record')
          interviewId = interview.id
        },
      )
    },
    { timeout: 90_000 },
  )

  after(async () => {
    await newsroom?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('uploads the recording, sees it queued and then ready, with the withheld passage cut', {
    timeout: 90_000,
  }, async () => {
    const page = await signedInPage(
      newsroom.browser,
      newsroom.server.base,
      { email: EMAIL, password: PASSWORD },
      problems,
    )
    await page.goto(`${newsroom.server.base}/newsroom/interviews/${interviewId}/video`)
    const status = page.locator('[data-interview-video-status]')
    assert.equal(await status.getAttribute('data-interview-video-status'), 'none')
    assert.equal(await page.locator('noscript').count(), 0, 'the island took over from the no-script notes')

    await page.getByLabel('Video file').setInputFiles({ name: 'interview.mp4', mimeType: 'video/mp4', buffer: mp4 })
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await page.locator('[data-interview-video-status]:not([data-interview-video-status="none"])').waitFor()
    assert.match((await status.textContent()) ?? '', /Cut to black and silence \(one withheld passage\): 0:01–0:02/)

    await page.locator('[data-interview-video-status="ready"]').waitFor({ timeout: 60_000 })
    assert.match((await status.textContent()) ?? '', /The video is ready \(0:03\)/)
    assert.deepEqual(problems, [])
  })
})
