// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// Uploading images from the story editor in a real browser, against the real server and the
// demo newsroom: an editor uploads a hero image and an image in the body through the picker;
// refusals show the server's reason; a dropped connection is resumed from where the server got
// to; an author is not offered uploading; and a refusal by the API itself (a role taken away
// while the page was open) is shown in words. Needs Debian's chromium; under CI=true its absence
// fails the run instead of skipping.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import {
  chromiumMissing,
  launchChromium,
  startServer,
  type RunningServer,
  cspViolations,
  recordCspViolations,
  signInNewsroom,
} from './browser-helpers.js'

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp'

/** A PNG of coloured noise: noise does not compress, so a big one takes several 5 MB chunks. */
function noisyPng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer()
}

/** A small flat picture, quick to turn into variants. */
function flatPng(color: string): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 450, channels: 3, background: color } })
    .png()
    .toBuffer()
}

describe('uploading images from the story editor', { skip: chromiumMissing() }, () => {
  let server: RunningServer
  let browser: Browser
  let base = ''
  const problems: string[] = []
  // Big files go to the browser by path: as buffers they crawl through the DevTools protocol.
  const files = mkdtempSync(join(tmpdir(), 'newsreel-upload-'))

  before(
    async () => {
      // No background jobs: the demo films' transcodes would only compete with the uploads for the CPU.
      server = await startServer({ env: { NODE_ENV: 'development', RUN_JOBS: 'false' }, ready: 'Sign in at' })
      base = server.base
      browser = await launchChromium()
      // Seeding the demo newsroom (stills, variants, film masters) takes minutes on a busy machine.
    },
    { timeout: 300_000 },
  )

  after(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(files, { recursive: true, force: true })
  })

  async function signedIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const page = await context.newPage()
    page.on('console', m => {
      // A refused upload is an HTTP error the page expects and explains; Chrome logs it anyway.
      if (
        m.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of (403|413|415)/.test(m.text())
      )
        problems.push(`${email}: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`${email}: ${e.message}`))
    await recordCspViolations(page)
    await signInNewsroom(page, base, email)
    return page
  }

  async function newStory(page: Page, headline: string): Promise<void> {
    await page.goto(`${base}/newsroom/stories`)
    await page.getByRole('link', { name: 'New story' }).click()
    await page.waitForURL(/\/newsroom\/stories\/new$/)
    await page.getByLabel('Headline').fill(headline)
    await page.waitForSelector('.be-content')
  }

  const violations = cspViolations
  const tool = (page: Page, name: string) =>
    page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

  /** Opens "Upload a new image" in an open picker and fills it in. */
  async function fillUpload(
    dialog: ReturnType<Page['getByRole']>,
    file: string | { name: string; mimeType: string; buffer: Buffer },
    fields: { alt?: string; caption?: string; credit?: string },
  ) {
    const summary = dialog.getByText('Upload a new image', { exact: true })
    if (!(await dialog.getByLabel('Image file').isVisible())) await summary.click()
    await dialog.getByLabel('Image file').setInputFiles(file)
    await dialog.getByLabel('Alt text (required)').fill(fields.alt ?? '')
    await dialog.getByLabel('Caption (optional)').fill(fields.caption ?? '')
    await dialog.getByLabel('Credit (optional)').fill(fields.credit ?? '')
  }

  it('an editor uploads a hero image in chunks with alt text, saves, and the preview shows it as a <picture> with that alt', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('editor@longview.example')
    await newStory(page, 'The ferry that still runs on Sundays')
    const alt = 'A white ferry crossing a grey lake under low cloud'
    const png = await noisyPng(1700, 1150)
    assert.ok(png.length > 5 * 1024 * 1024, `the test picture should take two chunks (${png.length} bytes)`)
    const ferry = join(files, 'ferry.png')
    writeFileSync(ferry, png)

    await page.getByRole('button', { name: 'Choose or upload…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await fillUpload(dialog, ferry, {
      alt,
      caption: 'The Sunday ferry leaves at nine.',
      credit: 'Photo: Odile Mensah / The Long View',
    })
    await page.locator('.be-hero .be-picker').screenshot({ path: `${SHOTS}/editor-upload-panel-1280.png` })
    await page.screenshot({ path: `${SHOTS}/editor-upload-1280.png` })
    // Every percentage the bar shows, to see the progress move.
    await page.evaluate(() => {
      const seen: string[] = []
      Object.assign(window, { uploadPercents: seen })
      const percent = document.querySelector('.be-hero .be-upload__percent')
      if (percent)
        new MutationObserver(() => seen.push(percent.textContent ?? '')).observe(percent, {
          childList: true,
          characterData: true,
          subtree: true,
        })
    })
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
    const percents = await page.evaluate(() => (window as unknown as { uploadPercents: string[] }).uploadPercents)
    assert.ok(
      percents.some(p => p !== '0%' && p !== '100%'),
      `the bar moved between 0 and 100: ${percents.join(' ')}`,
    )

    // Chosen exactly as a stored image would be: the select holds it, the preview shows it.
    const hero = page.locator('select#hero')
    const id = await hero.inputValue()
    assert.match(id, /^\d+$/)
    assert.equal((await hero.locator('option:checked').textContent())?.trim(), alt)
    assert.match((await page.locator('.be-hero__thumb').getAttribute('src')) ?? '', /^\/media\/images\/uploads\//)
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Choose or upload…',
      'focus returns to the button',
    )
    await page.locator('.be-hero').screenshot({ path: `${SHOTS}/editor-hero-field.png` })

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL(/done=save/)
    assert.equal(await page.locator('select#hero').inputValue(), id, 'the saved story keeps the new hero')

    const preview = await page.getByRole('link', { name: 'Preview' }).getAttribute('href')
    await page.goto(`${base}${preview}`)
    const img = page.locator('figure.story__hero picture img')
    assert.equal(await img.getAttribute('alt'), alt)
    assert.equal(await page.locator('figure.story__hero picture source[type="image/avif"]').count(), 1)
    assert.equal(await page.locator('figure.story__hero picture source[type="image/webp"]').count(), 1)
    assert.match(
      (await page.locator('figure.story__hero figcaption').textContent()) ?? '',
      /Sunday ferry leaves at nine\.\s+Photo: Odile Mensah/,
    )
    await img.evaluate((el: HTMLImageElement) => el.decode())
    assert.ok(await img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0), 'the hero picture loads')
    assert.deepEqual(await violations(page), [])
    assert.deepEqual(problems, [])
    await page.context().close()
  })

  it('in the body: missing alt says why; a text file named .png, an SVG and a file too large are refused with the server’s reasons; an upload becomes the image node', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('editor@longview.example')
    await newStory(page, 'Night trains return to the valley')
    const uploads: string[] = []
    page.on('request', r => {
      if (r.url().includes('/newsroom/api/uploads')) uploads.push(r.method())
    })
    await page.getByRole('textbox', { name: 'Story body' }).click()
    await tool(page, 'Image').click()
    const dialog = page.getByRole('dialog', { name: 'Insert an image' })
    const picture = await flatPng('#3d6b8f')

    // No alt text: refused before anything is sent, with the reason beside the field.
    await fillUpload(dialog, { name: 'platform.png', mimeType: 'image/png', buffer: picture }, {})
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    const altField = dialog.getByLabel('Alt text (required)')
    assert.equal(await altField.getAttribute('aria-invalid'), 'true')
    assert.match(
      await dialog.locator('.be-upload__field .be-form__message').nth(1).innerText(),
      /Alt text is required: say what the picture shows, for people who cannot see it/,
    )
    assert.equal(await altField.evaluate(el => el === document.activeElement), true, 'focus goes to the alt text')
    assert.deepEqual(uploads, [])

    // Text named .png: the server reads the bytes and says no; nothing is chosen and the dialog stays.
    await fillUpload(
      dialog,
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('Notes from the night train, not a picture.\n') },
      { alt: 'Notes' },
    )
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    const refusal = dialog.getByRole('alert').filter({ hasText: 'not uploaded' })
    await refusal.waitFor()
    assert.match(
      await refusal.innerText(),
      /The image was not uploaded\. “notes\.png” is not a file type we accept .*Nothing was stored\./,
    )
    assert.equal(await dialog.isVisible(), true)
    assert.equal(await page.locator('.be-content .be-embed').count(), 0)
    await dialog.screenshot({ path: `${SHOTS}/editor-upload-refused.png` })

    // An SVG is markup, never accepted; a file over the limit is refused before a byte is sent.
    await fillUpload(
      dialog,
      {
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        ),
      },
      { alt: 'Logo' },
    )
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'logo.svg' }).waitFor()
    assert.match(
      await refusal.innerText(),
      /“logo\.svg” is not a file type we accept \(SVG, HTML and other markup are never accepted\)/,
    )
    const sent = uploads.length
    const huge = join(files, 'huge.png')
    writeFileSync(huge, '')
    truncateSync(huge, 31 * 1024 * 1024)
    await fillUpload(dialog, huge, { alt: 'Too big' })
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'at most 30 MB' }).waitFor()
    assert.match(await refusal.innerText(), /The image was not uploaded\. .* at most 30 MB; this one is 31 MB\./)
    assert.deepEqual(uploads.slice(sent), ['POST'], 'only the start was sent, no chunk')

    // A real picture: uploaded, then inserted like one chosen from the list.
    const alt = 'The night train at the valley platform'
    await fillUpload(
      dialog,
      { name: 'platform.png', mimeType: 'image/png', buffer: picture },
      { alt, caption: 'The first night train in twelve years.' },
    )
    assert.equal(
      await dialog.getByRole('alert').filter({ hasText: 'not uploaded' }).count(),
      1,
      'the old refusal stays until the next try',
    )
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
    await page.waitForSelector('.be-content figure.be-embed--image img[src^="/media/images/uploads/"]')
    assert.match(
      await page.locator('.be-content figure.be-embed--image').innerText(),
      /first night train in twelve years/,
    )
    const body = JSON.parse(await page.locator('#story-body').inputValue()) as {
      content: { type: string; attrs?: { imageId?: number } }[]
    }
    const node = body.content.find(n => n.type === 'image')
    assert.ok(node?.attrs?.imageId, JSON.stringify(body))

    // The hero picker on the same page knows the new image too.
    await page.getByRole('button', { name: 'Choose or upload…' }).click()
    const heroDialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await heroDialog.getByRole('button', { name: /first night train in twelve years/ }).click()
    assert.equal(await page.locator('select#hero').inputValue(), String(node.attrs.imageId))
    assert.deepEqual(await violations(page), [])
    assert.deepEqual(problems, [])
    await page.context().close()
  })

  it('the upload panel fits a phone screen', { timeout: 60_000 }, async () => {
    const page = await signedIn('editor@longview.example', 390)
    await newStory(page, 'Small screens')
    await page.getByRole('button', { name: 'Choose or upload…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await dialog.getByText('Upload a new image', { exact: true }).click()
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    const box = await dialog.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the dialog fits the screen: ${JSON.stringify(box)}`)
    const overflowing = await dialog.evaluate(el =>
      [...el.querySelectorAll('*')]
        .filter(child => child.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
        .map(child => child.className || child.tagName),
    )
    assert.deepEqual(overflowing, [], 'nothing sticks out of the dialog')
    await page.screenshot({ path: `${SHOTS}/editor-upload-390.png` })
    await page.context().close()
  })

  it('when the connection drops during the upload, it asks the server how far it got and finishes', {
    timeout: 90_000,
  }, async () => {
    const page = await signedIn('editor@longview.example')
    await newStory(page, 'The ferry on a bad line')
    const requests: string[] = []
    page.on('request', r => {
      if (r.url().includes('/newsroom/api/uploads')) requests.push(r.method())
    })
    let dropped = false
    await page.route('**/newsroom/api/uploads/*', route => {
      if (dropped || route.request().method() !== 'PATCH') return route.continue()
      dropped = true
      return route.abort('connectionreset')
    })
    await page.getByRole('button', { name: 'Choose or upload…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await fillUpload(
      dialog,
      { name: 'bad-line.png', mimeType: 'image/png', buffer: await flatPng('#5a6e7f') },
      { alt: 'A ferry in the rain' },
    )
    await dialog.getByRole('button', { name: 'Upload and use' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
    assert.deepEqual(requests, ['POST', 'PATCH', 'HEAD', 'PATCH'])
    assert.match(await page.locator('select#hero').inputValue(), /^\d+$/)
    // Chromium reports the dropped request on the console; nothing else may be.
    assert.deepEqual(
      problems.filter(p => !p.includes('ERR_CONNECTION_RESET')),
      [],
    )
    problems.length = 0
    await page.context().close()
  })

  it('an author is not offered uploading, in the hero field or the body', { timeout: 60_000 }, async () => {
    const page = await signedIn('author@longview.example')
    await newStory(page, 'A story by an author')
    await page.getByRole('button', { name: 'Choose from the library…' }).click()
    const heroDialog = page.getByRole('dialog', { name: 'Choose the hero image' })
    await heroDialog.locator('.be-picker__item').first().waitFor()
    assert.equal(await heroDialog.getByText('Upload a new image').count(), 0)
    await page.keyboard.press('Escape')
    await page.getByRole('textbox', { name: 'Story body' }).click()
    await tool(page, 'Image').click()
    const dialog = page.getByRole('dialog', { name: 'Insert an image' })
    await dialog.locator('.be-picker__item').first().waitFor()
    assert.equal(await dialog.getByText('Upload a new image').count(), 0)
    assert.deepEqual(problems, [])
    await page.context().close()
  })

  it('when the API refuses (the role was taken away while the page was open), the picker says why', {
    timeout: 90_000,
  }, async () => {
    const page = await signedIn('editor@longview.example')
    await newStory(page, 'Written as an editor')
    const admin = await signedIn('admin@longview.example')
    const setRole = async (role: string) => {
      await admin.goto(`${base}/newsroom/staff`)
      const row = admin.locator('form', { has: admin.getByLabel('Role of Demo Editor') })
      await row.getByLabel('Role of Demo Editor').selectOption(role)
      await row.getByRole('button', { name: 'Save' }).click()
      await admin.waitForURL(`${base}/newsroom/staff`)
    }
    await setRole('author')
    try {
      await page.getByRole('button', { name: 'Choose or upload…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Choose the hero image' })
      await fillUpload(
        dialog,
        { name: 'lake.png', mimeType: 'image/png', buffer: await flatPng('#7a9a6b') },
        { alt: 'The lake at noon' },
      )
      await dialog.getByRole('button', { name: 'Upload and use' }).click()
      const refusal = dialog.getByRole('alert').filter({ hasText: 'not uploaded' })
      await refusal.waitFor()
      assert.equal(
        await refusal.innerText(),
        'The image was not uploaded. This needs the editor role; your account is author.',
      )
      // The form is usable again, and nothing was chosen.
      assert.equal(await dialog.getByRole('button', { name: 'Upload and use' }).isEnabled(), true)
      assert.equal(await page.locator('select#hero').inputValue(), '')
    } finally {
      await setRole('editor')
    }
    assert.deepEqual(problems, [])
    await page.context().close()
    await admin.context().close()
  })
})
