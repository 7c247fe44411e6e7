// Builds a real app on a real, throwaway database for one test file: a temporary SQLite
// file by default, or a fresh PostgreSQL schema when TEST_DATABASE_URL points to one.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { buildApp, type Newsreel } from '../src/app.js'
import { loadConfig, type Config, type DatabaseConfig } from '../src/config.js'
import { migrateToLatest, openDatabase, type Database, type Db } from '../src/db/index.js'
import { after, beforeEach } from 'node:test'

/** The database a test run uses: TEST_DATABASE_URL (PostgreSQL) or SQLite. */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'

interface Scratch {
  dataDir: string
  database: DatabaseConfig
  cleanup(): Promise<void>
}

async function scratch(): Promise<Scratch> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-test-'))
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    return {
      dataDir,
      database: { dialect: 'sqlite', file: join(dataDir, 'test.db') },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`
  return {
    dataDir,
    database: { dialect: 'postgres', url, schema },
    async cleanup() {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A migrated database with nothing in it, and how to throw it away. */
export async function testDatabase(): Promise<Database & { dataDir: string; dispose(): Promise<void> }> {
  const s = await scratch()
  const database = await openDatabase(s.database)
  await migrateToLatest(database)
  return {
    ...database,
    dataDir: s.dataDir,
    async dispose() {
      await database.close()
      await s.cleanup()
    },
  }
}

/**
 * For a suite whose tests each need an empty database (lists, positions, counts over a whole
 * table): a new one before every test, thrown away after. Call it inside `describe`; it answers
 * the current test's `db`.
 */
export function freshDatabasePerTest(): () => Db {
  let database: Awaited<ReturnType<typeof testDatabase>> | undefined
  beforeEach(async () => {
    await database?.dispose()
    database = await testDatabase()
  })
  after(() => database?.dispose())
  return () => {
    if (!database) throw new Error('freshDatabasePerTest: no database outside a test')
    return database.db
  }
}

/** The app on a throwaway database, built exactly as `newsreel start` builds it. */
export async function testApp(
  overrides: Partial<Config> = {},
): Promise<Newsreel & { config: Config; dispose(): Promise<void> }> {
  const s = await scratch()
  const config = loadConfig(
    { NODE_ENV: 'test', DATA_DIR: s.dataDir, PUBLIC_URL: 'https://news.example.org' },
    { database: s.database, ...overrides },
  )
  const newsreel = await buildApp(config)
  return {
    ...newsreel,
    config,
    async dispose() {
      await newsreel.close()
      await s.cleanup()
    },
  }
}
