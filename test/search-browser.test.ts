// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// Search as you type in a real browser against the real server: typing the start of a word in
// the header's search box offers matching work; the arrow keys and Enter open one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer } from './browser-helpers.js'
import { makeDocumentary, makeStory, paragraphs } from './factories.js'
import { migrateToLatest, openDatabase } from '../src/db/index.js'

describe('search as you type in a real browser', { skip: chromiumMissing() }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-search-browser-'))
  let server: RunningServer
  let browser: Browser
  const problems: string[] = []

  before(
    async () => {
      const database = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'newsreel.db') })
      try {
        await migrateToLatest(database)
        await makeStory(database.db, {
          slug: 'the-glassworks-ledger',
          title: 'The glassworks ledger',
          body: paragraphs('Furnaces and payrolls.'),
        })
        await makeDocumentary(database.db, { slug: 'glass-harbour', title: 'Glass Harbour', synopsis: 'A port town.' })
      } finally {
        await database.close()
      }
      server = await startServer({ env: { NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: 'false' } })
      browser = await launchChromium()
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('offers suggestions for the start of a word, and arrow keys with Enter open one', async () => {
    const page = await browser.newPage()
    page.on('console', m => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    await page.goto(`${server.base}/`)
    const box = page.getByRole('combobox', { name: 'Search the site' })
    await box.click()
    await box.pressSequentially('glassw', { delay: 30 })
    const listbox = page.getByRole('listbox', { name: 'Suggestions' })
    await listbox.getByRole('option').first().waitFor()
    assert.equal(await box.getAttribute('aria-expanded'), 'true')
    const options = await listbox.getByRole('option').allTextContents()
    assert.ok(options[0]?.includes('The glassworks ledger'), options.join(' | '))
    assert.ok(options.at(-1)?.includes('See all results for “glassw”'), options.join(' | '))
    await box.press('ArrowDown')
    const activeId = await box.getAttribute('aria-activedescendant')
    assert.ok(activeId)
    assert.equal(await page.locator(`#${activeId}`).getAttribute('aria-selected'), 'true')
    await box.press('Escape')
    assert.equal(await box.getAttribute('aria-expanded'), 'false')
    await box.fill('glassworks led')
    await listbox.getByRole('option').first().waitFor()
    await box.press('ArrowDown')
    await Promise.all([page.waitForURL(`${server.base}/stories/the-glassworks-ledger`), box.press('Enter')])
    assert.deepEqual(problems, [])
  })

  it('without a chosen suggestion, Enter submits the form to the search page', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.base}/`)
    const box = page.getByRole('combobox', { name: 'Search the site' })
    await box.fill('glass')
    await Promise.all([page.waitForURL(/\/search\?q=glass$/), box.press('Enter')])
    assert.match(await page.content(), /1 result for “glass”[\s\S]*<mark>Glass<\/mark> Harbour/)
  })

  it('the results page fits a phone without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    for (const path of ['/search?q=glass', '/search?q=nothingmatchesthis', '/search']) {
      await page.goto(`${server.base}${path}`)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px on a phone`)
    }
  })
})
