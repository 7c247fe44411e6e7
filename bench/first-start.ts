// first-start: what a newcomer waits for after `npm start` on a fresh clone. A cold start on an
// empty data folder, running `npm start`'s own steps as child processes (the build, then the
// compiled server), timed from the build's start to the first 200 on `/`; then, from the
// server's log, when every demo medium (artwork, films, interviews, podcast audio) is made; then,
// once the server idles, its resident memory (issue 15: under 100 MB after a first boot).
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { round, type BenchRow } from './results.js'
import { freePort, startScriptEnv, stopServer } from './server.js'

/** The bounds: the first page within 15 s, the demo's media within 2 minutes. */
const FIRST_PAGE_BOUND_S = 15
const MEDIA_BOUND_S = 120
/** Issue 15's bound on the server's resident memory once the first boot's work is done. */
const IDLE_RSS_BOUND_MB = 100
/** How long the bench waits at most for each. */
const FIRST_PAGE_TIMEOUT_MS = 180_000
const MEDIA_TIMEOUT_MS = Number(process.env.FIRST_START_MEDIA_TIMEOUT_S ?? 600) * 1000

/** Runs the first-start bench and returns its rows. */
export async function benchFirstStart(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-bench-first-start-'))
  const port = await freePort()
  // A newcomer's environment: no NODE_ENV (so development), no database URL, the default log level.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) }
  env.PUBLIC_URL = `http://127.0.0.1:${port}`
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'LOG_LEVEL', 'SEED_DEMO', 'RUN_JOBS', 'MEDIA_DIR']) delete env[name]
  let server: ChildProcess | undefined
  try {
    const started = performance.now()
    const seconds = () => (performance.now() - started) / 1000
    const cpuBefore = cpuSeconds('self', 'children')
    await run(process.execPath, ['scripts/build.mjs'], env)
    const built = seconds()
    const buildCpu = cpuSeconds('self', 'children') - cpuBefore
    // With the environment `npm start` gives the server (glibc's allocator settings), read from its script.
    server = spawn(process.execPath, ['dist/src/main.js', 'start'], {
      env: { ...env, ...startScriptEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const log = watchLog(server, process.env.FIRST_START_LOG)
    const firstPage = await firstOk(`http://127.0.0.1:${port}/`, server, FIRST_PAGE_TIMEOUT_MS).then(seconds)
    // The CPU time spent, which (unlike the wall time) hardly depends on what else the machine runs.
    const cpu = buildCpu + (server.pid ? cpuSeconds(server.pid, 'own') : 0)
    console.log(
      `  build ${built.toFixed(1)} s, first 200 on / after ${firstPage.toFixed(1)} s, ${cpu.toFixed(1)} s of CPU; load ${loadAverage()}`,
    )
    const mediaReady = await log
      .waitFor(/demo media ready/, MEDIA_TIMEOUT_MS)
      .then(seconds)
      .catch((error: Error) => {
        console.log(`  demo media not ready: ${error.message}`)
        return null
      })
    // The server's own CPU time and its finished children's (ffmpeg), from the build's start on.
    const mediaCpu =
      mediaReady === null || !server.pid
        ? null
        : buildCpu + cpuSeconds(server.pid, 'own') + cpuSeconds(server.pid, 'children')
    if (mediaReady !== null)
      console.log(
        `  demo media all ready after ${mediaReady.toFixed(0)} s, ${mediaCpu?.toFixed(0)} s of CPU on ${cpus().length} cores; load ${loadAverage()}`,
      )
    const idleRss = mediaReady === null || !server.pid ? null : await idleRssMb(server.pid)
    if (idleRss !== null) console.log(`  idle after the first boot: ${idleRss.toFixed(0)} MB resident`)
    return [
      row('first-start', firstPage, FIRST_PAGE_BOUND_S),
      { name: 'first-start-cpu', value: round(cpu, 1), unit: 's', baseline: null, ratio: null },
      ...(mediaReady === null ? [] : [row('first-start-media-ready', mediaReady, MEDIA_BOUND_S)]),
      ...(mediaCpu === null || mediaCpu === undefined
        ? []
        : [{ name: 'first-start-media-cpu', value: round(mediaCpu, 0), unit: 's', baseline: null, ratio: null }]),
      ...(idleRss === null
        ? []
        : [
            {
              name: 'idle-rss-after-first-boot',
              value: round(idleRss, 1),
              unit: 'MB',
              baseline: IDLE_RSS_BOUND_MB,
              ratio: round(idleRss / IDLE_RSS_BOUND_MB, 3),
            },
          ]),
    ]
  } finally {
    if (server) await stopServer(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A row in seconds; the baseline is the bound, so a ratio under 1 is within it. */
function row(name: string, value: number, bound: number): BenchRow {
  return { name, value: round(value, 1), unit: 's', baseline: bound, ratio: round(value / bound, 3) }
}

/** CPU seconds (user + system) from /proc: a process's own, or its waited-for children's. */
function cpuSeconds(pid: number | 'self', which: 'own' | 'children'): number {
  // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are the 12th to 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  const [user, system] = which === 'own' ? [fields[11], fields[12]] : [fields[13], fields[14]]
  return (Number(user) + Number(system)) / 100
}

/**
 * The server's resident memory once it idles: after its CPU time stops growing (under 2% of a
 * core over a second, so the last job's clean-up is done; at most 30 s), then once it has not
 * fallen for 5 s in a row (read each second; at most 30 s more). Memory an idle process hands
 * back a few seconds later (V8's memory reducer runs about 8 s after a full collection) is memory
 * it does not hold while it idles.
 */
async function idleRssMb(pid: number): Promise<number> {
  const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
  for (let i = 0; i < 30; i++) {
    const before = cpuSeconds(pid, 'own')
    await sleep(1000)
    if (cpuSeconds(pid, 'own') - before < 0.02) break
  }
  let lowest = rssMb(pid)
  let steady = 0
  for (let i = 0; i < 30 && steady < 5; i++) {
    await sleep(1000)
    const now = rssMb(pid)
    if (now < lowest) {
      lowest = now
      steady = 0
    } else steady++
  }
  return rssMb(pid)
}

function rssMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(line?.[1]) / 1024
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', reject)
    child.once('exit', code => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))))
  })
}

/** Polls `url` until it answers 200; rejects if the server exits or `timeoutMs` passes. */
async function firstOk(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (res.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s`)
}

/** Collects the server's stdout and stderr, so a line can be waited for; copied to `file` when given (FIRST_START_LOG). */
function watchLog(child: ChildProcess, file?: string) {
  let seen = ''
  const waiters: { pattern: RegExp; resolve: () => void }[] = []
  const copy = file ? createWriteStream(file) : undefined
  const onData = (chunk: Buffer) => {
    copy?.write(chunk)
    seen += chunk.toString()
    if (seen.length > 1_000_000) seen = seen.slice(-100_000)
    for (const w of [...waiters]) if (w.pattern.test(seen)) w.resolve()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  return {
    waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
      if (pattern.test(seen)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not within ${timeoutMs / 1000} s`)), timeoutMs)
        const onExit = () => reject(new Error('the server exited'))
        child.once('exit', onExit)
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer)
            child.off('exit', onExit)
            resolve()
          },
        })
      })
    },
  }
}
