// SQL for rate-limit hits: timestamped rows in named buckets, counted by the sign-in throttle and by
// every other limit (reset requests, newsletter sign-ups and test sends); they name no account.
import type { Db } from '../db/index.js'

/** Records a hit in a bucket and returns how many hits it holds within the window (this one included). */
export async function hitRateLimit(db: Db, bucket: string, windowMs: number): Promise<number> {
  const now = new Date()
  const since = new Date(now.getTime() - windowMs).toISOString()
  await db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).where('at', '<', since).execute()
  await db.insertInto('rate_limit_hits').values({ bucket, at: now.toISOString() }).execute()
  const row = await db
    .selectFrom('rate_limit_hits')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('bucket', '=', bucket)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Records one hit in a bucket at an instant and returns its id (so it can be taken back). */
export async function insertRateLimitHit(db: Db, bucket: string, at: string): Promise<number> {
  const row = await db.insertInto('rate_limit_hits').values({ bucket, at }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Takes back hits by id (an attempt that turned out not to count). */
export async function deleteRateLimitHits(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('rate_limit_hits')
      .where('id', 'in', [...ids])
      .execute()
}

/** How many hits each bucket holds since its instant, and the latest, leaving out the given ids; one query. */
export async function rateLimitStats(
  db: Db,
  buckets: readonly { bucket: string; since: string }[],
  exceptIds: readonly number[] = [],
): Promise<Map<string, { count: number; last: string }>> {
  let query = db
    .selectFrom('rate_limit_hits')
    .select(eb => ['bucket', eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where(eb => eb.or(buckets.map(b => eb.and([eb('bucket', '=', b.bucket), eb('at', '>=', b.since)]))))
  if (exceptIds.length) query = query.where('id', 'not in', [...exceptIds])
  const rows = await query.groupBy('bucket').execute()
  return new Map(rows.map(r => [r.bucket, { count: Number(r.n), last: String(r.last) }]))
}

/** Forgets a bucket (after a successful sign-in). */
export async function clearRateLimit(db: Db, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).execute()
}
