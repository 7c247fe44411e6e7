// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// A real browser against the real server with the demo newsroom: pages load, look
// complete, and the console stays clean. Needs Debian's chromium; under CI=true its
// absence fails the run instead of skipping.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import pg from 'pg'
import { chromiumMissing, launchChromium, startServer, type RunningServer } from './browser-helpers.js'

describe('in a real browser', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let browser: Browser
  let base = ''
  // On a PostgreSQL run the server itself runs on PostgreSQL, in a schema of its own.
  const pgUrl = process.env.TEST_DATABASE_URL
  const schema = `browser_${process.pid}`
  let databaseUrl = ''

  async function onPostgres(sql: string) {
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    await client.query(sql)
    await client.end()
  }

  before(
    async () => {
      if (pgUrl) {
        await onPostgres(`create schema ${schema}`)
        databaseUrl = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
      }
      server = await startServer({ env: { DATABASE_URL: databaseUrl } })
      base = server.base
      browser = await launchChromium()
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
    if (pgUrl) await onPostgres(`drop schema if exists ${schema} cascade`)
  })

  async function visit(path: string, width: number) {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    const problems: string[] = []
    page.on('console', m => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    page.on('requestfailed', r => problems.push(`failed request: ${r.url()}`))
    page.on('response', r => {
      if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`)
    })
    const response = await page.goto(base + path, { waitUntil: 'networkidle' })
    return { page, problems, status: response?.status() }
  }

  it('the home page loads with no console errors, its styles applied', async () => {
    const { page, problems, status } = await visit('/', 1280)
    assert.equal(status, 200)
    assert.deepEqual(problems, [])
    const headerColour = await page.$eval('.site-header', el => getComputedStyle(el).backgroundColor)
    assert.notEqual(headerColour, 'rgba(0, 0, 0, 0)', 'the stylesheet is applied')
    assert.ok(await page.$('.story-card--lead'))
    await page.close()
  })

  it('a story page loads on a phone with every part a reader expects and no console errors', async () => {
    const { page, problems, status } = await visit('/stories/fees-and-fines-how-a-ticket-becomes-1400', 390)
    assert.equal(status, 200)
    for (const selector of [
      'h1.story__title',
      '.byline a',
      '.story__hero img',
      '.pull-quote',
      '.story-corrections',
      '.author-box',
      '.topic-chips',
      '.newsletter-form',
      '.funder-credits',
      '.site-footer',
    ]) {
      assert.ok(await page.$(selector), `missing ${selector}`)
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px on a phone`)
    // Scroll through so lazy images load, then check none is broken.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y)
        await new Promise(r => setTimeout(r, 20))
      }
    })
    await page.waitForLoadState('networkidle')
    const broken = await page.$$eval('img', imgs =>
      imgs.filter(i => i.complete && i.naturalWidth === 0).map(i => i.src),
    )
    assert.deepEqual(broken, [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('the keyboard reaches the skip link first and it moves focus to the content', async () => {
    const { page } = await visit('/articles', 1280)
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => location.hash), '#main')
    await page.close()
  })
})
