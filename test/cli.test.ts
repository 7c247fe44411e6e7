// test-database: none (it runs servers on their own SQLite files, so the PostgreSQL pass leaves it out)
// The `newsreel` command as an operator meets it: help, bad configuration, start and a
// graceful stop on SIGTERM.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CLIENT_SCRIPTS } from '../src/platform/http/client-assets.js'

const BIN = 'bin/newsreel.js'

describe('the newsreel command', () => {
  it('prints its commands for help', () => {
    const result = spawnSync(process.execPath, [BIN, 'help'], { encoding: 'utf8' })
    assert.equal(result.status, 0)
    assert.match(result.stdout, /start/)
    assert.match(result.stdout, /migrate/)
    assert.match(result.stdout, /seed/)
  })

  it('refuses an unknown command with its usage', () => {
    const result = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' })
    assert.equal(result.status, 64)
    assert.match(result.stderr, /Unknown command "frobnicate"/)
  })

  it('stops before listening when the configuration is bad, naming the variable', () => {
    const result = spawnSync(process.execPath, [BIN, 'start'], {
      encoding: 'utf8',
      env: { ...process.env, PORT: 'abc', DATABASE_URL: 'mysql://u:pw@h/db' },
    })
    assert.equal(result.status, 78)
    assert.match(result.stderr, /PORT must be a whole number/)
    assert.match(result.stderr, /DATABASE_URL must start with postgres/)
    assert.ok(!result.stderr.includes('pw@'), 'the password is not repeated')
  })

  it('migrates, serves /healthz, and exits cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-cli-'))
    try {
      const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_URL: '' }
      const migrate = spawnSync(process.execPath, [BIN, 'migrate'], { encoding: 'utf8', env })
      assert.equal(migrate.status, 0, migrate.stderr)
      assert.match(migrate.stdout, /Applied 0001-content-model/)
      const port = 5700 + Math.floor(Math.random() * 200)
      const server = spawn(process.execPath, [BIN, 'start'], {
        env: { ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      await new Promise<void>((resolve, reject) => {
        let out = ''
        server.stdout.on('data', (c: Buffer) => {
          out += c
          if (out.includes('Newsreel is serving')) resolve()
        })
        server.once('exit', code => reject(new Error(`exited ${code}`)))
      })
      const health = await fetch(`http://127.0.0.1:${port}/healthz`)
      assert.deepEqual(await health.json(), { status: 'ok' })
      const exited = new Promise<number | null>(resolve => server.once('exit', resolve))
      server.kill('SIGTERM')
      assert.equal(await exited, 0)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('`npm start` runs the compiled build: it builds, serves pages and their assets, and stops on SIGTERM', async () => {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' })
    assert.equal(built.status, 0, built.stderr)
    const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-build-'))
    try {
      const env = {
        ...process.env,
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        PORT: '0',
      }
      const server = spawn(process.execPath, ['dist/src/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      const port = await new Promise<number>((resolve, reject) => {
        let out = ''
        server.stdout.on('data', (c: Buffer) => {
          out += c
          const m = /listening on [\d.]+:(\d+)/.exec(out)
          if (m) resolve(Number(m[1]))
        })
        server.once('exit', code => reject(new Error(`exited ${code}: ${out}`)))
      })
      const base = `http://127.0.0.1:${port}`
      assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' })
      const page = await (await fetch(`${base}/newsroom/sign-in`)).text()
      const assets = [...page.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js))"/g)].map(m => m[1]!)
      assert.ok(assets.length > 0, 'the page links its stylesheet')
      for (const asset of assets) assert.equal((await fetch(`${base}${asset}`)).status, 200, asset)
      // The islands come bundled by the build, every one of them, and the server serves those bytes.
      assert.deepEqual(JSON.parse(readFileSync('dist/client-bundles/manifest.json', 'utf8')), CLIENT_SCRIPTS)
      const combobox = assets.find(asset => asset.startsWith('/assets/combobox.'))
      assert.ok(combobox, 'the newsroom page carries its island')
      assert.equal(
        await (await fetch(`${base}${combobox}`)).text(),
        readFileSync('dist/client-bundles/newsroom/combobox.js', 'utf8'),
      )
      const exited = new Promise<number | null>(resolve => server.once('exit', resolve))
      server.kill('SIGTERM')
      assert.equal(await exited, 0)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('a build that fails exits non-zero with what failed, so `npm start` stops before serving', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsreel-broken-build-'))
    try {
      mkdirSync(join(dir, 'src'))
      mkdirSync(join(dir, 'client'))
      writeFileSync(join(dir, 'src', 'main.ts'), 'export const broken = ;\n')
      const built = spawnSync(process.execPath, [resolve('scripts/build.mjs')], { cwd: dir, encoding: 'utf8' })
      assert.equal(built.status, 1)
      assert.match(built.stderr, /The build failed/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
