// The featured film's trailer on /documentaries in Chromium: nothing plays until the reader
// presses "Watch the trailer"; then a player takes the poster's place and plays the passage
// MUTED. Without JavaScript the same control is a link to the film page at the passage's time.
// On a phone the feature stays compact: its title and the button are in the first screen.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { testApp } from './helpers.js'
import { makeDocumentary, makeExcerpt, makeImage } from './factories.js'
import { chromiumMissing, launchChromium } from './browser-helpers.js'
import { storeReadyFilm } from './media-fixtures.js'

type App = Awaited<ReturnType<typeof testApp>>

describe("the featured film's trailer", { skip: chromiumMissing() }, () => {
  let t: App
  let browser: Browser
  let base = ''

  before(
    async () => {
      t = await testApp()
      const db = t.database.db
      const poster = await makeImage(db, { alt: 'A test card', width: 1200, height: 1800 })
      const film = await makeDocumentary(db, {
        slug: 'test-card',
        title: 'The Test Card',
        dek: 'Twelve seconds of colour and a tone, watched closely by the people who made them.',
        runtimeSeconds: 12,
        posterId: poster.id,
      })
      await makeExcerpt(db, film.id, { title: 'The middle', startSeconds: 3, endSeconds: 9 })
      await storeReadyFilm(t, film.id)
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
    },
    { timeout: 90_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
  })

  it("plays nothing before the press, then puts a muted player of the passage in the poster's place", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${base}/documentaries`, { waitUntil: 'load' })
    // The island has turned the link into a button; nothing plays yet, not even a silent video.
    const button = page.locator('.featured-film button', { hasText: 'Watch the trailer' })
    await button.waitFor()
    assert.equal(await page.locator('.featured-film__media video').count(), 0, 'no player before the press')
    assert.equal(
      await page.evaluate(() =>
        [...document.querySelectorAll('video, audio')].some(m => !(m as HTMLMediaElement).paused),
      ),
      false,
    )
    assert.equal(await page.locator('.featured-film__poster').count(), 1)

    await button.click()
    const video = page.locator('.featured-film__media video')
    await video.waitFor()
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('.featured-film__media video')
        return v !== null && !v.paused && v.currentTime >= 3
      },
      undefined,
      { timeout: 15_000 },
    )
    assert.equal(await video.evaluate(v => (v as HTMLVideoElement).muted), true, 'the trailer plays muted')
    assert.equal(await page.locator('.featured-film__poster').count(), 0, "the player is in the poster's place")
    assert.ok(await page.locator('.featured-film__media.is-playing').isVisible())
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('without JavaScript, "Watch the trailer" is a link to the film page at the passage', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/documentaries`, { waitUntil: 'load' })
    const link = page.locator('.featured-film a', { hasText: 'Watch the trailer' })
    assert.equal(await link.getAttribute('href'), '/documentaries/test-card?t=3#watch')
    assert.equal(await page.locator('video').count(), 0)
    const [response] = await Promise.all([page.waitForNavigation(), link.click()])
    assert.equal(response?.status(), 200)
    assert.equal(new URL(page.url()).pathname, '/documentaries/test-card')
    assert.equal(new URL(page.url()).searchParams.get('t'), '3')
    assert.ok(await page.locator('#watch video').isVisible(), 'the film page opens on its player')
    await context.close()
  })

  it('on a phone the feature is compact: its title and the button are in the first screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(`${base}/documentaries`, { waitUntil: 'load' })
    const button = page.locator('.featured-film button', { hasText: 'Watch the trailer' })
    await button.waitFor()
    const title = await page.locator('#featured-film-title').boundingBox()
    const press = await button.boundingBox()
    const poster = await page.locator('.featured-film__poster').boundingBox()
    assert.ok(title && press && poster)
    assert.ok(title.y + title.height <= 844, `the title ends at ${title.y + title.height}px`)
    assert.ok(press.y + press.height <= 844, `the button ends at ${press.y + press.height}px`)
    assert.ok(poster.height <= 844 * 0.4, `the poster is ${poster.height}px high`)
    await button.click()
    await page.locator('.featured-film__media video').waitFor()
    const player = await page.locator('.featured-film__media').boundingBox()
    assert.ok(player && player.width >= 300, 'the playing trailer takes the width')
    await page.close()
  })
})
