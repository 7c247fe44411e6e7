// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// The body editor island in a real browser, under the site's real Content-Security-Policy: a
// writer builds a story with the toolbar, input rules and pickers, and the textarea ends up
// holding a body the server accepts. Needs Debian's chromium; under CI=true its absence fails
// the run instead of skipping.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromiumMissing, launchChromium, cspViolations, recordCspViolations } from './browser-helpers.js'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { bundleClient } from '../client/build.js'
import { validateBody } from '../src/body/index.js'
import { SECURITY_HEADERS } from '../src/platform/http/security-headers.js'

const INITIAL_BODY = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'The night shift at the valley radio station begins at six.' }],
    },
  ],
}
const IMAGES = [
  {
    id: 1,
    src: '/media/1.png',
    alt: 'The station building at dusk',
    caption: 'The station broadcasts from a former grain store.',
    credit: 'Photo: Ana Duarte',
  },
  {
    id: 2,
    src: '/media/2.png',
    alt: 'A transmitter mast on a hill',
    caption: 'The transmitter above the valley.',
    credit: 'Photo: Ana Duarte',
  },
]
const EXCERPTS = [
  {
    id: 7,
    title: 'The evening bulletin',
    documentaryTitle: 'Dispatches from a Quiet Front',
    startSeconds: 4,
    endSeconds: 19,
  },
  {
    id: 8,
    title: 'Reading the bread times',
    documentaryTitle: 'Dispatches from a Quiet Front',
    startSeconds: 610,
    endSeconds: 655,
  },
]
const DOCUMENTARIES = [{ id: 3, title: 'Dispatches from a Quiet Front', runtime: 4_380 }]

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function harnessPage(
  bundleHref: string,
  textareaJson = JSON.stringify(INITIAL_BODY, null, 2),
  disabled = false,
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edit story</title>
<link rel="stylesheet" href="/assets/harness.css"><link rel="stylesheet" href="/assets/editor.css"></head>
<body><main><h1>Edit story</h1><fieldset${disabled ? ' disabled' : ''}><label for="story-body" class="field-label">Body</label>
<div class="body-editor" data-body-editor="story-body" data-images-url="/newsroom/api/images" data-excerpts-url="/newsroom/api/excerpts" data-documentaries-url="/newsroom/api/documentaries"></div>
<textarea id="story-body" name="body" class="body-json" rows="20">${escapeHtml(textareaJson)}</textarea></fieldset>
<script type="module" src="${bundleHref}"></script></main></body></html>`
}

const HARNESS_CSS = `body { margin: 0; background: #ece9e2; font-family: system-ui, sans-serif; color: #16191d; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
h1 { font: 700 1.6rem/1.2 Georgia, serif; margin: 0 0 1rem; }
.field-label { display: block; font-weight: 700; margin-bottom: 0.4rem; }
.body-json { width: 100%; font-family: monospace; }`

/** A small picture for the image library, drawn once per run. */
function picture(sky: string, ground: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#f4d9a6"/></linearGradient></defs><rect width="480" height="270" fill="url(#s)"/><path d="M0 200 Q120 150 240 190 T480 180 V270 H0Z" fill="${ground}"/><rect x="300" y="120" width="60" height="80" fill="#3b3330"/><rect x="326" y="60" width="6" height="60" fill="#3b3330"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

async function startHarness(): Promise<{ server: Server; base: string }> {
  const bundle = await bundleClient(fileURLToPath(new URL('../client/editor/main.ts', import.meta.url)))
  const css = readFileSync(new URL('../client/editor/editor.css', import.meta.url))
  const bundleHref = `/assets/editor.${bundle.hash}.js`
  const pngs = [await picture('#6d8fb3', '#4c5d3a'), await picture('#31405c', '#2d3a2a')]
  const routes: Record<string, [string, string | Buffer]> = {
    '/': ['text/html; charset=utf-8', harnessPage(bundleHref)],
    '/broken': ['text/html; charset=utf-8', harnessPage(bundleHref, '{"type":"doc","content":[')],
    '/read-only': ['text/html; charset=utf-8', harnessPage(bundleHref, undefined, true)],
    [bundleHref]: ['text/javascript; charset=utf-8', bundle.code],
    '/assets/editor.css': ['text/css; charset=utf-8', css],
    '/assets/harness.css': ['text/css; charset=utf-8', HARNESS_CSS],
    // Browsers ask for it unprompted; a 404 would show up as a console error.
    '/favicon.ico': ['image/png', pngs[0]!],
    '/media/1.png': ['image/png', pngs[0]!],
    '/media/2.png': ['image/png', pngs[1]!],
    '/newsroom/api/images': ['application/json', JSON.stringify(IMAGES)],
    '/newsroom/api/excerpts': ['application/json', JSON.stringify(EXCERPTS)],
    '/newsroom/api/documentaries': ['application/json', JSON.stringify(DOCUMENTARIES)],
  }
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://localhost').pathname]
    res.writeHead(route ? 200 : 404, {
      ...SECURITY_HEADERS,
      'content-type': route?.[0] ?? 'text/plain',
      'cache-control': 'no-store',
    })
    res.end(route?.[1] ?? 'not found')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('the body editor in a real browser', { skip: chromiumMissing() }, () => {
  let server: Server
  let base = ''
  let browser: Browser

  before(
    async () => {
      ;({ server, base } = await startHarness())
      browser = await launchChromium()
    },
    { timeout: 60_000 },
  )

  after(async () => {
    await browser?.close()
    await new Promise(resolve => server?.close(resolve))
  })

  /** Opens the harness, recording console problems and CSP violations from the first script on. */
  async function open(path = '/'): Promise<{ page: Page; problems: string[]; violations: () => Promise<string[]> }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
    const problems: string[] = []
    page.on('console', m => {
      if (m.type() === 'error' || m.type() === 'warning')
        problems.push(`${m.type()}: ${m.text()} (${m.location().url})`)
    })
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    page.on('response', r => {
      if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`)
    })
    await recordCspViolations(page)
    await page.goto(base + path, { waitUntil: 'networkidle' })
    if (path !== '/broken') await page.waitForSelector('.be-content')
    const violations = () => cspViolations(page)
    return { page, problems, violations }
  }

  const tool = (page: Page, name: string) =>
    page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })
  // Chrome reports a keyboard selection change in a later task, and ProseMirror reads it then; a
  // person never presses the next shortcut within that millisecond, but a script does.
  const settle = (page: Page) =>
    page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve))))
  const bodyJson = async (page: Page): Promise<unknown> =>
    JSON.parse(await page.$eval('#story-body', t => (t as HTMLTextAreaElement).value))

  it('a writer builds a story with every kind of block and the textarea holds a body the server accepts', {
    timeout: 60_000,
  }, async () => {
    const { page, problems, violations } = await open()
    assert.equal(
      await page.$eval('#story-body', t => (t as HTMLTextAreaElement).hidden),
      true,
      'the textarea is hidden',
    )
    await page.evaluate(() => {
      const t = document.getElementById('story-body')!
      t.addEventListener('input', () =>
        t.setAttribute('data-inputs', String(Number(t.getAttribute('data-inputs') ?? 0) + 1)),
      )
    })
    const editor = page.getByRole('textbox', { name: 'Story body' })
    await editor.click()
    await page.keyboard.press('Control+End')

    // A paragraph, with one word made bold from the toolbar.
    await page.keyboard.press('Enter')
    await page.keyboard.type('The council approved')
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await settle(page)
    await tool(page, 'Bold').click()
    assert.equal(await tool(page, 'Bold').getAttribute('aria-pressed'), 'true')
    // Bold carries on past the word's end, as in any word processor, until it is switched off.
    await page.keyboard.press('End')
    await settle(page)
    await tool(page, 'Bold').click()
    assert.equal(await tool(page, 'Bold').getAttribute('aria-pressed'), 'false')
    await page.keyboard.type(' the emergency budget on Tuesday.')
    assert.equal(await page.locator('.be-content strong').textContent(), 'approved')

    // Input rules: a heading, a bullet list, a numbered list and a blockquote.
    await page.keyboard.press('Enter')
    await page.keyboard.type('## What the money pays for')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- Two new transmitters')
    await page.keyboard.press('Enter')
    await page.keyboard.type('A generator for the studio')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    assert.equal(await page.locator('.be-content h2').textContent(), 'What the money pays for')
    assert.equal(await page.locator('.be-content ul > li').count(), 2)
    await page.keyboard.type('> Nobody else broadcasts the bread times.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')

    // A pull quote with an attribution from the inline form.
    await page.keyboard.type('We are not brave. We are the only ones left.')
    await tool(page, 'Pull quote').click()
    await page.getByLabel(/Attribution/).fill('Halina Brezan, station editor')
    await page.keyboard.press('Enter')
    assert.equal(
      await page.locator('.be-content .be-pullquote figcaption').textContent(),
      '— Halina Brezan, station editor',
    )
    await page.keyboard.press('End')
    await settle(page)
    await page.keyboard.press('Enter')

    // An image from the picker, with the mouse.
    await tool(page, 'Image').click()
    const dialog = page.getByRole('dialog', { name: 'Insert an image' })
    await dialog.getByRole('button', { name: /transmitter above the valley/ }).click()
    await page.waitForSelector('.be-content figure.be-embed--image img[src="/media/2.png"]')
    assert.equal(await dialog.isVisible(), false)

    // An excerpt from the picker with the keyboard only: Alt+F10 to the toolbar, arrows, Enter.
    await page.keyboard.press('Alt+F10')
    for (
      let i = 0;
      i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Video excerpt';
      i++
    ) {
      await page.keyboard.press('ArrowRight')
    }
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Insert a video excerpt' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.be-content .be-embed--excerpt')
    assert.match(
      (await page.locator('.be-content .be-embed--excerpt').textContent()) ?? '',
      /Video excerpt:\s+Reading the bread times/,
    )
    // Focus comes back when the dialog has closed, a frame or two after the block appears (slow under a loaded CI).
    await page
      .waitForFunction(() => document.activeElement?.classList.contains('be-content'), null, { timeout: 5000 })
      .catch(() => {})
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('be-content')),
      true,
      'focus is back in the editor',
    )

    // A link on a word, with Mod-k.
    await page.keyboard.type('Read the council minutes')
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await settle(page)
    await page.keyboard.press('Control+k')
    await page.getByLabel('Link address').fill('https://example.org/minutes')
    await page.keyboard.press('Enter')
    assert.equal(await page.locator('.be-content a[href="https://example.org/minutes"]').textContent(), 'minutes')
    await page.keyboard.press('End')
    await settle(page)
    await page.keyboard.type('.')

    // A documentary card from the picker (keyboard: Enter on the focused first item) and a divider.
    await page.keyboard.press('Enter')
    await tool(page, 'Documentary card').click()
    await page.getByRole('dialog', { name: 'Insert a documentary card' }).waitFor()
    await page.keyboard.press('Enter')
    await tool(page, 'Divider').click()
    await page.keyboard.type('Reporting by the valley desk.')

    const result = validateBody(await bodyJson(page))
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'))
    const types = new Set<string>()
    const visit = (n: { type: string; content?: unknown[]; marks?: { type: string }[] }) => {
      types.add(n.type)
      for (const m of n.marks ?? []) types.add(`mark:${m.type}`)
      for (const c of n.content ?? []) visit(c as typeof n)
    }
    visit(result.doc)
    for (const type of [
      'paragraph',
      'heading',
      'bulletList',
      'listItem',
      'blockquote',
      'pullQuote',
      'image',
      'excerpt',
      'documentaryCard',
      'horizontalRule',
      'text',
      'mark:bold',
      'mark:link',
    ]) {
      assert.ok(types.has(type), `the body has no ${type}: ${JSON.stringify(result.doc)}`)
    }
    const pull = result.doc.content.find(n => n.type === 'pullQuote')
    assert.deepEqual(pull?.type === 'pullQuote' && pull.attrs, { attribution: 'Halina Brezan, station editor' })
    assert.ok(result.doc.content.some(n => n.type === 'image' && n.attrs.imageId === 2))
    assert.ok(result.doc.content.some(n => n.type === 'excerpt' && n.attrs.excerptId === 8))
    assert.ok(
      Number(await page.$eval('#story-body', t => t.getAttribute('data-inputs'))) > 0,
      'the page heard input events',
    )

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.locator('.body-editor').screenshot({ path: '/tmp/editor.png' })
    assert.deepEqual(await violations(), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('a javascript: link is refused with a message when typed, and unlinked when pasted', {
    timeout: 30_000,
  }, async () => {
    const { page, problems, violations } = await open()
    await page.getByRole('textbox', { name: 'Story body' }).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await settle(page)
    await tool(page, 'Link').click()
    await page.getByLabel('Link address').fill('javascript:alert(1)')
    await page.keyboard.press('Enter')
    const message = page.getByRole('alert')
    assert.match(await message.innerText(), /not allowed/)
    assert.equal(await page.getByLabel('Link address').getAttribute('aria-invalid'), 'true')
    assert.equal(await page.locator('.be-content a').count(), 0)
    await page.keyboard.press('Escape')
    assert.equal(await page.getByLabel('Link address').isVisible(), false)

    // Pasted, a javascript: link keeps its words only; style attributes (Google Docs' wrapper) break no CSP rule.
    await page.keyboard.press('End')
    await settle(page)
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.setData(
        'text/html',
        '<b style="font-weight:normal;"><p><a href="javascript:alert(1)">pasted</a> <span style="font-weight:700">strong</span></p></b>',
      )
      document
        .querySelector('.be-content')
        ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await page.waitForSelector('.be-content strong')
    assert.equal(await page.locator('.be-content a').count(), 0)
    assert.equal(await page.locator('.be-content strong').textContent(), 'strong')
    assert.doesNotMatch(await page.$eval('#story-body', t => (t as HTMLTextAreaElement).value), /javascript/i)
    assert.ok(validateBody(await bodyJson(page)).ok)
    assert.deepEqual(await violations(), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('Escape closes a picker and returns to the text; undo, and buttons that cannot apply say so', {
    timeout: 30_000,
  }, async () => {
    const { page, problems, violations } = await open()
    await page.getByRole('textbox', { name: 'Story body' }).click()
    await page.keyboard.press('Control+End')
    await tool(page, 'Video excerpt').click()
    await page.getByRole('dialog', { name: 'Insert a video excerpt' }).waitFor()
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.activeElement?.classList.contains('be-content'))
    assert.equal(await page.locator('.be-content .be-embed').count(), 0)

    await page.keyboard.press('Enter')
    await page.keyboard.type('- inside a list')
    await settle(page)
    assert.equal(
      await tool(page, 'Pull quote').getAttribute('aria-disabled'),
      'true',
      'a pull quote cannot sit in a list',
    )
    assert.equal(await tool(page, 'Heading 2').getAttribute('aria-disabled'), 'true')
    assert.equal(await tool(page, 'Bullet list').getAttribute('aria-pressed'), 'true')
    assert.equal(await tool(page, 'Undo').getAttribute('aria-disabled'), null)
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await settle(page)
    assert.equal(await page.locator('.be-content ul').count(), 0)
    const body = await bodyJson(page)
    assert.deepEqual(validateBody(body), { ok: true, doc: INITIAL_BODY })
    assert.deepEqual(await violations(), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('a body the editor cannot open leaves the textarea in use, with a note saying why', {
    timeout: 30_000,
  }, async () => {
    const { page, problems, violations } = await open('/broken')
    assert.equal(await page.isVisible('#story-body'), true)
    assert.match(await page.locator('.be-notice').innerText(), /not valid JSON/)
    assert.equal(await page.locator('.be-content').count(), 0)
    assert.deepEqual(await violations(), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('in a disabled fieldset the body is shown but cannot be edited', { timeout: 30_000 }, async () => {
    const { page, problems, violations } = await open('/read-only')
    const editor = page.getByRole('textbox', { name: 'Story body' })
    assert.equal(await editor.getAttribute('contenteditable'), 'false')
    assert.equal(await editor.getAttribute('aria-readonly'), 'true')
    assert.equal(await page.locator('.be-toolbar').count(), 0)
    assert.match(await editor.innerText(), /night shift/)
    assert.deepEqual(await violations(), [])
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('the harness would notice a CSP violation, so the clean results above mean something', {
    timeout: 30_000,
  }, async () => {
    const { page, violations } = await open()
    await page.evaluate(() => {
      const el = document.createElement('p')
      el.setAttribute('style', 'color: red')
      document.body.append(el)
    })
    await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0)
    assert.match((await violations()).join(), /style-src/)
    await page.close()
  })
})
