// test-database: none (it runs a server on its own SQLite file, so the PostgreSQL pass leaves it out)
// The newsroom's pickers in a real browser against the demo newsroom: the story editor's
// authors and topics chosen from the keyboard alone in the searchable multi-selects, saved and
// found again; the same form without JavaScript, where the plain selects still post; and the
// image picker's search and pages.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  chromiumMissing,
  launchChromium,
  startServer,
  type RunningServer,
  cspViolations,
  recordCspViolations,
  signInNewsroom,
} from './browser-helpers.js'

describe('the newsroom’s pickers in a real browser', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let browser: Browser
  let base = ''
  const problems: string[] = []

  before(
    async () => {
      server = await startServer({ env: { NODE_ENV: 'development', RUN_JOBS: 'false' }, ready: 'Sign in at' })
      base = server.base
      browser = await launchChromium()
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function signedIn(
    email: string,
    options: { javaScript?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
    })
    const page = await context.newPage()
    page.on('console', m => {
      if (m.type() === 'error') problems.push(`${email}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`${email}: ${e.message}`))
    await recordCspViolations(page)
    await signInNewsroom(page, base, email)
    return { context, page }
  }

  /** Opens the editor for a new story and types its headline. */
  async function newStory(page: Page, headline: string): Promise<void> {
    await page.goto(`${base}/newsroom/stories`)
    await page
      .getByRole('link', { name: 'New story' })
      .or(page.getByRole('button', { name: 'New story' }))
      .click()
    await page.waitForURL(/\/newsroom\/stories\/(new|\d+)$/)
    await page.getByLabel('Headline').fill(headline)
  }

  /** Clicks Save, waits for the page the save answers with, and returns the story's editor address. */
  async function save(page: Page): Promise<string> {
    const answered = page.waitForResponse(
      r => r.request().method() === 'POST' && /^\/newsroom\/stories(\/new|\/\d+)?$/.test(new URL(r.url()).pathname),
    )
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const response = await answered
    assert.ok(response.status() < 400, `the save is accepted (${response.status()})`)
    await page.waitForURL(/\/newsroom\/stories\/\d+(\?.*)?$/)
    await page.waitForLoadState('load')
    const url = new URL(page.url())
    return `${url.origin}${url.pathname}`
  }

  /** The names a multi-select holds selected, read from the select the form posts. */
  const chosen = (page: Page, id: string) =>
    page
      .locator(`select#${id}`)
      .evaluate((select: HTMLSelectElement) => [...select.selectedOptions].map(o => o.text.trim()))
  const chips = (page: Page, name: string) =>
    page
      .getByRole('list', { name: `${name}: chosen` })
      .getByRole('listitem')
      .allInnerTexts()
      .then(texts => texts.map(t => t.replace(/×$/, '').trim()))
  const violations = cspViolations

  it('picks an author and two topics with the keyboard alone, saves, and finds them stored', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedIn('editor@longview.example')
    await newStory(page, 'Chosen from the keyboard')
    const editorUrl = page.url()
    const authorsBefore = await chosen(page, 'authors')

    const authors = page.getByRole('combobox', { name: 'Authors' })
    assert.equal(await page.locator('select#authors').isHidden(), true, 'the plain select gives way to the combobox')
    await authors.focus()
    await page.keyboard.type('noor h')
    const list = page.getByRole('listbox', { name: 'Authors' })
    await list.waitFor()
    assert.equal(await authors.getAttribute('aria-expanded'), 'true')
    assert.deepEqual(await list.getByRole('option').allInnerTexts(), ['Noor Haddad'])
    assert.equal(await list.getByRole('option', { name: 'Noor Haddad' }).getAttribute('aria-selected'), 'true')
    await page.keyboard.press('Enter')
    assert.equal(page.url(), editorUrl, 'Enter picks; it does not submit the form')
    assert.equal(await authors.inputValue(), '')
    assert.equal(await list.isHidden(), true)
    assert.deepEqual(
      await chosen(page, 'authors'),
      [...new Set([...authorsBefore, 'Noor Haddad'])].sort(byOptionOrder(await optionOrder(page, 'authors'))),
    )
    assert.equal(
      await page.getByRole('button', { name: 'Remove Noor Haddad' }).count(),
      1,
      'the chip has a labelled Remove button',
    )

    const topics = page.getByRole('combobox', { name: 'Topics' })
    const topicsBox = page.locator('.nr-combobox', { has: topics })
    await topics.focus()
    // Accents and case do not matter; names that start with what was typed come first.
    await page.keyboard.type('CLÏM')
    await page.keyboard.press('Enter')
    await page.keyboard.type('j')
    const topicList = page.getByRole('listbox', { name: 'Topics' })
    assert.deepEqual((await topicList.getByRole('option').allInnerTexts()).slice(0, 2), [
      'Journalism Under Threat',
      'Criminal Justice',
    ])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowDown')
    assert.equal(
      await topicList.getByRole('option', { name: 'Criminal Justice' }).getAttribute('aria-selected'),
      'true',
    )
    assert.equal(
      await topics.getAttribute('aria-activedescendant'),
      await topicList.getByRole('option', { name: 'Criminal Justice' }).getAttribute('id'),
    )
    await page.keyboard.press('Enter')
    // A third one, taken back with Backspace in the empty field.
    await page.keyboard.type('world')
    await page.keyboard.press('Enter')
    assert.deepEqual(await chips(page, 'Topics'), ['Climate and Environment', 'Criminal Justice', 'World'])
    await page.keyboard.press('Backspace')
    assert.deepEqual(await chips(page, 'Topics'), ['Climate and Environment', 'Criminal Justice'])
    assert.match((await topicsBox.getByRole('status').textContent()) ?? '', /World removed\. 2 chosen\./)
    // Nothing matches: said so; Escape closes, a second Escape clears the field.
    await page.keyboard.type('zzz')
    assert.equal(await topicsBox.locator('.nr-combobox__none').isVisible(), true)
    assert.equal(await topicsBox.getByRole('status').textContent(), 'Nothing matches.')
    await page.keyboard.press('Escape')
    assert.equal(await topicsBox.locator('.nr-combobox__none').isVisible(), false)
    assert.equal(await topics.inputValue(), 'zzz')
    await page.keyboard.press('Escape')
    assert.equal(await topics.inputValue(), '')
    assert.deepEqual(await chosen(page, 'topics'), ['Climate and Environment', 'Criminal Justice'])
    await page
      .locator('form')
      .filter({ has: topics })
      .screenshot({ path: '/tmp/pickers-combobox.png' })
      .catch(() => undefined)

    const storyUrl = await save(page)
    await page.goto(storyUrl)
    assert.deepEqual(
      await chosen(page, 'topics'),
      ['Climate and Environment', 'Criminal Justice'],
      'the topics are stored',
    )
    assert.ok((await chosen(page, 'authors')).includes('Noor Haddad'), 'the author is stored')
    assert.deepEqual(
      await chips(page, 'Topics'),
      ['Climate and Environment', 'Criminal Justice'],
      'the stored choices come back as chips',
    )
    assert.deepEqual(await violations(page), [])
    assert.deepEqual(problems, [])
    await context.close()
  })

  it('without JavaScript the plain multi-selects are there and still post', { timeout: 120_000 }, async () => {
    const { context, page } = await signedIn('editor@longview.example', { javaScript: false })
    await newStory(page, 'Chosen without script')
    assert.equal(await page.getByRole('combobox', { name: 'Topics' }).count(), 0)
    assert.equal(await page.locator('select#topics').isVisible(), true)
    await page.locator('select#topics').selectOption([{ label: 'Health' }, { label: 'World' }])
    await page.locator('select#authors').selectOption([{ label: 'Farida Osei' }])
    const storyUrl = await save(page)
    await page.goto(storyUrl)
    assert.deepEqual(await chosen(page, 'topics'), ['Health', 'World'])
    assert.deepEqual(await chosen(page, 'authors'), ['Farida Osei'])
    await context.close()
  })

  it('the image picker lists content images, searches on the server and turns pages', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedIn('editor@longview.example')
    await newStory(page, 'A hero from the library')
    await page.getByRole('button', { name: 'Choose or upload…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await dialog.locator('.be-picker__item').first().waitFor()
    const status = dialog.locator('.be-picker__status')
    const total = Number((await status.innerText()).match(/^(\d+) images/)?.[1])
    assert.ok(total > 24, `the demo has more content images than one page holds: ${await status.innerText()}`)
    assert.equal(await dialog.locator('.be-picker__item').count(), 24)
    assert.equal(
      await dialog
        .locator('.be-picker__item')
        .first()
        .evaluate(el => el === document.activeElement),
      true,
      'the first image has the focus',
    )
    const names = await dialog.locator('.be-picker__name').allInnerTexts()
    assert.ok(!names.some(n => /portrait|logo/i.test(n)), `no portraits or logos: ${names.join(' | ')}`)

    await dialog.getByRole('button', { name: 'Next page' }).click()
    await dialog.getByText(/^Page 2 of \d+$/).waitFor()
    const second = await dialog.locator('.be-picker__name').allInnerTexts()
    assert.ok(second.length > 0 && second.every(n => !names.includes(n)), 'page 2 holds other images')
    assert.equal(await dialog.getByRole('button', { name: 'Next page' }).isDisabled(), total <= 48)

    await dialog.getByLabel('Filter').fill('harbour')
    await dialog.getByText(/match “harbour”\.$/).waitFor()
    const found = await dialog.locator('.be-picker__item').allInnerTexts()
    assert.ok(found.length >= 1 && found.length < 24, `the search narrows the list: ${found.join(' | ')}`)
    assert.equal(await dialog.locator('.be-picker__pager').isHidden(), true, 'one page needs no pager')
    await dialog.getByLabel('Filter').fill('no picture is called this')
    await dialog.getByText('No images match “no picture is called this”.').waitFor()

    await dialog.getByLabel('Filter').fill('harbour')
    await dialog.getByLabel('Filter').press('Enter')
    await page.waitForFunction(() => document.activeElement?.classList.contains('be-picker__item'))
    await page.keyboard.press('Enter')
    assert.equal(await dialog.isVisible(), false)
    assert.notEqual(await page.locator('select#hero').inputValue(), '', 'the chosen image is the hero')
    assert.equal(await page.locator('.be-hero__thumb').isVisible(), true, 'and its preview shows')
    assert.deepEqual(problems, [])
    await context.close()
  })
})

/** The names of a select's options in its order. */
function optionOrder(page: Page, id: string): Promise<string[]> {
  return page
    .locator(`select#${id} option`)
    .allInnerTexts()
    .then(texts => texts.map(t => t.trim()))
}

/** Sorts names the way the select lists them (the order the form posts). */
function byOptionOrder(order: string[]): (a: string, b: string) => number {
  return (a, b) => order.indexOf(a) - order.indexOf(b)
}
