// The reading site's bench: cached story pages per second against a node:http baseline
// serving the same bytes, and the median time of an uncached story render.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { loadConfig } from '../src/config.js'
import { buildApp } from '../src/app.js'
import { migrateToLatest, openDatabase } from '../src/db/index.js'
import { seedDemoNewsroom } from '../src/demo/index.js'
import { round, type BenchRow } from './results.js'
import { freePort, startServer } from './server.js'

/** Seconds of each measured load run; each side runs twice (ABBA order) after a 2 s warm-up. */
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = 32
const STORY = '/stories/fees-and-fines-how-a-ticket-becomes-1400'

/** Runs the reading-site bench and returns its rows. */
export async function benchReadingSite(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-bench-'))
  const children: ChildProcess[] = []
  try {
    // No background jobs: the demo's film transcodes would compete with the load test for the CPU.
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', SEED_DEMO: 'false', RUN_JOBS: 'false' }
    const database = await openDatabase(loadConfig(env).database)
    await migrateToLatest(database)
    await seedDemoNewsroom(database.db, { mediaDir: join(dataDir, 'media') })
    await database.close()

    const uncached = await medianUncachedRender(env)

    const port = await freePort()
    children.push(await startServer(env, port))
    const url = `http://127.0.0.1:${port}${STORY}`
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    if (first.status !== 200) throw new Error(`${STORY} answered ${first.status}`)
    const body = Buffer.from(await first.arrayBuffer())
    const headers: Record<string, string> = {}
    first.headers.forEach((value, name) => { if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value })
    writeFileSync(join(dataDir, 'page.html'), body)
    writeFileSync(join(dataDir, 'headers.json'), JSON.stringify(headers))

    const baselinePort = await freePort()
    const baseline = fork('bench/baseline-server.ts', [join(dataDir, 'page.html'), join(dataDir, 'headers.json'), String(baselinePort)], { execArgv: ['--import', 'tsx'] })
    children.push(baseline)
    await new Promise((resolve) => baseline.once('message', resolve))

    // Interleaved rounds, so drift on a busy machine falls on both sides alike.
    const baselineUrl = `http://127.0.0.1:${baselinePort}${STORY}`
    const oursRounds = [await load(url)]
    const theirRounds = [await load(baselineUrl)]
    theirRounds.push(await load(baselineUrl))
    oursRounds.push(await load(url))
    const ours = mean(oursRounds)
    const theirs = mean(theirRounds)
    console.log(`cached story page: ${round(ours, 0)} req/s; node:http baseline with the same ${body.length} bytes: ${round(theirs, 0)} req/s; ratio ${round(ours / theirs, 3)} (target ≥ 0.8)`)
    console.log(`uncached story render (store load + render, cache off): median ${round(uncached, 3)} ms (target < 2 ms)`)
    return [
      { name: 'reading-site.cached-story-page', value: round(ours, 0), unit: 'req/s', baseline: round(theirs, 0), ratio: round(ours / theirs) },
      { name: 'reading-site.uncached-story-render-median', value: round(uncached), unit: 'ms', baseline: 2, ratio: round(uncached / 2) },
    ]
  } finally {
    for (const child of children) child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Requests per second over DURATION seconds at CONNECTIONS connections, after a short warm-up. */
async function load(url: string): Promise<number> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return result.requests.total / DURATION
}

/** Median time of a story request with the page cache off: store load, render and response. */
async function medianUncachedRender(env: Record<string, string>): Promise<number> {
  const newsreel = await buildApp(loadConfig(env, { pageCacheBytes: 0, logLevel: 'silent' }))
  try {
    const times: number[] = []
    for (let i = 0; i < 600; i++) {
      const started = process.hrtime.bigint()
      const res = await newsreel.app.inject(STORY)
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6
      if (res.statusCode !== 200) throw new Error(`uncached render answered ${res.statusCode}`)
      if (i >= 100) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)] ?? NaN
  } finally {
    await newsreel.close()
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
