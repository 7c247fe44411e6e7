// test-database: none (it runs its own SQLite app, so the PostgreSQL pass leaves it out)
// Accessibility as a test: axe-core, with the WCAG 2.0, 2.1 and 2.2 A and AA rules, finds no
// violation on any public page type nor on the newsroom's sign-in, dashboard and story editor,
// at 1280 and 390 px. The pages hold the demo newsroom (its text, preview pictures; no media
// jobs run), and the interview quoted by the demo's interview story gets a real recording.
// Then the keyboard alone, with focus always visible, walks from the home page to that story,
// plays an excerpt of the interview and signs up to the newsletter (mailed to a local SMTP server).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import axe from 'axe-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { testApp } from './helpers.js'
import { chromiumMissing, launchChromium, signInNewsroom } from './browser-helpers.js'
import { storeReadyRecording } from './interview-page-fixtures.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { DEMO_PASSWORD, seedDemoNewsroom } from '../src/demo/index.js'

type App = Awaited<ReturnType<typeof testApp>>

/** The rule sets the issue names: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const WIDTHS = [1280, 390]

interface Violation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** One line per violation and element: rule, impact, target, what is wrong and where to read more. */
export function describeViolations(where: string, violations: Violation[]): string {
  return violations
    .flatMap(v =>
      v.nodes.map(
        n =>
          `${where}: ${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${v.help}; ${(n.failureSummary ?? '').replace(/\s+/g, ' ')} ${v.helpUrl}`,
      ),
    )
    .join('\n')
}

