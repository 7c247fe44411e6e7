// What the page benches measure: a page's uncached render time in the app itself, and the cached
// page's throughput against a node:http baseline serving the same bytes with the same headers, so
// a bench's ratio says what the app costs over the bare minimum of serving a page.
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { freePort, stopServer } from './server.js'

/** Seconds of each measured load run; each side runs twice (ABBA order) after a 2 s warm-up. */
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = 32

/** Our page's and the baseline's requests per second, and the page's size in bytes without compression. */
export interface Throughput {
  ours: number
  theirs: number
  bytes: number
}

/**
 * Measures `path` on the app listening on `port` against bench/baseline-server.ts serving the
 * same page (its bytes and headers, kept in `dataDir`); the baseline is stopped before it answers.
 */
export async function throughputAgainstBaseline(port: number, path: string, dataDir: string): Promise<Throughput> {
  const url = `http://127.0.0.1:${port}${path}`
  const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`)
  const body = Buffer.from(await first.arrayBuffer())
  const headers: Record<string, string> = {}
  first.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value
  })
  writeFileSync(join(dataDir, 'page.html'), body)
  writeFileSync(join(dataDir, 'headers.json'), JSON.stringify(headers))

  const baselinePort = await freePort()
  const baseline = fork(
    'bench/baseline-server.ts',
    [join(dataDir, 'page.html'), join(dataDir, 'headers.json'), String(baselinePort)],
    { execArgv: ['--import', 'tsx'] },
  )
  try {
    await new Promise(resolve => baseline.once('message', resolve))
    // Interleaved rounds, so drift on a busy machine falls on both sides alike.
    const baselineUrl = `http://127.0.0.1:${baselinePort}${path}`
    const oursRounds = [await load(url)]
    const theirRounds = [await load(baselineUrl)]
    theirRounds.push(await load(baselineUrl))
    oursRounds.push(await load(url))
    return { ours: mean(oursRounds), theirs: mean(theirRounds), bytes: body.length }
  } finally {
    await stopServer(baseline)
  }
}

/** Requests per second over DURATION seconds at CONNECTIONS connections, after a short warm-up. */
async function load(url: string): Promise<number> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return result.requests.total / DURATION
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}

/**
 * Median time of `runs` requests for `path` with the page cache off (store load, render and
 * response through Fastify's reply, with ETag, headers and the bytes written), leaving out the
 * first `warmup` ones.
 */
export async function medianUncachedRender(
  env: Record<string, string>,
  path: string,
  runs: number,
  warmup: number,
): Promise<number> {
  const newsreel = await buildApp(loadConfig(env, { pageCacheBytes: 0, logLevel: 'silent' }))
  try {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      // A turn of the event loop between requests, as a server has: inject's request queues a
      // setImmediate that a loop of awaits alone never lets run, so every request of the run was
      // kept (3,000 requests left 3,000 pending immediates and 25 MB more heap, found with a heap
      // snapshot), and the render was timed against an ever larger heap.
      await new Promise(resolve => setImmediate(resolve))
      const started = process.hrtime.bigint()
      // The body is left as the stream of bytes the server wrote: by default inject also joins
      // them and decodes them into a JavaScript string, the test harness's work (0.1-0.15 ms of a
      // 30 KB page holding curly quotes), not the server's.
      const res = await newsreel.app.inject({ url: path, payloadAsStream: true })
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6
      if (res.statusCode !== 200) throw new Error(`uncached render answered ${res.statusCode}`)
      if (i >= warmup) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)] ?? Number.NaN
  } finally {
    await newsreel.close()
  }
}
