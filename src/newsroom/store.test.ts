import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { hitRateLimit, insertAccount, pruneStaleAccessRecords } from './index.js'

describe('pruning stale access records', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(async () => {
    await database.dispose()
  })

  it('deletes day-old rate-limit hits, dead sessions and long-expired links, and keeps what still counts', async () => {
    const db = database.db
    const account = await insertAccount(db, {
      email: 'pat@example.org',
      name: 'Pat',
      role: 'editor',
      passwordHash: 'x',
    })
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    await db
      .insertInto('rate_limit_hits')
      .values([
        { bucket: 'sign-in:old', at: ago(25) },
        { bucket: 'sign-in:old', at: ago(30) },
      ])
      .execute()
    await hitRateLimit(db, 'sign-in:recent', 900_000)
    const session = (id: string, expiresAt: string, revokedAt: string | null) => ({
      id,
      account_id: account.id,
      csrf_token: id,
      created_at: ago(48),
      last_seen_at: ago(1),
      expires_at: expiresAt,
      revoked_at: revokedAt,
      ip: '',
      user_agent: '',
    })
    await db
      .insertInto('sessions')
      .values([session('live', ago(-24), null), session('expired', ago(1), null), session('revoked', ago(-24), ago(2))])
      .execute()
    const token = (hash: string, expiresAt: string) => ({
      token_hash: hash,
      kind: 'reset' as const,
      account_id: account.id,
      expires_at: expiresAt,
      used_at: null,
      created_at: ago(72),
    })
    await db
      .insertInto('account_tokens')
      .values([token('fresh', ago(-1)), token('just-expired', ago(2)), token('long-expired', ago(30))])
      .execute()

    assert.equal(await pruneStaleAccessRecords(db), 5)
    assert.deepEqual(
      (await db.selectFrom('rate_limit_hits').select('bucket').execute()).map(r => r.bucket),
      ['sign-in:recent'],
    )
    assert.deepEqual(
      (await db.selectFrom('sessions').select('id').execute()).map(r => r.id),
      ['live'],
    )
    assert.deepEqual(
      (await db.selectFrom('account_tokens').select('token_hash').orderBy('token_hash').execute()).map(
        r => r.token_hash,
      ),
      ['fresh', 'just-expired'],
    )
  })
})
