// test-database: none (it runs a server on its own SQLite file, so the PostgreSQL pass leaves it out)
// The newsroom's interview page in a real browser against the real server: an editor chooses a
// transcript file that does not read and sees each problem with its line beside the form, then
// fills the transcript from a good .vtt file, chooses a passage and withholds it off the record.
// Screenshots of the page at desktop width and at 390 px go to SCREENSHOT_DIR when it is set.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  chromiumMissing,
  cspViolations,
  signedInPage,
  startBrowserNewsroom,
  type BrowserNewsroom,
  type RunningServer,
} from './browser-helpers.js'
import { makeInterview, makePerson } from './factories.js'

const EMAIL = 'interview-editor@example.org'
const PASSWORD = 'an interview editor password'
const VTT = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:07.500',
  '<v Ana Ruiz>I kept the harbour ledgers for eleven years, every permit in my own hand.',
  '',
  '00:00:07.500 --> 00:00:14.000',
  '<v Ana Ruiz>Off the record: the dredging permits were signed after the work was done.',
  '',
  '00:00:14.000 --> 00:00:19.000',
  '<v Kit Navarro>Did anyone ask you to change the dates?',
  '',
  '00:00:19.000 --> 00:00:26.000',
  '<v Ana Ruiz>Nobody asked. They did not have to.',
].join('\n')
const BROKEN = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:07.500',
  'Fine.',
  '',
  '00:00:07.500 --> 00:0x:14.000',
  'Broken.',
].join('\n')

describe('the newsroom interview page in a real browser', { skip: chromiumMissing() }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-interview-browser-'))
  let newsroom: BrowserNewsroom
  let server: RunningServer
  let browser: Browser
  let interviewId = 0
  const problems: string[] = []

  before(
    async () => {
      newsroom = await startBrowserNewsroom(
        dataDir,
        { email: EMAIL, name: 'Interview Editor', password: PASSWORD },
        async db => {
          const ana = await makePerson(db, { name: 'Ana Ruiz', slug: 'ana-ruiz' })
          interviewId = (
            await makeInterview(db, {
              personId: ana.id,
              title: 'Ana Ruiz on the harbour ledgers',
              slug: 'ana-ruiz-ledgers',
              personRole: 'Former harbour clerk',
            })
          ).id
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

  // A refused file answers 400 by design, which Chromium logs as a failed load; anything else is a problem.
  function signedIn(width: number): Promise<Page> {
    return signedInPage(browser, server.base, { email: EMAIL, password: PASSWORD }, problems, {
      width,
      expected: /status of 400/,
      csp: true,
    })
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name), fullPage: true })
  }

  it('fills the transcript from a file (a bad one is refused by line) and withholds a passage', {
    timeout: 60_000,
  }, async () => {
    const page = await signedIn(1280)
    await page.goto(`${server.base}/newsroom/interviews`)
    await page.getByRole('link', { name: 'Ana Ruiz on the harbour ledgers' }).click()
    await page.waitForURL(`${server.base}/newsroom/interviews/${interviewId}`)

    await page
      .getByLabel('Transcript file')
      .setInputFiles({ name: 'ledgers.vtt', mimeType: 'text/vtt', buffer: Buffer.from(BROKEN) })
    await page.getByRole('button', { name: 'Fill the transcript' }).click()
    await page.waitForLoadState('load')
    const refusal = page.locator('#transcript-problems')
    assert.match(await refusal.innerText(), /nothing was stored/)
    assert.match(await refusal.innerText(), /Line 6: /)
    assert.equal(await page.locator('#passages-title').count(), 0)

    await page
      .getByLabel('Transcript file')
      .setInputFiles({ name: 'ledgers.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) })
    await page.getByRole('button', { name: 'Fill the transcript' }).click()
    await page.waitForURL(/\?done=transcript/)
    assert.match(await page.getByRole('status').first().innerText(), /The transcript is filled/)
    assert.equal(
      await page.locator('#passages-title + p').innerText(),
      '4 passages; 0 withheld. A withheld passage is cut from the published video (black and silence) and shown to readers as “[Passage withheld]” with its reason.',
    )

    await page.getByLabel('Choose passage 2').check()
    await page.getByLabel('Reason to withhold').selectOption('off-the-record')
    await page.getByRole('button', { name: 'Withhold the chosen passages' }).click()
    await page.waitForURL(/\?done=withheld/)
    const row = page.locator('tr#p-2')
    assert.match(await row.innerText(), /Withheld: Off the record/)
    assert.match(await row.innerText(), /dredging permits/)
    assert.doesNotMatch(await page.locator('tr#p-1').innerText(), /Withheld/)
    assert.match(await page.locator('#history-title + div').innerText(), /passages withheld[\s\S]*Interview Editor/)
    await screenshot(page, 'newsroom-interview-desktop.png')

    const narrow = await signedIn(390)
    await narrow.goto(`${server.base}/newsroom/interviews/${interviewId}#passages-title`)
    const overflow = await narrow.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 390px`)
    await screenshot(narrow, 'newsroom-interview-390.png')
    if (process.env.SCREENSHOT_DIR)
      await narrow
        .locator('section[aria-labelledby="passages-title"]')
        .screenshot({ path: join(process.env.SCREENSHOT_DIR, 'newsroom-interview-390-passages.png') })

    assert.deepEqual(await cspViolations(page), [])
    assert.deepEqual(problems, [])
  })
})
