// Real `newsreel` processes on a test database, for tests that kill one and start another.
import { spawn, type ChildProcess } from 'node:child_process'
import type { testDatabase } from './helpers.js'

type TestDatabase = Awaited<ReturnType<typeof testDatabase>>

/** The DATABASE_URL that reaches a test database from another process. */
export function databaseUrlOf(database: TestDatabase): string {
  if (database.dialect === 'sqlite') return `file:${database.dataDir}/test.db`
  const url = process.env.TEST_DATABASE_URL ?? ''
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.schema}`)}`
}

/** Starts `newsreel worker` on the database; resolves once it says it runs jobs. Stop it by its pid. */
export function startWorker(database: TestDatabase, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/newsreel.js', 'worker'], {
    env: {
      ...process.env,
      DATA_DIR: database.dataDir,
      DATABASE_URL: databaseUrlOf(database),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes('running background jobs')) resolve(child)
    })
    child.once('exit', (code, signal) =>
      reject(new Error(`the worker exited (${code ?? signal}) before it started: ${out}`)),
    )
  })
}

/** Kills a process with SIGKILL (no chance to clean up) and waits for it to be gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise(resolve => child.once('exit', resolve))
  child.kill('SIGKILL')
  await gone
}
