// The reading site's bench: cached story pages per second against a node:http baseline
// serving the same bytes, and the median time of an uncached story render.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config.js'
import { migrateToLatest, openDatabase } from '../src/db/index.js'
import { seedDemoNewsroom } from '../src/demo/index.js'
import { round, type BenchRow } from './results.js'
import { freePort, startServer } from './server.js'
import { medianUncachedRender, throughputAgainstBaseline } from './throughput.js'

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

    const uncached = await medianUncachedRender(env, STORY, 600, 100)

    const port = await freePort()
    children.push(await startServer(env, port))
    const { ours, theirs, bytes } = await throughputAgainstBaseline(port, STORY, dataDir)
    console.log(
      `cached story page: ${round(ours, 0)} req/s; node:http baseline with the same ${bytes} bytes: ${round(theirs, 0)} req/s; ratio ${round(ours / theirs, 3)} (target ≥ 0.8)`,
    )
    console.log(
      `uncached story render (store load + render, cache off): median ${round(uncached, 3)} ms (target < 2 ms)`,
    )
    return [
      {
        name: 'reading-site.cached-story-page',
        value: round(ours, 0),
        unit: 'req/s',
        baseline: round(theirs, 0),
        ratio: round(ours / theirs),
      },
      {
        name: 'reading-site.uncached-story-render-median',
        value: round(uncached),
        unit: 'ms',
        baseline: 2,
        ratio: round(uncached / 2),
      },
    ]
  } finally {
    for (const child of children) child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}
