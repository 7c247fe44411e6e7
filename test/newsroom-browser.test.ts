// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// The newsroom in a real browser against the real server and the demo newsroom: a
// contributor writes a story with a pull quote and an image and submits it; an editor
// schedules it; it appears on the public site at its time; the editor appends a
// clarification, and the reader's page shows it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer, signInNewsroom } from './browser-helpers.js'

/** A wall-clock time in a zone, as a datetime-local field with seconds wants it. */
function wallTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date)
  const get = (type: string) => parts.find(p => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
}

describe('the newsroom in a real browser', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let browser: Browser
  let base = ''
  const problems: string[] = []

  before(
    async () => {
      server = await startServer({ env: { NODE_ENV: 'development' }, ready: 'Sign in at' })
      base = server.base
      browser = await launchChromium()
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    page.on('console', m => {
      if (m.type() === 'error') problems.push(`${email}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`${email}: ${e.message}`))
    await signInNewsroom(page, base, email)
    return page
  }

  const tool = (page: Page, name: string) =>
    page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

  it('from a contributor’s draft to a scheduled story with a clarification readers see', {
    timeout: 120_000,
  }, async () => {
    // The contributor writes and submits.
    const writer = await signedIn('contributor@longview.example')
    await writer.goto(`${base}/newsroom/stories`)
    await writer.getByRole('link', { name: 'New story' }).click()
    await writer.waitForURL(/\/newsroom\/stories\/new$/)
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
    await writer.waitForURL(/\/newsroom\/stories\/\d+\?done=save$/)
    const storyUrl = writer.url().replace(/\?.*$/, '')
    await writer.getByRole('button', { name: 'Submit for review' }).click()
    await writer.waitForLoadState('networkidle')
    assert.match((await writer.locator('.nr-status').textContent()) ?? '', /in review/)
    assert.equal(await writer.getByRole('button', { name: 'Publish now' }).count(), 0, 'a contributor cannot publish')

    // The editor schedules it a few seconds ahead, in the newsroom's time zone.
    const editor = await signedIn('editor@longview.example')
    await editor.goto(storyUrl)
    const at = new Date(Date.now() + 20_000)
    await editor.getByLabel('Publish at').fill(wallTime(at, 'America/New_York'))
    await editor.getByRole('button', { name: 'Schedule' }).click()
    await editor.waitForLoadState('networkidle')
    assert.match((await editor.locator('.nr-status').textContent()) ?? '', /scheduled/)

    const reader = await (await browser.newContext()).newPage()
    const publicUrl = `${base}/stories/reservoir-levels-fall-for-a-third-summer`
    const early = (await reader.goto(publicUrl))?.status()
    // On a badly overloaded machine the steps above can outlast the wait; only then is this unknowable.
    if (Date.now() < at.getTime() - 1000) assert.equal(early, 404, 'not public before its time')
    let status = early ?? 404
    const deadline = Date.now() + 60_000
    while (status !== 200 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 500))
      status = (await reader.goto(publicUrl))?.status() ?? 0
    }
    assert.equal(status, 200, 'published at its time')
    assert.ok(Date.now() >= at.getTime() - 1000)
    assert.equal(await reader.locator('.pull-quote figcaption').textContent(), '— Odile Mensah, ferry operator')
    assert.equal(await reader.locator('.story__body figure.body-image img').count(), 1)

    // The editor appends a clarification; the reader sees it.
    await editor.goto(`${storyUrl}/corrections`)
    await editor.getByLabel('Kind', { exact: true }).selectOption('clarification')
    await editor
      .getByLabel('Text', { exact: true })
      .fill('This story now says which of the three towns draws the most water.')
    await editor.getByRole('button', { name: 'Append', exact: true }).click()
    await editor.waitForLoadState('networkidle')
    await reader.goto(publicUrl)
    const corrections = await reader.locator('#corrections').textContent()
    assert.match(corrections ?? '', /Clarification/)
    assert.match(corrections ?? '', /draws the most water/)
    assert.deepEqual(problems, [])
  })

  /** The story form's autosave answers, as they come. */
  const autosaved = (page: Page) =>
    page.waitForResponse(r => r.request().method() === 'POST' && /\/autosave$/.test(new URL(r.url()).pathname))

  it('a story typed and published with Publish now, never saved, reaches readers whole', {
    timeout: 120_000,
  }, async () => {
    const editor = await signedIn('editor@longview.example')
    await editor.goto(`${base}/newsroom/stories`)
    await editor.getByRole('link', { name: 'New story' }).click()
    await editor.waitForURL(/\/newsroom\/stories\/new$/)
    await editor.getByLabel('Headline').fill('The ferry timetable nobody reads')
    await editor.getByLabel('Dek').fill('A schedule pinned to a pier since 1988.')
    const body = editor.getByRole('textbox', { name: 'Story body' })
    await body.click()
    await editor.keyboard.type('The timetable on the pier has not changed in decades.')
    // The last words go in a moment before the button, with no pause for autosave.
    await editor.keyboard.press('Enter')
    await editor.keyboard.type('Added right before publishing.')
    await editor.getByRole('button', { name: 'Publish now' }).click()
    await editor.waitForURL(/\/newsroom\/stories\/\d+\?done=publish$/)
    const notice = editor.locator('.nr-notice--ok')
    assert.match((await notice.textContent()) ?? '', /Published\./)
    const live = await notice.locator('a[data-done-link]').getAttribute('href')
    assert.equal(live, '/stories/the-ferry-timetable-nobody-reads')

    const reader = await (await browser.newContext()).newPage()
    assert.equal((await reader.goto(`${base}${live}`))?.status(), 200)
    const text = (await reader.locator('.story__body').textContent()) ?? ''
    assert.match(text, /has not changed in decades/)
    assert.match(text, /Added right before publishing\./, 'the edit made right before Publish now is published')
    assert.match((await reader.locator('h1').textContent()) ?? '', /The ferry timetable nobody reads/)

    // An edit to the published story, typed and published again at once, is what readers see.
    await body.click()
    await editor.keyboard.press('Control+End')
    await editor.keyboard.type(' And one more line.')
    await editor.getByRole('button', { name: 'Save' }).click()
    await editor.waitForURL(/done=save$/)
    await reader.reload()
    assert.match((await reader.locator('.story__body').textContent()) ?? '', /And one more line\./)
    assert.deepEqual(problems, [])
  })

  it('Publish now without a headline comes back with the text typed and the reason beside the headline', {
    timeout: 120_000,
  }, async () => {
    const editor = await signedIn('editor@longview.example')
    await editor.goto(`${base}/newsroom/stories/new`)
    await editor.getByLabel('Dek').fill('A dek typed before the headline.')
    await editor.getByRole('textbox', { name: 'Story body' }).click()
    await editor.keyboard.type('A paragraph that must not be lost.')
    await editor.getByRole('button', { name: 'Publish now' }).click()
    await editor.waitForLoadState('domcontentloaded')
    await editor.waitForSelector('#title-error:not([hidden])')
    assert.match((await editor.locator('#title-error').textContent()) ?? '', /headline cannot be empty/)
    assert.equal(await editor.getByLabel('Headline').getAttribute('aria-invalid'), 'true')
    assert.equal(await editor.getByLabel('Dek').inputValue(), 'A dek typed before the headline.')
    assert.match(
      (await editor.getByRole('textbox', { name: 'Story body' }).textContent()) ?? '',
      /A paragraph that must not be lost\./,
    )
    await editor
      .locator('.nr-layout, body')
      .first()
      .screenshot({ path: '/tmp/newsreel-publish-refused.png' })
      .catch(() => undefined)
    // The page knows its text is not saved: leaving asks first.
    let asked = ''
    editor.once('dialog', dialog => {
      asked = dialog.type()
      void dialog.dismiss()
    })
    await editor.getByRole('link', { name: 'Stories', exact: true }).first().click()
    await new Promise(resolve => setTimeout(resolve, 500))
    assert.equal(asked, 'beforeunload', 'leaving with unsaved changes asks first')
    assert.match(editor.url(), /\/newsroom\/stories$/, 'the refused post left the address of the list form')
    assert.equal(
      await editor.getByLabel('Dek').inputValue(),
      'A dek typed before the headline.',
      'staying keeps the text',
    )
    problems.length = 0
  })

  it('autosave makes the story on its first save, survives a dropped connection, and leaving a saved page does not ask', {
    timeout: 120_000,
  }, async () => {
    const editor = await signedIn('editor@longview.example')
    await editor.goto(`${base}/newsroom/stories/new`)
    await editor.getByLabel('Headline').fill('Notes from the night ferry')
    // Typing and leaving before autosave runs asks first.
    let asked = ''
    editor.once('dialog', dialog => {
      asked = dialog.type()
      void dialog.dismiss()
    })
    await editor.getByRole('link', { name: 'Stories', exact: true }).first().click()
    await new Promise(resolve => setTimeout(resolve, 500))
    assert.equal(asked, 'beforeunload')
    assert.match(editor.url(), /\/newsroom\/stories\/new$/)

    // The first autosave makes the story, and the page takes its address.
    const first = await autosaved(editor)
    assert.equal(first.status(), 200)
    await editor.waitForURL(/\/newsroom\/stories\/\d+$/)
    assert.match((await editor.locator('[data-autosave-status]').textContent()) ?? '', /Draft saved at/)

    // The connection drops: autosave says so, keeps the text and tries again by itself.
    let refused = 0
    await editor.route('**/autosave', route => {
      refused += 1
      return route.abort('connectionrefused')
    })
    await editor.getByLabel('Dek').fill('Typed while the newsroom was unreachable.')
    await editor.waitForFunction(
      () => /Trying again/.test(document.querySelector('[data-autosave-status]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    )
    await editor.unroute('**/autosave')
    const retried = await autosaved(editor)
    assert.equal(retried.status(), 200)
    assert.ok(refused >= 1)
    await editor.waitForFunction(() =>
      /Draft saved at/.test(document.querySelector('[data-autosave-status]')?.textContent ?? ''),
    )

    // Saved: leaving asks nothing, and the stored draft holds the dek typed offline.
    let askedAgain = false
    editor.once('dialog', dialog => {
      askedAgain = true
      void dialog.accept()
    })
    await editor.getByRole('link', { name: 'Stories', exact: true }).first().click()
    await editor.waitForURL(/\/newsroom\/stories$/)
    assert.equal(askedAgain, false)
    await editor.getByRole('link', { name: 'Notes from the night ferry' }).click()
    assert.equal(await editor.getByLabel('Dek').inputValue(), 'Typed while the newsroom was unreachable.')
    problems.length = 0
  })
})
