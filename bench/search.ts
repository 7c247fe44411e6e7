// The search bench: 100,000 generated stories indexed in a scratch SQLite file through the same
// code the newsroom's writes use (indexSearchDocument), then a fixed set of ~50 queries (words,
// phrases, prefixes, filters) through the same code /search uses (parseSearchQuery +
// searchIndex). Prints the indexing rate, the 95th-percentile query time against 10 ms and the
// slowest query against 25 ms (search-timings.ts).
// With BENCH_DATABASE_URL set to a PostgreSQL URL it does the same in a scratch schema there
// (dropped afterwards), and its rows are named `…-postgres`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { migrateToLatest, openDatabase, type Database } from '../src/db/index.js'
import {
  indexSearchDocument,
  parseSearchQuery,
  searchIndex,
  searchIndexIsEmpty,
  tidySearchIndex,
  type SearchDocument,
  type SearchKind,
} from '../src/search/index.js'
import { round, type BenchRow } from './results.js'
import { summarizeTimings } from './search-timings.js'

const DOCUMENTS = Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 100_000)
const BATCH = 1000
const TOPICS = 12
const ROUNDS = 5
// Stories are published over five years, in about the order they were written (ids rise with dates).
const FIVE_YEARS_MS = 5 * 365 * 86_400_000

/** A small deterministic PRNG (mulberry32), so every run indexes the same text. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Syllables consonant + vowel (+ coda): about 540 of them, so words sharing their first three
// letters are about as rare as in English, and a typed prefix narrows the way it does in practice.
const SYLLABLES = [...'bcdfghjklmnprstvwz'].flatMap(c =>
  [...'aeiou'].flatMap(v => ['', 'n', 'r', 's', 'l', 't'].map(coda => c + v + coda)),
)

/** An invented vocabulary of 20,000 distinct words; rank 0 is the most frequent. */
function vocabulary(random: () => number): string[] {
  const words = new Set<string>()
  while (words.size < 20_000) {
    const n = 1 + Math.floor(random() * 3)
    let w = ''
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    if (w.length >= 3) words.add(w)
  }
  return [...words]
}

