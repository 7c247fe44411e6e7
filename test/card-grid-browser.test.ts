// test-database: none (it runs a server on its own SQLite file, so the PostgreSQL pass leaves it out)
// Grids of cards never leave an orphan or an empty column: at 390, 768, 1024, 1280 and 1600 px the
// real pages (topics with 1, 2, 5, 6 and 7 films and stories, the home page, /people with 7 people,
// /topics with 5 topics, a story with its film and related stories) and CardGrids of every kind
// with 1 to 24 cards are measured in Chromium: every row reaches both edges of its grid, a card
// alone in a row spans it, and no page scrolls sideways.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromiumMissing, launchChromium, startServer, type RunningServer } from './browser-helpers.js'
import { makeDocumentary, makePerson, makeStory, makeTopic } from './factories.js'
import { migrateToLatest, openDatabase } from '../src/db/index.js'
import { CARD_GRID_MAX_COLUMNS, cardGridClasses, type CardGridKind } from '../src/site/views.js'

const WIDTHS = [390, 768, 1024, 1280, 1600]
const TOPIC_COUNTS = [1, 2, 5, 6, 7]

/** What is wrong with the page's card grids as laid out now (an empty list when nothing is). */
function gridProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth + 1)
      problems.push(`scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`)
    document.querySelectorAll<HTMLElement>('.card-grid').forEach((grid, g) => {
      const box = grid.getBoundingClientRect()
      const name = `grid ${g} (${grid.className.split(' ').slice(0, 2).join(' ')}, ${grid.children.length} cards)`
      const rows = new Map<number, DOMRect[]>()
      for (const item of Array.from(grid.children)) {
        const r = item.getBoundingClientRect()
        if (r.width === 0) continue
        const top = Math.round(r.top)
        rows.set(top, [...(rows.get(top) ?? []), r])
      }
      const list = [...rows.values()]
      list.forEach((row, i) => {
        const left = Math.min(...row.map(r => r.left))
        const right = Math.max(...row.map(r => r.right))
        if (Math.abs(left - box.left) > 1.5 || Math.abs(right - box.right) > 1.5)
          problems.push(
            `${name}: row ${i + 1} of ${row.length} runs ${Math.round(left - box.left)}..${Math.round(right - box.left)} of ${Math.round(box.width)}`,
          )
        if (row.length === 1 && Math.abs((row[0]?.width ?? 0) - box.width) > 1.5)
          problems.push(`${name}: row ${i + 1} holds a lone card that does not span the row`)
      })
      if (list.length > 1) {
        // Columns line up: every card in an ordinary row (not the lead row) has one width.
        const ordinary = list.slice(1).flat()
        const widths = new Set(ordinary.map(r => Math.round(r.width)))
        if (widths.size > 1) problems.push(`${name}: ordinary rows mix widths ${[...widths].join(', ')}`)
      }
    })
    return problems
  })
}

describe('card grids without orphans, measured in a real browser', { skip: chromiumMissing() }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-card-grid-'))
  let server: RunningServer
  let browser: Browser
  const pages: string[] = ['/', '/people', '/topics']

  before(
    async () => {
      const database = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'newsreel.db') })
      try {
        const db = database.db
        await migrateToLatest(database)
        const people = []
        for (let i = 0; i < 7; i++) people.push(await makePerson(db, { name: `Reporter ${i + 1}` }))
        for (const count of TOPIC_COUNTS) {
          const topic = await makeTopic(db, { slug: `count-${count}`, name: `Count ${count}` })
          pages.push(`/topics/${topic.slug}`)
          for (let i = 0; i < count; i++) {
            await makeDocumentary(db, { title: `Film ${count}.${i + 1}`, topicIds: [topic.id] })
            await makeStory(db, {
              title: `Story ${count}.${i + 1}`,
              topicIds: [topic.id],
              authorIds: [people[i % people.length]?.id ?? 0],
            })
          }
        }
        const film = await makeDocumentary(db, { slug: 'the-film', title: 'The film', dek: 'The story’s film.' })
        const topic = await makeTopic(db, { slug: 'with-film', name: 'With film' })
        for (let i = 0; i < 3; i++) await makeStory(db, { title: `Neighbour ${i + 1}`, topicIds: [topic.id] })
        const story = await makeStory(db, {
          slug: 'story-with-film',
          title: 'A story with its film',
          topicIds: [topic.id],
          documentaryIds: [film.id],
        })
        pages.push(`/stories/${story.slug}`)
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

  it('the pages with 1, 2, 5, 6 and 7 cards fill every row at every width', { timeout: 180_000 }, async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    try {
      for (const path of pages) {
        await page.goto(`${server.base}${path}`)
        assert.ok((await page.locator('.card-grid').count()) > 0, `${path} shows a card grid`)
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 })
          for (const p of await gridProblems(page)) problems.push(`${path} at ${width}px: ${p}`)
        }
      }
    } finally {
      await page.close()
    }
    assert.deepEqual(problems, [])
  })

  it('the story page shows its film as a wide module, not a card beside empty space', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
      await page.goto(`${server.base}/stories/story-with-film`)
      const module = page.locator('.story-more__film')
      await module.getByRole('heading', { name: 'The film' }).waitFor()
      assert.ok(await module.getByRole('link', { name: /Watch the film/ }).isVisible())
      const [moduleBox, wrapBox] = await Promise.all([module.boundingBox(), page.locator('.story-more').boundingBox()])
      assert.ok(moduleBox && wrapBox && moduleBox.width > wrapBox.width * 0.9, 'the film module spans the page')
    } finally {
      await page.close()
    }
  })

  it('every kind of CardGrid, from 1 to 24 cards, fills every row at every width', { timeout: 180_000 }, async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    try {
      await page.goto(`${server.base}/people`)
      const kinds = Object.keys(CARD_GRID_MAX_COLUMNS) as CardGridKind[]
      const markup = kinds
        .flatMap(kind =>
          Array.from({ length: 24 }, (_, n) => {
            const classes = cardGridClasses(kind, n + 1)
            const items = Array.from(
              { length: n + 1 },
              (_, i) => `<li class="${classes.item(i)}"><p>Card ${i + 1}</p></li>`,
            )
            return `<ul class="${classes.list}">${items.join('')}</ul>`
          }),
        )
        .join('')
      await page.evaluate(html => {
        const main = document.querySelector('main .wrap') ?? document.querySelector('main')
        if (main) main.innerHTML = html
      }, markup)
      assert.equal(await page.locator('.card-grid').count(), kinds.length * 24)
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        for (const p of await gridProblems(page)) problems.push(`at ${width}px: ${p}`)
      }
    } finally {
      await page.close()
    }
    assert.deepEqual(problems, [])
  })
})
