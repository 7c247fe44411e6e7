// SQL for sessions, one signed-in browser each: created at sign-in, found and touched on every
// request, revoked at sign-out or when access changes. Apart from accounts, which it only joins.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import { type Account, toAccount } from './store.js'
import { hashToken } from './tokens.js'

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