/** Picks word ranks with Zipf's law (s = 1), as real prose does: a few words everywhere, most rare. */
function zipfSampler(size: number, random: () => number) {
  const cumulative = new Float64Array(size)
  let sum = 0
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 1)
  return () => {
    const x = random() * sum
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** The generator, exported for experiments on the index's shape. */
export function generatorForExperiments(seed: number) {
  return generator(seed)
}

function generator(seed: number) {
  const random = prng(seed)
  const words = vocabulary(random)
  const pick = zipfSampler(words.length, random)
  const sentence = (n: number) => Array.from({ length: n }, () => words[pick()]).join(' ')
  const now = Date.parse('2026-11-01T00:00:00Z')
  return {
    words,
    document(id: number): SearchDocument {
      const title = sentence(6 + Math.floor(random() * 5))
      const summary = `${sentence(25 + Math.floor(random() * 10))}.`
      const paragraphs = Array.from({ length: 10 }, () => `${sentence(55 + Math.floor(random() * 10))}.`)
      const topics = Array.from({ length: 1 + Math.floor(random() * 3) }, () => 1 + Math.floor(random() * TOPICS))
      return {
        kind: 'story',
        ownerId: id,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        summary,
        body: paragraphs.join('\n\n'),
        url: `/stories/story-${id}`,
        publishedAt: new Date(
          now - ((DOCUMENTS - id) / DOCUMENTS) * FIVE_YEARS_MS - Math.floor(random() * 3 * 86_400_000),
        ).toISOString(),
        topicIds: [...new Set(topics)],
      }
    },
  }
}

interface BenchQuery {
  q: string
  prefix?: boolean
  kind?: SearchKind
  topicId?: number
}

/** The fixed query set: words of every frequency, pairs, phrases from the text, prefixes, filters. */
export function querySet(words: string[], sample: SearchDocument): BenchQuery[] {
  const w = (rank: number) => words[rank] ?? 'missing'
  const bodyWords = sample.body.split(/\W+/).filter(Boolean)
  const phrase = (i: number, n: number): BenchQuery => ({ q: `"${bodyWords.slice(i, i + n).join(' ')}"` })
  return [
    // Single words from common to rare (a word of rank 50 is in about half the stories).
    ...[50, 120, 300, 700, 1500, 3000, 6000, 12000, 19000].map(r => ({ q: w(r) })),
    ...[80, 400, 2500, 9000].map(r => ({ q: w(r).toUpperCase() })),
    // Two and three words, all required.
    ...[
      [60, 900],
      [200, 4000],
      [1000, 1100],
      [150, 250, 350],
      [5000, 70],
      [30, 40],
    ].map(rs => ({ q: rs.map(w).join(' ') })),
    // Phrases lifted from a generated story, and one that is not there.
    phrase(10, 2),
    phrase(40, 2),
    phrase(100, 3),
    phrase(200, 2),
    phrase(300, 4),
    { q: `"${w(400)} ${w(900)}"` },
    // Prefixes as the island sends them while typing, and word* in the page.
    ...[90, 600, 2000, 8000].map(r => ({ q: w(r).slice(0, 3), prefix: true })),
    ...[100, 1300].map(r => ({ q: `${w(200)} ${w(r).slice(0, 4)}`, prefix: true })),
    { q: `${w(500).slice(0, 4)}*` },
    { q: `${w(3500).slice(0, 3)}*` },
    // Filters by topic and by kind.
    ...[
      [70, 1],
      [400, 5],
      [2000, 9],
      [6000, 12],
    ].map(([r, topicId]) => ({ q: w(r ?? 0), topicId })),
    { q: w(300), kind: 'story' as const },
    { q: w(300), kind: 'documentary' as const },
    { q: `${w(90)} ${w(700)}`, topicId: 3, kind: 'story' as const },
    // Later pages, hostile input, nothing found.
    { q: w(800) },
    { q: 'NEAR(a b) OR "unbalanced ^title:x' },
    { q: 'zzzzqqqq' },
    { q: `${w(1)} ${w(2)} ${w(3)}` },
  ]
}

/** The database to index into: a scratch PostgreSQL schema, or a SQLite file; and how to throw it away. */
async function scratchDatabase(): Promise<{
  database: Database
  kept: boolean
  suffix: string
  dispose(): Promise<void>
}> {
  const url = process.env.BENCH_DATABASE_URL
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL')
    const schema = `bench_search_${randomBytes(4).toString('hex')}`
    const database = await openDatabase({ dialect: 'postgres', url, schema })
    return {
      database,
      kept: false,
      suffix: '-postgres',
      async dispose() {
        await database.close()
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        await client.query(`drop schema if exists ${schema} cascade`)
        await client.end()
      },
    }
  }
  // BENCH_SEARCH_FILE keeps the index in a file of your choice and reuses it when it is already
  // filled, to time queries again without indexing again (the indexing rate is then not measured).
  const kept = process.env.BENCH_SEARCH_FILE
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'newsreel-bench-search-'))
  const database = await openDatabase({ dialect: 'sqlite', file: kept ?? join(dir as string, 'search.db') })
  return {
    database,
    kept: kept !== undefined,
    suffix: '',
    async dispose() {
      await database.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function benchSearch(): Promise<BenchRow[]> {
  const { database, kept, suffix, dispose } = await scratchDatabase()
  try {
    await migrateToLatest(database)
    const gen = generator(20261125)
    const sample = gen.document(0)
    const reuse = kept && !(await searchIndexIsEmpty(database.db))
    if (!reuse)
      console.log(
        `indexing ${DOCUMENTS.toLocaleString('en')} generated stories (~${sample.body.split(' ').length} body words each) on ${database.dialect}…`,
      )
    const started = performance.now()
    for (let first = 1; first <= (reuse ? 0 : DOCUMENTS); first += BATCH) {
      await database.db.transaction().execute(async trx => {
        for (let id = first; id < first + BATCH && id <= DOCUMENTS; id++)
          await indexSearchDocument(trx, gen.document(id))
      })
    }
    const indexSeconds = (performance.now() - started) / 1000
    // What autovacuum does on a live site soon after a bulk load: statistics for the planner,
    // and GIN's pending list merged into the index (timed apart from the indexing rate).
    if (database.dialect === 'postgres' && !reuse) await sql`vacuum analyze search_documents`.execute(database.db)
    const rate = reuse ? NaN : DOCUMENTS / indexSeconds
    if (!reuse) console.log(`indexed in ${indexSeconds.toFixed(1)} s: ${Math.round(rate)} documents/s`)
    // What the hourly housekeeping does on SQLite after an import: the segments merged into one.
    const tidyStarted = performance.now()
    const tidy = await tidySearchIndex(database.db)
    if (tidy.steps)
      console.log(
        `merged ${tidy.segments} segments in ${tidy.steps} steps, ${((performance.now() - tidyStarted) / 1000).toFixed(1)} s (housekeeping's tidySearchIndex)`,
      )

    const queries = querySet(gen.words, sample)
    // Through the connection /search reads with (on SQLite its own, with a larger page cache).
    const run = async (query: BenchQuery, page = 1) =>
      searchIndex(database.searchDb, {
        query: parseSearchQuery(query.q, { prefixLast: query.prefix }),
        kind: query.kind,
        topicId: query.topicId,
        page,
        pageSize: 10,
      })
    for (const query of queries) await run(query) // warm the page cache of the file
    const perQuery = new Map<string, number[]>()
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const [i, query] of queries.entries()) {
        const t0 = performance.now()
        const results = await run(query, i === queries.length - 4 ? 3 : 1)
        const ms = performance.now() - t0
        const key = `${query.q}${query.prefix ? '…' : ''}${query.topicId ? ` topic=${query.topicId}` : ''}${query.kind ? ` type=${query.kind}` : ''} (${results.hits.total})`
        perQuery.set(key, [...(perQuery.get(key) ?? []), ms])
      }
    }
    const rows = summarizeTimings(perQuery, queries.length, ROUNDS, suffix)
    return [
      ...(reuse
        ? []
        : [
            {
              name: `search-index-rate${suffix}`,
              value: round(rate, 0),
              unit: 'documents/s',
              baseline: null,
              ratio: null,
            },
          ]),
      ...rows,
    ]
  } finally {
    await dispose()
  }
}
