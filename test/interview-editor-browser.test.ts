// The editor flow of issue 13 in Chromium: an editor picks an interview, searches its
// transcript, chooses a run of passages (a withheld one cannot be chosen), inserts it as an
// excerpt and publishes; the story page's player then plays only that span of the interview's
// video (a 16 s film made by ffmpeg, HLS-segmented and stored as the pipeline stores it).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { testApp } from './helpers.js'
import { chromiumMissing, launchChromium, signInNewsroom } from './browser-helpers.js'
import { makeInterview, makePerson } from './factories.js'
import { ffmpeg } from './media-fixtures.js'
import { makeAccount, TEST_PASSWORD } from './newsroom-helpers.js'
import { setWithheld } from '../src/interviews/passages.js'
import { upsertInterviewVideo } from '../src/videos/index.js'

type App = Awaited<ReturnType<typeof testApp>>

const PASSAGES = [
  { speaker: 'Ona Varga', startSeconds: 0, endSeconds: 4, text: 'The first winter the gates froze open.' },
  { speaker: 'Ona Varga', startSeconds: 4, endSeconds: 8, text: 'We logged every ship by hand after that.' },
  {
    speaker: 'Ona Varga',
    startSeconds: 8,
    endSeconds: 12,
    text: 'Nobody asked us to; the ledgers are still in the tower.',
  },
  { speaker: 'Ona Varga', startSeconds: 12, endSeconds: 14, text: 'What the minister said stays between us.' },
  { speaker: 'Interviewer', startSeconds: 14, endSeconds: 16, text: 'And the harbour today?' },
]

