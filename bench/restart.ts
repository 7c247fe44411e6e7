// restart: what a deploy waits for. The compiled server (`npm start`'s, after its build) started on
// an existing data folder, the demo newsroom seeded and its media made, timed from the spawn to the
// first 200 on `/`; median of three, after one start not counted (it applies any new migration and
// fills the asset cache, as the previous run of the same version would have). The folder is made
// once by a first boot and kept in .cache/bench-restart (or RESTART_DATA_DIR), since its media take minutes.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { round, type BenchRow } from './results.js'
import { buildOnce, freePort, startScriptEnv, stopServer } from './server.js'

/** Issue 15's bound: the first page within a second of the spawn. */
const BOUND_MS = 1000
const RUNS = 3
const PREPARED = 'prepared'
const MEDIA_TIMEOUT_MS = 20 * 60_000

/** Runs the restart bench and returns its rows. */
export async function benchRestart(): Promise<BenchRow[]> {
  buildOnce()
  const dataDir = resolve(process.env.RESTART_DATA_DIR ?? '.cache/bench-restart')
  const port = await freePort()
  // The newcomer's environment first-start uses: development, SQLite, the default log level.
  const env: NodeJS.ProcessEnv = { ...process.env, ...startScriptEnv(), DATA_DIR: dataDir, PORT: String(port) }
  env.PUBLIC_URL = `http://127.0.0.1:${port}`
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'LOG_LEVEL', 'SEED_DEMO', 'RUN_JOBS', 'MEDIA_DIR']) delete env[name]
  if (!existsSync(join(dataDir, PREPARED))) await prepare(dataDir, env)
  await timedStart(env, port)
  const runs: { ms: number; cpuMs: number }[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await timedStart(env, port))
  const ms = median(runs.map(r => r.ms))
  const cpuMs = median(runs.map(r => r.cpuMs))
  console.log(
    `  first 200 on / after ${runs.map(r => r.ms.toFixed(0)).join(', ')} ms (median ${ms.toFixed(0)}); the server's CPU by then ${runs.map(r => r.cpuMs).join(', ')} ms; load ${loadAverage()}`,
  )
  return [
    { name: 'restart', value: round(ms, 0), unit: 'ms', baseline: BOUND_MS, ratio: round(ms / BOUND_MS, 3) },
    { name: 'restart-cpu', value: round(cpuMs, 0), unit: 'ms', baseline: null, ratio: null },
  ]
}

/** A first boot on an empty folder, left running until the demo's media are made. */
async function prepare(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`  preparing ${dataDir}: a first boot, until the demo's media are made (minutes, once)`)
  const server = spawn(process.execPath, ['dist/src/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    await new Promise<void>((done, fail) => {
      let seen = ''
      const timer = setTimeout(
        () => fail(new Error('the demo media were not made within 20 minutes')),
        MEDIA_TIMEOUT_MS,
      )
      const onData = (chunk: Buffer) => {
        seen = (seen + chunk.toString()).slice(-10_000)
        if (!/demo media ready/.test(seen)) return
        clearTimeout(timer)
        done()
      }
      server.stdout?.on('data', onData)
      server.stderr?.on('data', onData)
      server.once('exit', code => fail(new Error(`the first boot exited with ${code}:\n${seen}`)))
    })
  } finally {
    await stopServer(server)
  }
  writeFileSync(join(dataDir, PREPARED), `${new Date().toISOString()}\n`)
}

/** Spawns the server and times its first 200 on `/`; returns that and its CPU time by then. */
async function timedStart(env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now()
  const server = spawn(process.execPath, ['dist/src/main.js', 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-10_000)
  })
  try {
    await firstOk(`http://127.0.0.1:${port}/`, server, () => stderr)
    const ms = performance.now() - started
    return { ms, cpuMs: server.pid ? cpuMs(server.pid) : 0 }
  } finally {
    await stopServer(server)
  }
}

/** Asks every 10 ms; rejects if the server exits or 60 s pass. */
async function firstOk(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = performance.now() + 60_000
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise(done => setTimeout(done, 10))
  }
  throw new Error(`no 200 from ${url} within 60 s:\n${log()}`)
}

/** User and system CPU of a running process, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}
