// Running the real server as its own process, exactly as `newsreel start` runs in production,
// so a bench measures (and can sample the memory of) that process alone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/** A port nothing listens on right now: the kernel picks it, so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Runs a `newsreel` command (such as `user create`) to its end; throws with its output when it fails. */
export function runCli(args: string[], env: Record<string, string>, input?: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  })
  if (result.status !== 0)
    throw new Error(`newsreel ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`)
  return result.stdout
}

/** The `NAME=value` settings `npm start`'s script puts before the server's command. */
export function startScriptEnv(): Record<string, string> {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  const server = script.split('&&').find(step => step.includes('dist/src/main.js')) ?? ''
  return Object.fromEntries([...server.matchAll(/(?:^|\s)([A-Z_]+)=(\S+)/g)].map(m => [m[1], m[2]]))
}

let built = false

/** Compiles the server as `npm start` does, once per bench run, so benches measure what users run. */
export function buildOnce(): void {
  if (built) return
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`)
  built = true
}

/**
 * Starts `newsreel start` (the compiled build, as `npm start` runs it) on `port` with `env`; resolves once it says it is serving. The node
 * process is spawned directly (no npm or shell in between), so the child's pid is the server's.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  buildOnce()
  const server = spawn(process.execPath, ['dist/src/main.js', 'start'], {
    env: { ...process.env, ...startScriptEnv(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    await waitForLine(server, /Newsreel is serving/)
    return server
  } catch (error) {
    server.kill('SIGTERM')
    throw error
  }
}

/** Asks the server to shut down by its pid and waits for it to go (SIGKILL after 10 s). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise<void>(resolve => server.once('exit', () => resolve()))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      if (!pattern.test(seen)) return
      // Keep draining stdout so the server never blocks on a full pipe, but stop collecting it.
      child.stdout?.off('data', onData).on('data', () => {})
      resolve()
    }
    child.stdout?.on('data', onData)
    child.once('exit', code => reject(new Error(`server exited with ${code} before it was ready:\n${seen}`)))
  })
}