/** A 16 s film stored with its rows as a finished transcode leaves them. */
async function storeReadyRecording(t: App, interviewId: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-interview-'))
  try {
    const mp4 = join(dir, 'film.mp4')
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=25:duration=16',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=330:duration=16',
      '-c:v',
      'libx264',
      '-profile:v',
      'main',
      '-level',
      '3.0',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '25',
      '-keyint_min',
      '25',
      '-sc_threshold',
      '0',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-ac',
      '2',
      '-movflags',
      '+faststart',
      mp4,
    )
    mkdirSync(join(dir, 'hls'))
    ffmpeg(
      '-i',
      mp4,
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      '2',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_filename',
      join(dir, 'hls', 'seg%03d.ts'),
      join(dir, 'hls', 'index.m3u8'),
    )
    ffmpeg('-ss', '1', '-i', mp4, '-frames:v', '1', join(dir, 'poster.jpg'))
    const prefix = `videos/interview-${interviewId}/fixture`
    for (const name of readdirSync(join(dir, 'hls')))
      await t.storage.put(`${prefix}/hls/${name}`, readFileSync(join(dir, 'hls', name)))
    await t.storage.put(`${prefix}/film.mp4`, readFileSync(mp4))
    await t.storage.put(`${prefix}/poster.jpg`, readFileSync(join(dir, 'poster.jpg')))
    await t.storage.put(
      `${prefix}/master.m3u8`,
      Buffer.from(
        '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS="avc1.4d401e,mp4a.40.2"\nhls/index.m3u8\n',
      ),
    )
    const db = t.database.db
    const video = await upsertInterviewVideo(db, interviewId, `${prefix}/film.mp4`)
    await db
      .updateTable('videos')
      .set({
        status: 'ready',
        progress: 1,
        duration_seconds: 16,
        width: 320,
        height: 180,
        output_prefix: prefix,
        live_prefix: prefix,
        poster_key: `${prefix}/poster.jpg`,
        mp4_key: `${prefix}/film.mp4`,
      })
      .where('id', '=', video.id)
      .execute()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('quoting an interview in a story, in a real browser', { skip: chromiumMissing() }, () => {
  let t: App
  let browser: Browser
  let base = ''
  let email = ''
  const shots = process.env.SCREENSHOT_DIR

  before(
    async () => {
      t = await testApp()
      const db = t.database.db
      const person = await makePerson(db, { name: 'Ona Varga' })
      const interview = await makeInterview(db, {
        title: 'The harbour master',
        slug: 'the-harbour-master',
        personId: person.id,
        personRole: 'Harbour master, 1998–2011',
        status: 'published',
        passages: PASSAGES,
      })
      await setWithheld(db, interview.id, [3], 'off-the-record')
      await makeInterview(db, { title: 'A grain trader', passages: PASSAGES.slice(0, 1) })
      await storeReadyRecording(t, interview.id)
      email = (await makeAccount(t, 'editor')).email
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
    },
    { timeout: 90_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
  })

  function watch(page: Page): string[] {
    const problems: string[] = []
    page.on('console', m => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    return problems
  }

  it('pick interview → search transcript → choose passages → insert excerpt → publish → the page plays only the span', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems = watch(page)
    await signInNewsroom(page, base, email, TEST_PASSWORD)
    await page.goto(`${base}/newsroom/stories/new`)
    await page.getByLabel('Headline').fill('The harbour keeps its own books')
    await page.locator('.be-content').click()
    await page.keyboard.type('She told us in this excerpt:')

    await page.getByRole('button', { name: 'Interview', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Quote an interview' })
    await dialog.getByLabel('Find an interview by its title or the person interviewed').fill('varga')
    if (shots) {
      await dialog.getByRole('button', { name: /A grain trader/ }).waitFor({ state: 'detached' })
      await page.screenshot({ path: join(shots, 'interview-picker-find-1280.png') })
    }
    await dialog.getByRole('button', { name: /The harbour master/ }).click()
    await dialog.locator('.be-ipicker__passage').nth(4).waitFor()
    await dialog.getByLabel('Search the transcript').fill('ledgers')
    assert.equal(await dialog.locator('.be-ipicker__passage').count(), 1)
    assert.match((await dialog.locator('.be-picker__status').last().textContent()) ?? '', /1 passage matches\./)
    await dialog.locator('.be-ipicker__passage', { hasText: 'ledgers' }).click()
    await dialog.getByLabel('Search the transcript').fill('')
    await dialog.locator('.be-ipicker__passage', { hasText: 'logged every ship' }).click()
    assert.equal(await dialog.locator('.be-ipicker__chosen').textContent(), '2 passages, 0:04–0:12 (0:08)')
    // The withheld passage shows as such, and cannot join the run.
    const withheld = dialog.locator('.be-ipicker__passage--withheld')
    assert.match((await withheld.textContent()) ?? '', /\[Passage withheld: off the record\]/)
    // aria-disabled: Playwright would wait for it to be enabled; a writer's click still lands.
    await withheld.click({ force: true })
    assert.match((await dialog.locator('.be-ipicker__chosen').textContent()) ?? '', /Passage 4 is withheld/)
    // A click outside the run stretches it; inside, starts again; on a run of one, clears it.
    const chosen = dialog.locator('.be-ipicker__chosen')
    const gates = dialog.locator('.be-ipicker__passage', { hasText: 'gates froze' })
    await gates.click()
    assert.equal(await chosen.textContent(), '3 passages, 0:00–0:12 (0:12)')
    await gates.click()
    assert.equal(await chosen.textContent(), '1 passage, 0:00–0:04 (0:04)')
    assert.equal(await gates.getAttribute('aria-pressed'), 'true')
    await gates.click()
    assert.match((await chosen.textContent()) ?? '', /^Choose a passage/)
    assert.equal(await dialog.getByRole('button', { name: 'Insert excerpt' }).isDisabled(), true)
    await dialog.locator('.be-ipicker__passage', { hasText: 'logged every ship' }).click()
    await dialog.locator('.be-ipicker__passage', { hasText: 'ledgers' }).click()
    assert.equal(await dialog.locator('.be-ipicker__chosen').textContent(), '2 passages, 0:04–0:12 (0:08)')
    if (shots) {
      await page.screenshot({ path: join(shots, 'interview-picker-1280.png') })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.screenshot({ path: join(shots, 'interview-picker-390.png') })
      await page.setViewportSize({ width: 1280, height: 900 })
    }
    await dialog.getByRole('button', { name: 'Insert excerpt' }).click()
    await page.locator('.be-embed--interview').waitFor()
    assert.match(
      (await page.locator('.be-embed--interview').textContent()) ?? '',
      /Interview excerpt:\s*Ona Varga — The harbour master\s*0:04–0:12 \(0:08\)/,
    )
    const body = JSON.parse(await page.locator('#story-body').inputValue()) as { content: unknown[] }
    assert.deepEqual(body.content[1], {
      type: 'interviewExcerpt',
      attrs: { interviewId: 1, startSeconds: 4, endSeconds: 12 },
    })

    // The same run as a pull quote naming its source, and one passage's words as a link to it.
    await page.getByRole('button', { name: 'Interview', exact: true }).click()
    await dialog.getByRole('button', { name: /The harbour master/ }).click()
    await dialog.locator('.be-ipicker__passage', { hasText: 'logged every ship' }).click()
    await dialog.getByRole('button', { name: 'Insert pull quote' }).click()
    await page.getByRole('button', { name: 'Interview', exact: true }).click()
    await dialog.getByRole('button', { name: /The harbour master/ }).click()
    await dialog.locator('.be-ipicker__passage', { hasText: 'gates froze' }).click()
    await dialog.getByRole('button', { name: 'Insert words as link' }).click()
    const saved = JSON.parse(await page.locator('#story-body').inputValue()) as { content: unknown[] }
    assert.deepEqual(saved.content.slice(2), [
      {
        type: 'pullQuote',
        attrs: { attribution: 'Ona Varga, Harbour master, 1998–2011', source: { interviewId: 1, startSeconds: 4 } },
        content: [{ type: 'text', text: 'We logged every ship by hand after that.' }],
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: '“The first winter the gates froze open.”',
            marks: [{ type: 'link', attrs: { href: '/interviews/the-harbour-master#p-1' } }],
          },
        ],
      },
    ])

    await page.getByRole('button', { name: 'Publish now' }).click()
    await page.waitForURL(/done=publish/)
    assert.deepEqual(problems, [])

    const reader = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage()
    const readerProblems = watch(reader)
    await reader.goto(`${base}/stories/the-harbour-keeps-its-own-books`)
    assert.match(
      (await reader.locator('figure.interview-excerpt .excerpt-watch').textContent()) ?? '',
      /Watch the full interview from 0:04/,
    )
    assert.equal(
      await reader.locator('figure.interview-excerpt .excerpt-watch').getAttribute('href'),
      '/interviews/the-harbour-master#p-2',
    )
    assert.equal(
      await reader.locator('figure.pull-quote a.quote-source').getAttribute('href'),
      '/interviews/the-harbour-master#p-2',
    )
    assert.equal(
      await reader.locator('a[href="/interviews/the-harbour-master#p-1"]').textContent(),
      '“The first winter the gates froze open.”',
    )
    await reader.waitForSelector('figure.interview-excerpt .excerpt-play')
    if (shots)
      await reader.locator('figure.interview-excerpt').screenshot({ path: join(shots, 'interview-excerpt-story.png') })
    await reader.$eval('figure.interview-excerpt video', v => {
      v.addEventListener(
        'playing',
        () => {
          ;(v as HTMLVideoElement).dataset.firstPlaying ??= String((v as HTMLVideoElement).currentTime)
        },
        { once: true },
      )
    })
    await reader.click('figure.interview-excerpt .excerpt-play')
    await reader.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('figure.interview-excerpt video')
        return v !== null && v.dataset.firstPlaying !== undefined && v.paused && v.currentTime >= 11.5
      },
      undefined,
      { timeout: 30_000 },
    )
    const [first, now] = await reader.$eval('figure.interview-excerpt video', v => [
      Number((v as HTMLVideoElement).dataset.firstPlaying),
      (v as HTMLVideoElement).currentTime,
    ])
    assert.ok(first >= 3.9 && first < 4.6, `started at ${first}`)
    assert.ok(now <= 12.3, `stopped at ${now}`)
    assert.deepEqual(readerProblems, [])
    await context.close()
  })
})
