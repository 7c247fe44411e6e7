// The machine's Redis for tests: where it is, and whether a suite should run against it.
import { Redis } from 'ioredis'

/** The Redis tests use (TEST_REDIS_URL, else the local one). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Why a Redis suite is skipped, or false. On CI a missing Redis is a broken build, not a reason to skip. */
export function redisSkip(unreachable: string | undefined): string | false {
  return unreachable && process.env.CI !== 'true'
    ? `Redis is not reachable at ${new URL(TEST_REDIS_URL).host} (${unreachable}); CI=true makes this a failure`
    : false
}

/** Why Redis cannot be used, or undefined when it answers PING. */
export async function probe(url: string): Promise<string | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
  })
  let cause: unknown
  client.on('error', (error: unknown) => (cause ??= error))
  try {
    await client.connect()
    await client.ping()
    return undefined
  } catch (error) {
    const reason = cause ?? error
    return reason instanceof Error ? reason.message : String(reason)
  } finally {
    client.disconnect()
  }
}
