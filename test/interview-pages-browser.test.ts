// The interview page in Chromium: the transcript follows playback, a click seeks, search counts
// and steps through matches (timed inside the page: within one animation frame over 1,500
// passages), #p-N cues the video, ?t=a-b plays a span, the selected passages' span is shared,
// and the page is looked at at 1280 and 390 px (screenshots in $INTERVIEW_SHOTS or the temp folder).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { testApp } from './helpers.js'
import { makeInterview, makePerson } from './factories.js'
import { chromiumMissing, launchChromium } from './browser-helpers.js'
import { makeInterviewScene, storeReadyRecording, type InterviewScene } from './interview-page-fixtures.js'

type App = Awaited<ReturnType<typeof testApp>>
const SHOTS = process.env.INTERVIEW_SHOTS ?? join(tmpdir(), 'interview-shots')
const VOCABULARY =
  'the harbour office closed at night and every barge that came north was counted by a clerk who kept the ledger of cargo weather and tide'.split(
    ' ',
  )

describe('the interview page in a browser', { skip: chromiumMissing() }, () => {
  let t: App
  let scene: InterviewScene
  let browser: Browser
  let base = ''

  before(
    async () => {
      t = await testApp()
      const db = t.database.db
      scene = await makeInterviewScene(db)
      await storeReadyRecording(db, t.storage, scene.interviewId, true)
      // Ninety minutes: 1,500 passages of about ten words (15,000 words), the page the speed targets name.
      const person = await makePerson(db, { slug: 'long-witness', name: 'Long Witness' })
      const passages = Array.from({ length: 1500 }, (_, i) => ({
        speaker: i % 2 ? 'Long Witness' : 'Tomas Vell',
        startSeconds: i * 3.6,
        endSeconds: i * 3.6 + 3.4,
        text: Array.from({ length: 10 }, (_, k) => VOCABULARY[(i * 7 + k * 13) % VOCABULARY.length]).join(' '),
      }))
      await makeInterview(db, {
        slug: 'ninety-minutes',
        title: 'Ninety minutes at the quay',
        personId: person.id,
        status: 'published',
        passages,
      })
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
      mkdirSync(SHOTS, { recursive: true })
    },
    { timeout: 120_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
  })

  async function open(path: string, width = 1280, height = 900): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } })
    const problems: string[] = []
    page.on('console', m => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    page.on('response', r => {
      if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`)
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', e =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    await page.goto(base + path, { waitUntil: 'load' })
    await page.waitForSelector('.tr-tools')
    return { page, problems }
  }

  const currentPassage = (page: Page) =>
    page.$eval('#transcript-passages', ol => ol.querySelector('[aria-current]')?.id ?? null)
  const videoTime = (page: Page) => page.$eval('[data-player] video', v => (v as HTMLVideoElement).currentTime)
  const play = (page: Page) =>
    page.$eval('[data-player] video', v => {
      const video = v as HTMLVideoElement
      video.muted = true
      return video.play()
    })

  it('highlights the passage playing as the video plays, and a click on a passage seeks there', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}`)
    await play(page)
    await page.waitForFunction(
      () => document.querySelector('#p-2')?.getAttribute('aria-current') === 'true',
      undefined,
      { timeout: 15_000 },
    )
    await page.waitForFunction(
      () => document.querySelector('#p-3')?.getAttribute('aria-current') === 'true',
      undefined,
      { timeout: 15_000 },
    )
    assert.equal(
      await page.$$eval('#transcript-passages [aria-current]', all => all.length),
      1,
      'one passage is current',
    )

    await page.click('#p-6 b')
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('[data-player] video')
        return v !== null && v.currentTime >= 7.4 && v.currentTime < 9
      },
      undefined,
      { timeout: 10_000 },
    )
    await page.waitForFunction(() => document.querySelector('#p-6')?.getAttribute('aria-current') === 'true')
    assert.match(page.url(), /#p-6$/)
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('finds words with a count, next and previous, marked with <mark>', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}`)
    await page.fill('#tr-q', 'barges')
    assert.equal(await page.textContent('.tr-count'), '1 of 3')
    assert.deepEqual(await page.$$eval('#transcript-passages mark', marks => marks.map(m => m.closest('li')?.id)), [
      'p-2',
      'p-5',
      'p-7',
    ])
    assert.equal(await page.$eval('mark.cur', m => m.closest('li')?.id), 'p-2')
    await page.click('.tr-find button[aria-label="Next match"]')
    assert.equal(await page.textContent('.tr-count'), '2 of 3')
    assert.equal(await page.$eval('mark.cur', m => m.closest('li')?.id), 'p-5')
    await page.click('.tr-find button[aria-label="Previous match"]')
    await page.click('.tr-find button[aria-label="Previous match"]')
    assert.equal(await page.textContent('.tr-count'), '3 of 3', 'previous wraps round')
    await page.press('#tr-q', 'Enter')
    assert.equal(await page.textContent('.tr-count'), '1 of 3')
    // The withheld passage's placeholder and the notes are not searched; clearing puts the words back.
    await page.fill('#tr-q', 'withheld')
    assert.equal(await page.textContent('.tr-count'), 'No matches')
    await page.fill('#tr-q', '')
    assert.equal(await page.$$eval('#transcript-passages mark', m => m.length), 0)
    assert.equal(await page.textContent('#p-2'), '0:01Ines MarrowAt the tide desk, counting barges that never came.')
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('#p-5 on load cues the video at that passage', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}#p-5`)
    await page.waitForFunction(
      () => Math.abs((document.querySelector<HTMLVideoElement>('[data-player] video')?.currentTime ?? 0) - 6) < 0.3,
      undefined,
      { timeout: 10_000 },
    )
    assert.equal(await currentPassage(page), 'p-5')
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('?t=3-6 cues the video at 3 s and stops it at 6 s', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}?t=3-6`)
    await page.waitForFunction(
      () => Math.abs((document.querySelector<HTMLVideoElement>('[data-player] video')?.currentTime ?? 0) - 3) < 0.3,
      undefined,
      { timeout: 10_000 },
    )
    assert.equal(await currentPassage(page), 'p-3')
    await play(page)
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('[data-player] video')
        return v !== null && v.paused && v.currentTime >= 5.8
      },
      undefined,
      { timeout: 15_000 },
    )
    const stopped = await videoTime(page)
    assert.ok(stopped <= 6.6, `stopped at ${stopped}`)
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('"In the film" plays its span in place', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}`)
    await page.$eval('[data-player] video', v => {
      ;(v as HTMLVideoElement).muted = true
    })
    await page.click('a[data-span]')
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('[data-player] video')
        return v !== null && v.paused && v.currentTime >= 8.8
      },
      undefined,
      { timeout: 15_000 },
    )
    const stopped = await videoTime(page)
    assert.ok(stopped <= 9.6, `stopped at ${stopped}`)
    assert.match(page.url(), /\?t=6-9$/)
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('shares the span of the selected passages, and stops following when the reader scrolls away until told to resume', async () => {
    const { page, problems } = await open(`/interviews/${scene.slug}`)
    await page.evaluate(() => {
      const range = document.createRange()
      range.setStart(document.querySelector('#p-2 b')!.nextSibling!, 3)
      range.setEnd(document.querySelector('#p-3 b')!.nextSibling!, 5)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    await page.click('.tr-share .tr-btn')
    assert.equal(await page.inputValue('.tr-link'), `${base}/interviews/${scene.slug}?t=1-5`)

    await page.setViewportSize({ width: 1280, height: 420 })
    await play(page)
    await page.waitForFunction(
      () => document.querySelector('#p-2')?.getAttribute('aria-current') === 'true',
      undefined,
      { timeout: 15_000 },
    )
    await page.$eval('#transcript-passages', ol => {
      ol.scrollTop = ol.scrollHeight
    })
    await page.waitForSelector('.tr-resume:not([hidden])')
    await page.click('.tr-resume')
    assert.equal(await page.isHidden('.tr-resume'), true)
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('searches a 1,500-passage transcript within one animation frame', async () => {
    const { page, problems } = await open('/interviews/ninety-minutes')
    assert.equal(await page.$$eval('#transcript-passages > li', li => li.length), 1500)
    const timings = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#tr-q')!
      const ms: number[] = []
      for (const query of ['clerk who kept', 'ledger', 'tide', 'the', 'harbour']) {
        input.value = query
        const started = performance.now()
        input.dispatchEvent(new Event('input'))
        ms.push(performance.now() - started)
      }
      return ms
    })
    const count = await page.textContent('.tr-count')
    assert.match(count ?? '', /^1 of \d+$/)
    for (const ms of timings)
      assert.ok(ms < 16.7, `a search took ${ms.toFixed(1)} ms: ${timings.map(m => m.toFixed(1)).join(', ')}`)
    console.log(`search over 1,500 passages: ${timings.map(m => m.toFixed(1)).join(', ')} ms`)
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('looks right at 1280 and 390 px', async () => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const { page, problems } = await open(`/interviews/${scene.slug}`, width, height)
      await page.fill('#tr-q', 'harbour')
      await page.screenshot({ path: join(SHOTS, `interview-${width}.png`), fullPage: true })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      assert.equal(overflow, false, `no sideways scrolling at ${width} px`)
      assert.deepEqual(problems, [])
      await page.close()
    }
    const list = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await list.goto(`${base}/interviews`)
    await list.screenshot({ path: join(SHOTS, 'interviews-390.png'), fullPage: true })
    await list.close()
  })
})
