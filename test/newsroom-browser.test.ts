// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// The newsroom in a real browser against the real server and the demo newsroom: a
// contributor writes a story with a pull quote and an image and submits it; an editor
// schedules it; it appears on the public site at its time; the editor appends a
// clarification, and the reader's page shows it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer } from './browser-helpers.js'

const PASSWORD = 'long-view-demo-2026'

/** A wall-clock time in a zone, as a datetime-local field with seconds wants it. */
function wallTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
}

describe('the newsroom in a real browser', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let browser: Browser
  let base = ''
  const problems: string[] = []

  before(async () => {
    server = await startServer({ env: { NODE_ENV: 'development' }, ready: 'Sign in at' })
    base = server.base
    browser = await launchChromium()
  }, { timeout: 300_000 })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${email}: ${m.text()}`) })
    page.on('pageerror', (e) => problems.push(`${email}: ${e.message}`))
    await page.goto(`${base}/newsroom`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${base}/newsroom`)
    return page
  }

  const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

  it('from a contributor’s draft to a scheduled story with a clarification readers see', { timeout: 120_000 }, async () => {
    // The contributor writes and submits.
    const writer = await signedIn('contributor@longview.example')
    await writer.goto(`${base}/newsroom/stories`)
    await writer.getByRole('button', { name: 'New story' }).click()
    await writer.waitForURL(/\/newsroom\/stories\/\d+$/)
    const storyUrl = writer.url()
    await writer.getByLabel('Headline').fill('Reservoir levels fall for a third summer')
    await writer.getByLabel('Dek').fill('Three towns share one shrinking lake.')
    const body = writer.getByRole('textbox', { name: 'Story body' })
    await body.click()
    await writer.keyboard.type('The water line on the old pier is a full meter lower than in June.')
    await writer.keyboard.press('Enter')
    await writer.keyboard.type('We measure the summer by the pier now.')
    await tool(writer, 'Pull quote').click()
    await writer.getByLabel(/Attribution/).fill('Odile Mensah, ferry operator')
    await writer.keyboard.press('Enter')
    await writer.keyboard.press('End')
    await writer.keyboard.press('Enter')
    await tool(writer, 'Image').click()
    await writer.getByRole('dialog', { name: 'Insert an image' }).locator('.be-picker__item').first().click()
    await writer.getByRole('button', { name: 'Save', exact: true }).click()
    await writer.waitForURL(/saved=1/)
    await writer.getByRole('button', { name: 'Submit for review' }).click()
    await writer.waitForLoadState('networkidle')
    assert.match(await writer.locator('.nr-status').textContent() ?? '', /in review/)
    assert.equal(await writer.getByRole('button', { name: 'Publish now' }).count(), 0, 'a contributor cannot publish')

    // The editor schedules it a few seconds ahead, in the newsroom's time zone.
    const editor = await signedIn('editor@longview.example')
    await editor.goto(storyUrl)
    const at = new Date(Date.now() + 20_000)
    await editor.getByLabel('Publish at').fill(wallTime(at, 'America/New_York'))
    await editor.getByRole('button', { name: 'Schedule' }).click()
    await editor.waitForLoadState('networkidle')
    assert.match(await editor.locator('.nr-status').textContent() ?? '', /scheduled/)

    const reader = await (await browser.newContext()).newPage()
    const publicUrl = `${base}/stories/reservoir-levels-fall-for-a-third-summer`
    const early = (await reader.goto(publicUrl))?.status()
    // On a badly overloaded machine the steps above can outlast the wait; only then is this unknowable.
    if (Date.now() < at.getTime() - 1000) assert.equal(early, 404, 'not public before its time')
    let status = early ?? 404
    const deadline = Date.now() + 60_000
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      status = (await reader.goto(publicUrl))?.status() ?? 0
    }
    assert.equal(status, 200, 'published at its time')
    assert.ok(Date.now() >= at.getTime() - 1000)
    assert.equal(await reader.locator('.pull-quote figcaption').textContent(), '— Odile Mensah, ferry operator')
    assert.equal(await reader.locator('.story__body figure.body-image img').count(), 1)

    // The editor appends a clarification; the reader sees it.
    await editor.goto(`${storyUrl}/corrections`)
    await editor.getByLabel('Kind', { exact: true }).selectOption('clarification')
    await editor.getByLabel('Text', { exact: true }).fill('This story now says which of the three towns draws the most water.')
    await editor.getByRole('button', { name: 'Append', exact: true }).click()
    await editor.waitForLoadState('networkidle')
    await reader.goto(publicUrl)
    const corrections = await reader.locator('#corrections').textContent()
    assert.match(corrections ?? '', /Clarification/)
    assert.match(corrections ?? '', /draws the most water/)
    assert.deepEqual(problems, [])
  })
})