/** Runs axe-core on the page as it stands and answers its violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source })
  return page.evaluate(
    async tags =>
      (
        await (
          window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> } }
        ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      ).violations,
    TAGS,
  )
}

describe('accessibility: axe-core finds no WCAG 2.2 A/AA violation', { skip: chromiumMissing() }, () => {
  let t: App
  let smtp: TestSmtp
  let browser: Browser
  let staff: BrowserContext
  let base = ''
  const paths: Record<string, string> = {}

  before(
    async () => {
      smtp = await startSmtpServer()
      t = await testApp({ runJobs: false, smtpUrl: smtp.url })
      const db = t.database.db
      await seedDemoNewsroom(db, {
        mediaDir: t.config.mediaDir,
        publicUrl: t.config.publicUrl,
        artwork: 'queued',
        withAccounts: true,
      })
      const interview = await db
        .selectFrom('interviews')
        .select('id')
        .where('slug', '=', 'bernadette-sowell-tern-county-clerk')
        .executeTakeFirstOrThrow()
      await storeReadyRecording(db, t.storage, interview.id, true)
      // The Ledger plays that recording too, so its page and the story's film excerpts show the player.
      const ready = await db
        .selectFrom('videos')
        .select(['status', 'progress', 'duration_seconds', 'width', 'height', 'output_prefix', 'live_prefix'])
        .select(['poster_key', 'mp4_key'])
        .where('interview_id', '=', interview.id)
        .executeTakeFirstOrThrow()
      const film = await db
        .selectFrom('documentaries')
        .select('id')
        .where('slug', '=', 'the-ledger')
        .executeTakeFirstOrThrow()
      const filmVideo = await db
        .updateTable('videos')
        .set(ready)
        .where('documentary_id', '=', film.id)
        .executeTakeFirst()
      assert.equal(filmVideo.numUpdatedRows, 1n, 'the demo queued a video for The Ledger')
      const story = await db
        .selectFrom('stories')
        .select('id')
        .where('slug', '=', 'the-ledger-in-their-own-words')
        .executeTakeFirstOrThrow()
      const show = await db.selectFrom('podcast_shows').select(['id', 'slug']).executeTakeFirstOrThrow()
      const episode = await db
        .selectFrom('podcast_episodes')
        .select('slug')
        .where('show_id', '=', show.id)
        .executeTakeFirstOrThrow()
      Object.assign(paths, {
        home: '/',
        'story with video and interview excerpts': '/stories/the-ledger-in-their-own-words',
        articles: '/articles',
        documentaries: '/documentaries',
        documentary: '/documentaries/the-ledger',
        topics: '/topics',
        topic: '/topics/criminal-justice',
        person: '/people/ruth-valdivieso',
        podcasts: '/podcasts',
        show: `/podcasts/${show.slug}`,
        episode: `/podcasts/${show.slug}/${episode.slug}`,
        'search with results': '/search?q=ledger',
        'search without results': '/search?q=zzxqvw',
        'search with no query': '/search',
        newsletter: '/newsletter',
        support: '/support',
        corrections: '/corrections',
        standards: '/standards',
        interviews: '/interviews',
        interview: '/interviews/bernadette-sowell-tern-county-clerk',
        'not found': '/no-such-page-here',
        'newsroom sign-in': '/newsroom/sign-in',
        'newsroom dashboard': '/newsroom',
        'newsroom story editor': `/newsroom/stories/${story.id}`,
      })
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
      staff = await browser.newContext({ bypassCSP: true })
      await signInNewsroom(await staff.newPage(), base, 'editor@longview.example', DEMO_PASSWORD)
    },
    { timeout: 120_000 },
  )

  after(async () => {
    await browser?.close()
    await t?.dispose()
    await smtp?.close()
  })

  const PAGES = [
    'home',
    'story with video and interview excerpts',
    'articles',
    'documentaries',
    'documentary',
    'topics',
    'topic',
    'person',
    'podcasts',
    'show',
    'episode',
    'search with results',
    'search without results',
    'search with no query',
    'newsletter',
    'support',
    'corrections',
    'standards',
    'interviews',
    'interview',
    'not found',
    'newsroom sign-in',
    'newsroom dashboard',
    'newsroom story editor',
  ]

  const ISLANDS: Record<string, string[]> = {
    'story with video and interview excerpts': [
      'figure.excerpt .excerpt-play',
      'figure.interview-excerpt .excerpt-play',
    ],
    documentary: ['[data-player] .player__button'],
    interview: ['.tr-tools'],
    'newsroom story editor': ['.ProseMirror'],
  }

  for (const name of PAGES) {
    it(`${name}: no violations at ${WIDTHS.join(' and ')} px`, async () => {
      const path = paths[name]!
      const signedIn = name.startsWith('newsroom') && name !== 'newsroom sign-in'
      // The pages' Content-Security-Policy would refuse the injected axe script.
      const context = signedIn ? staff : await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      try {
        const found: string[] = []
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 })
          const response = await page.goto(base + path, { waitUntil: 'networkidle' })
          assert.equal(response?.status(), name === 'not found' ? 404 : 200, `${path} answered ${response?.status()}`)
          // The islands that must have run, so their markup is checked too.
          for (const island of ISLANDS[name] ?? []) await page.waitForSelector(island, { timeout: 15_000 })
          const violations = await axeViolations(page)
          if (violations.length > 0) found.push(describeViolations(`${path} at ${width} px`, violations))
        }
        assert.equal(found.length, 0, `axe-core found violations:\n${found.join('\n')}`)
      } finally {
        await page.close()
        if (!signedIn) await context.close()
      }
    })
  }
  it('the keyboard alone reaches a story, plays an interview excerpt and signs up to the newsletter, focus always visible', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    const steps: string[] = []
    try {
      await page.goto(`${base}/`, { waitUntil: 'networkidle' })
      const story = '/stories/the-ledger-in-their-own-words'
      await tabTo(page, steps, `a[href="${story}"]`)
      await Promise.all([page.waitForURL(base + story), page.keyboard.press('Enter')])
      await page.waitForSelector('figure.interview-excerpt .excerpt-play')

      await tabTo(page, steps, 'figure.interview-excerpt .excerpt-play')
      const playing = page.locator('figure.interview-excerpt video').first()
      await page.keyboard.press('Enter')
      await page.waitForFunction(
        () => {
          const video = document.querySelector<HTMLVideoElement>('figure.interview-excerpt video')
          return video !== null && !video.paused && video.currentTime > 0
        },
        null,
        { timeout: 15_000 },
      )
      assert.match(
        (await page.locator('figure.interview-excerpt .excerpt-play').first().textContent()) ?? '',
        /Pause the excerpt/,
      )
      // Space pauses it again, from the same button.
      await page.keyboard.press('Space')
      await page.waitForFunction(
        () => document.querySelector<HTMLVideoElement>('figure.interview-excerpt video')?.paused,
      )
      assert.ok(await playing.evaluate((v: HTMLVideoElement) => v.paused))

      await tabTo(page, steps, '.newsletter-band input[name="email"]')
      await page.keyboard.type('keyboard-reader@example.org')
      await tabTo(page, steps, '.newsletter-band button[type="submit"]')
      await page.keyboard.press('Enter')
      await page
        .locator('.newsletter-band .newsletter-form__status[role="status"]', { hasText: 'Check your inbox' })
        .waitFor()
      await waitFor(() => smtp.to('keyboard-reader@example.org').length > 0, 'the confirmation mail')
      assert.deepEqual(problems, [])
    } catch (error) {
      throw new Error(`${(error as Error).message}\nfocus went through:\n${steps.slice(-40).join('\n')}`, {
        cause: error,
      })
    } finally {
      await context.close()
    }
  })
})

/**
 * Presses Tab until the focused element matches, at most 250 times; after each press, the
 * focused element must show a visible focus indicator (an outline or a box-shadow ring).
 */
async function tabTo(page: Page, steps: string[], selector: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(wanted => {
      const el = document.activeElement
      if (!el || el === document.body) return { at: 'body', visible: true, found: false }
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
      const ring = style.boxShadow !== 'none'
      const name =
        (el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.getAttribute('name')
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''
      return {
        at: `${el.tagName.toLowerCase()}${classes} "${name ?? ''}"`,
        visible: outline || ring,
        found: el.matches(wanted),
      }
    }, selector)
    steps.push(`${focus.at}${focus.visible ? '' : '  <- no visible focus'}`)
    assert.ok(focus.visible, `no visible focus indicator on ${focus.at}`)
    if (focus.found) return
  }
  assert.fail(`250 presses of Tab never reached ${selector}`)
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}
