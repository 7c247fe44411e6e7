// What every browser test needs: Debian's Chromium (required under CI=true), and the real
// server started as `newsreel start` in a scratch folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { migrateToLatest, openDatabase, type Db } from '../src/db/index.js'
import { hashPassword, insertAccount } from '../src/newsroom/index.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why a browser suite is skipped, or false; under CI=true a missing Chromium throws instead. */
export function chromiumMissing(): string | false {
  if (existsSync(CHROMIUM)) return false
  if (process.env.CI === 'true')
    throw new Error(
      `Chromium is required for the browser tests under CI but ${CHROMIUM} does not exist (apt-get install chromium).`,
    )
  return `no Chromium at ${CHROMIUM}`
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A port nothing listens on now, picked below the system's ephemeral range (32768 and up).
 * The server binds it only after seeding the demo, which can take minutes under CI's load;
 * a port the system handed out (port 0) could meanwhile go to another test's `listen(0)`, as
 * it once did. Below 32768 the system never hands ports out, so only another server started
 * here could take it, and `startServer` retries with a new port if one does. The range also
 * avoids the ports Chromium refuses to load (6000, 10080 ...).
 */
function freePort(): Promise<number> {
  const port = 20_000 + Math.floor(Math.random() * 12_000)
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(freePort()) : reject(error),
    )
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)))
  })
}

/** A running `newsreel start` and how to stop it. */
export interface RunningServer {
  base: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts the real server on a random port with the demo newsroom; resolves once `ready` is printed. */
export async function startServer(
  options: { env?: Record<string, string>; ready?: string; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-server-'))
  // A port taken between the probe and the server's listen fails the start with EADDRINUSE:
  // start again on another port (the data folder is seeded by then, so the retry is quick).
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, await freePort(), options)
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) {
        rmSync(dataDir, { recursive: true, force: true })
        throw error
      }
    }
  }
}

class PortTaken extends Error {}

async function startOnce(
  dataDir: string,
  port: number,
  options: { env?: Record<string, string>; ready?: string; timeoutMs?: number },
): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk)
    errors += chunk
  })
  const ready = options.ready ?? 'Newsreel is serving'
  // Seeding the demo on a busy two-core machine can take minutes; past the limit the server is
  // killed, so a test that gives up never leaves it (and so itself) running.
  const limitMs = options.timeoutMs ?? 280_000
  await new Promise<void>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within ${limitMs / 1000} s: ${out}`))
    }, limitMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes(ready)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', code => {
      clearTimeout(timer)
      const taken = errors.includes('EADDRINUSE')
      reject(taken ? new PortTaken(`port ${port} was taken`) : new Error(`server exited with ${code}: ${out}`))
    })
  })
  return {
    base,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise(resolve => child.once('exit', resolve))
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The demo newsroom's password for its four accounts. */
export const DEMO_PASSWORD = 'long-view-demo-2026'

/** Signs a page in to the newsroom with the sign-in form, as a person would, and waits for the dashboard. */
export async function signInNewsroom(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/newsroom`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/newsroom`)
}

/** From the page's first script on, keeps every Content-Security-Policy violation for `cspViolations`. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', e =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    )
  })
}

/** The violations `recordCspViolations` kept on this page so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
}

/** A browser suite's newsroom: the real server and Chromium, and how to stop both. */
export interface BrowserNewsroom {
  server: RunningServer
  browser: Browser
  close(): Promise<void>
}

/**
 * Starts a newsroom without the demo on a fresh SQLite file in `dataDir`: migrated, with one
 * editor account and whatever `seed` adds, then the real server on it and Chromium.
 */
export async function startBrowserNewsroom(
  dataDir: string,
  editor: { email: string; name: string; password: string },
  seed: (db: Db) => Promise<void>,
): Promise<BrowserNewsroom> {
  const database = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'newsreel.db') })
  try {
    await migrateToLatest(database)
    await insertAccount(database.db, {
      email: editor.email,
      name: editor.name,
      role: 'editor',
      passwordHash: await hashPassword(editor.password),
    })
    await seed(database.db)
  } finally {
    await database.close()
  }
  const server = await startServer({ env: { NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: 'false' } })
  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    await server.stop()
    throw error
  }
  return {
    server,
    browser,
    async close() {
      await browser.close()
      await server.stop()
    },
  }
}

/**
 * A new page `width` wide, signed in to the newsroom, that keeps its console errors (but those
 * `expected` matches) and uncaught errors in `problems`; with `csp`, it records CSP violations too.
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  account: { email: string; password: string },
  problems: string[],
  options: { width?: number; expected?: RegExp; csp?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } })
  const page = await context.newPage()
  if (options.csp) await recordCspViolations(page)
  page.on('console', m => {
    if (m.type() === 'error' && !options.expected?.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', e => problems.push(e.message))
  await signInNewsroom(page, base, account.email, account.password)
  return page
}
