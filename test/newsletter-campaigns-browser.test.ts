// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// A newsletter campaign in a real browser against the real server, its demo newsroom and a real
// SMTP server: an editor writes the intro in the body editor, chooses a story, previews the
// mail, sends a test to herself, then sends it now; the confirmed subscribers get it, the page
// shows the figures and the web version opens.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer, signInNewsroom } from './browser-helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'

const READERS = ['ada@readers.example', 'grace@readers.example']

/** Subscribes confirmed readers to the demo's weekly list, straight in the server's database. */
function addReaders(file: string): void {
  const db = new Sqlite(file)
  try {
    const now = new Date().toISOString()
    const list = db.prepare("select id from newsletter_lists where slug = 'weekly'").get() as { id: number }
    for (const email of READERS) {
      const { lastInsertRowid } = db
        .prepare(
          "insert into newsletter_subscribers (email, status, source, created_at, updated_at, confirmed_at, consent) values (?, 'confirmed', 'test', ?, ?, ?, 'test')",
        )
        .run(email, now, now, now)
      db.prepare('insert into newsletter_subscriptions (subscriber_id, list_id, created_at) values (?, ?, ?)').run(
        lastInsertRowid,
        list.id,
        now,
      )
    }
  } finally {
    db.close()
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise(resolve => setTimeout(resolve, 300))
  }
}

describe('newsletter campaigns in a real browser', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let smtp: TestSmtp
  let browser: Browser
  let dbDir = ''
  const problems: string[] = []

  before(
    async () => {
      smtp = await startSmtpServer()
      dbDir = mkdtempSync(join(tmpdir(), 'newsreel-campaign-db-'))
      const file = join(dbDir, 'newsreel.db')
      server = await startServer({
        env: { NODE_ENV: 'development', SMTP_URL: smtp.url, DATABASE_URL: `file:${file}` },
        ready: 'Sign in at',
      })
      addReaders(file)
      browser = await launchChromium()
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.close()
    if (dbDir) rmSync(dbDir, { recursive: true, force: true })
  })

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    page.on('console', m => {
      if (m.type() === 'error') problems.push(`${email}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`${email}: ${e.message}`))
    await signInNewsroom(page, server.base, email)
    return page
  }

  it('an editor composes a campaign with a rich-text intro, previews it, tests it and sends it now', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('editor@longview.example')
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Newsletter' }).click()
    await page.getByRole('link', { name: 'New campaign' }).click()
    await page.getByLabel('Subject').fill('The week on the river')
    await page.getByLabel('Preheader').fill('A film, a story and a letter from the editor')

    // The intro, written in the body editor with a bold word.
    const intro = page.getByRole('textbox', { name: 'Campaign intro' })
    await intro.click()
    await page.keyboard.type('Dear readers, this week we went ')
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold', exact: true }).click()
    await page.keyboard.type('upstream')
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold', exact: true }).click()
    await page.keyboard.type('.')
    const story = page.getByLabel('Story 1')
    await story.selectOption({ index: 1 })
    const storyTitle = (await story.locator('option:checked').textContent())?.replace(/ \([^)]*\)$/, '') ?? ''
    assert.ok(storyTitle.length > 0)
    await page.getByRole('button', { name: 'Create the campaign' }).click()
    await page.waitForURL(/\/newsroom\/newsletter\/campaigns\/\d+\?done=created$/)
    const campaignUrl = page.url().replace(/\?.*$/, '')
    const id = Number(/(\d+)$/.exec(campaignUrl)?.[1])

    // The preview frame shows the mail: the intro with its bold word, and the story's card.
    const preview = page.frameLocator('iframe[title="Preview of the mail"]')
    await preview.locator('strong', { hasText: 'upstream' }).waitFor()
    assert.match((await preview.locator('body').textContent()) ?? '', /Dear readers, this week we went upstream\./)
    assert.ok(((await preview.locator('body').textContent()) ?? '').includes(storyTitle), 'the chosen story is a card')

    // A test to herself only.
    await page.getByRole('button', { name: 'Send a test' }).click()
    await page.waitForURL(/done=tested/)
    await until('the test arrives', () => smtp.to('editor@longview.example').length === 1)
    assert.equal(smtp.to('editor@longview.example')[0]!.headers.get('subject'), '[Test] The week on the river')
    for (const reader of READERS) assert.equal(smtp.to(reader).length, 0)

    // Send now, after the confirmation that says whom it reaches.
    await page.getByRole('link', { name: 'Send now…' }).click()
    assert.match((await page.locator('main').textContent()) ?? '', /2 confirmed subscribers of The weekly newsletter/)
    await page.getByRole('button', { name: 'Send it now to 2 subscribers' }).click()
    await page.waitForURL(/done=sending/)
    await until('every reader has it', () => READERS.every(r => smtp.to(r).length === 1))
    const mail = smtp.to(READERS[0]!)[0]!
    assert.equal(mail.headers.get('subject'), 'The week on the river')
    assert.match(mail.raw, /Content-Type: text\/plain/)
    await until('the page says sent', async () => {
      await page.goto(campaignUrl)
      return /Sent/.test((await page.locator('.nr-status').first().textContent()) ?? '')
    })
    assert.match((await page.locator('#figures-heading + p + ul').textContent()) ?? '', /2Sent/)
    assert.equal(
      await page.getByRole('button', { name: 'Save the campaign' }).count(),
      0,
      'a sent campaign is not edited',
    )

    // The web version is public now.
    const reader = await (await browser.newContext()).newPage()
    assert.equal((await reader.goto(`${server.base}/newsletter/issues/${id}`))?.status(), 200)
    assert.equal(await reader.locator('h1').textContent(), 'The week on the river')
    assert.deepEqual(problems, [])
  })
})
