// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// Signing up in a real browser against the real server, which mails a real SMTP server: with
// JavaScript the band on a story page answers inline and the confirmation link works in the
// browser; without JavaScript the same form posts and lands on the thank-you page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer } from './browser-helpers.js'
import { makeStory } from './factories.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { migrateToLatest, openDatabase } from '../src/db/index.js'

const THANKS =
  'Thank you! Your subscription request has been received. Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.'

describe('newsletter sign-up in a real browser', { skip: chromiumMissing() }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-signup-browser-'))
  let server: RunningServer
  let browser: Browser
  let smtp: TestSmtp
  let storyPath = ''
  const problems: string[] = []

  before(
    async () => {
      const database = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'newsreel.db') })
      try {
        await migrateToLatest(database)
        storyPath = `/stories/${(await makeStory(database.db, { slug: 'a-story-with-a-band', title: 'A story with a band' })).slug}`
      } finally {
        await database.close()
      }
      smtp = await startSmtpServer()
      server = await startServer({
        env: { NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: 'false', SMTP_URL: smtp.url },
      })
      browser = await launchChromium()
    },
    { timeout: 60_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.close()
  })

  function watch(page: Page): void {
    // The refused address is a 400 on purpose; Chromium reports every 4xx fetch on the console.
    page.on('console', m => {
      if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
  }

  it('with JavaScript, the band on a story page signs up inline, and the mailed link confirms in the browser', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    watch(page)
    await page.goto(server.base + storyPath)
    const band = page.locator('.newsletter-band form.newsletter-form')

    // An address the browser accepts but we do not: the error appears inline, on the field.
    await band.locator('input[name="email"]').fill('reader@localhost')
    await band.locator('button[type="submit"]').click()
    await band.locator('.newsletter-form__error', { hasText: 'valid email address' }).waitFor()
    assert.equal(await band.locator('input[name="email"]').getAttribute('aria-invalid'), 'true')
    assert.equal(page.url(), server.base + storyPath, 'the reader stayed on the story')

    await band.locator('input[name="email"]').fill('inline@example.org')
    await band.locator('button[type="submit"]').click()
    const status = band.locator('.newsletter-form__status[role="status"]')
    await status.filter({ hasText: THANKS }).waitFor()
    assert.equal(page.url(), server.base + storyPath)
    assert.ok(await band.locator('.newsletter-form__error').isHidden(), 'the earlier error is gone')
    assert.ok(await band.locator('input[name="email"]').isHidden(), 'the field makes way for the thanks')

    const mail = smtp.to('inline@example.org')[0]
    assert.ok(mail, 'the confirmation mail arrived')
    const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
    const link = new RegExp(`${server.base}/newsletter/confirm\\?[\\w=&%-]+`).exec(unfolded)?.[0]
    assert.ok(link)
    await page.goto(link)
    await page.getByRole('button', { name: 'Confirm my subscription' }).click()
    await page.getByRole('heading', { level: 1, name: 'You are subscribed' }).waitFor()
    assert.ok((await page.locator('main').textContent())?.includes('The weekly newsletter'))
    await page.close()
    assert.deepEqual(problems, [])
  })

  it('without JavaScript, the same form posts and lands on the thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(server.base + storyPath)
    const band = page.locator('.newsletter-band form.newsletter-form')
    await band.locator('input[name="email"]').fill('no-script@example.org')
    await Promise.all([page.waitForURL(`${server.base}/newsletter`), band.locator('button[type="submit"]').click()])
    await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor()
    assert.ok((await page.locator('main').textContent())?.includes('Your subscription request has been received.'))
    assert.equal(smtp.to('no-script@example.org').length, 1)
    await context.close()
  })
})
