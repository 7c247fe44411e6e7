// Test-only helpers shared by the jobs tests: a second connection to a test database, and
// a short wait. Not exported from the door.
import { join } from 'node:path'
import type { DatabaseConfig } from '../../config.js'
import type { Database } from '../../db/index.js'

/** The configuration that opens the same database `testDatabase()` made (another connection, or another process). */
export function configOf(database: Database & { dataDir: string }): DatabaseConfig {
  if (database.dialect === 'sqlite') return { dialect: 'sqlite', file: join(database.dataDir, 'test.db') }
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('a PostgreSQL test database needs TEST_DATABASE_URL')
  return { dialect: 'postgres', url, schema: database.schema }
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** Polls `check` until it returns something truthy, failing after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}
