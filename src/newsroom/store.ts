// SQL for accounts and the audit log, and the pruning of stale access records. Sessions,
// one-time tokens and rate-limit hits have their own stores beside this one.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { Role } from './schema.js'

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

/** Maps an accounts row to an Account; the session store maps its joined rows with it too. */
export function toAccount(row: AccountRow): Account {
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
