// SQL for accounts, sessions, one-time tokens, the audit log and rate limits.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { Role, TokenKind } from './schema.js'
import { hashToken } from './tokens.js'

/** A staff account as the newsroom sees it (never with its password hash). */
export interface Account {
  id: number
  email: string
  name: string
  role: Role
  personId: number | null
  active: boolean
  hasPassword: boolean
  lastSignInAt: string | null
  createdAt: string
}

type AccountRow = {
  id: number
  email: string
  name: string
  role: Role
  person_id: number | null
  active: number
  password_hash: string | null
  last_sign_in_at: string | null
  created_at: string
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    personId: row.person_id,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  }
}

export async function insertAccount(
  db: Db,
  account: {
    email: string
    name: string
    role: Role
    passwordHash: string | null
    personId?: number | null | undefined
  },
): Promise<Account> {
  const now = nowIso()
  const row = await db
    .insertInto('accounts')
    .values({
      email: account.email,
      name: account.name,
      role: account.role,
      password_hash: account.passwordHash,
      person_id: account.personId ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAccount(row)
}

export async function findAccountById(db: Db, id: number): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toAccount(row) : undefined
}

/** The account and its password hash, for signing in. */
export async function findAccountForSignIn(
  db: Db,
  email: string,
): Promise<{ account: Account; passwordHash: string | null } | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst()
  return row ? { account: toAccount(row), passwordHash: row.password_hash } : undefined
}

export async function listAccounts(db: Db): Promise<Account[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('name').execute()).map(toAccount)
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function updateAccount(
  db: Db,
  id: number,
  changes: {
    role?: Role | undefined
    active?: boolean | undefined
    passwordHash?: string | undefined
    name?: string | undefined
    personId?: number | null | undefined
    signedIn?: boolean | undefined
  },
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
      ...(changes.name ? { name: changes.name } : {}),
      ...(changes.personId !== undefined ? { person_id: changes.personId } : {}),
      ...(changes.signedIn ? { last_sign_in_at: nowIso() } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
}

/** A signed-in browser's session. */
export interface Session {
  id: string
  accountId: number
  csrfToken: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  ip: string
  userAgent: string
}

type SessionRow = {
  id: string
  account_id: number
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
  ip: string
  user_agent: string
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
  }
}

export async function insertSession(
  db: Db,
  session: { token: string; accountId: number; csrfToken: string; expiresAt: string; ip: string; userAgent: string },
): Promise<void> {
  const now = nowIso()
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(session.token),
      account_id: session.accountId,
      csrf_token: session.csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: session.expiresAt,
      revoked_at: null,
      ip: session.ip,
      user_agent: session.userAgent.slice(0, 300),
    })
    .execute()
}

/**
 * The live session a cookie token names, with its account; undefined when expired, revoked,
 * disabled, or created before `createdSince` (the absolute lifetime, however active it was).
 */
export async function findLiveSession(
  db: Db,
  token: string,
  createdSince: string,
): Promise<{ session: Session; account: Account } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.id',
      'sessions.account_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.ip',
      'sessions.user_agent',
      'accounts.email',
      'accounts.name',
      'accounts.role',
      'accounts.person_id',
      'accounts.active',
      'accounts.password_hash',
      'accounts.last_sign_in_at',
      'accounts.created_at as account_created_at',
    ])
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', nowIso())
    .where('sessions.created_at', '>', createdSince)
    .where('accounts.active', '=', 1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    session: toSession(row),
    account: toAccount({ ...row, id: row.account_id, created_at: row.account_created_at }),
  }
}

export async function touchSession(db: Db, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: nowIso(), expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function revokeSession(db: Db, id: string, accountId?: number): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
  if (accountId !== undefined) query = query.where('account_id', '=', accountId)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Revokes every session of an account (password reset, disabling), optionally keeping one. */
export async function revokeAllSessions(db: Db, accountId: number, exceptId?: string): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  await query.execute()
}

export async function listLiveSessions(db: Db, accountId: number): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map(toSession)
}

/** Stores a one-time token (its hash) and returns nothing: the caller keeps the token for the link. */
export async function insertAccountToken(
  db: Db,
  token: { token: string; kind: TokenKind; accountId: number | null; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashToken(token.token),
      kind: token.kind,
      account_id: token.accountId,
      expires_at: token.expiresAt,
      used_at: null,
      created_at: nowIso(),
    })
    .execute()
}

/** A usable (unexpired, unused) token of a kind, or undefined. */
export async function findUsableToken(
  db: Db,
  token: string,
  kind: TokenKind,
): Promise<{ id: number; accountId: number | null } | undefined> {
  const row = await db
    .selectFrom('account_tokens')
    .select(['id', 'account_id'])
    .where('token_hash', '=', hashToken(token))
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst()
  return row ? { id: row.id, accountId: row.account_id } : undefined
}

/** Marks a token used; false when someone used it first (so two tabs cannot both use one link). */
export async function useToken(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: nowIso() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** One audit entry. */
export interface AuditEntry {
  id: number
  at: string
  accountId: number | null
  action: string
  subject: string
  detail: Record<string, unknown>
  ip: string
}

export async function insertAudit(
  db: Db,
  entry: {
    accountId: number | null
    action: string
    subject?: string | undefined
    detail?: Record<string, unknown> | undefined
    ip?: string | undefined
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      account_id: entry.accountId,
      action: entry.action,
      subject: entry.subject ?? '',
      detail: JSON.stringify(entry.detail ?? {}),
      ip: entry.ip ?? '',
    })
    .execute()
}

export async function listAudit(db: Db, limit: number, offset = 0): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(r => ({
    id: r.id,
    at: r.at,
    accountId: r.account_id,
    action: r.action,
    subject: r.subject,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    ip: r.ip,
  }))
}

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

/**
 * Deletes what no longer grants or limits anything: rate-limit hits older than a day (every
 * window is shorter), sessions that expired or were revoked, and sign-in links (set-up, reset,
 * invitation) a day past their expiry. The audit log keeps the history. Returns rows deleted.
 */
export async function pruneStaleAccessRecords(db: Db, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString()
  const results = await Promise.all([
    db.deleteFrom('rate_limit_hits').where('at', '<', dayAgo).executeTakeFirst(),
    db
      .deleteFrom('sessions')
      .where(eb => eb.or([eb('expires_at', '<', now.toISOString()), eb('revoked_at', 'is not', null)]))
      .executeTakeFirst(),
    db.deleteFrom('account_tokens').where('expires_at', '<', dayAgo).executeTakeFirst(),
  ])
  return results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0)
}
