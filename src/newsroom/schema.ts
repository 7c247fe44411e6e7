// Table types owned by the newsroom part: staff accounts, their sessions, one-time tokens,
// the audit log and rate-limit counters.
import type { Generated } from 'kysely'

/** Roles in increasing power; each can do everything the one before it can. */
export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** A staff member who signs in to the newsroom. Not a Person: a person is who appears in bylines. */
export interface AccountsTable {
  id: Generated<number>
  email: string
  name: string
  role: Role
  /** scrypt hash; null until the account has set a password (an invitation not yet accepted). */
  password_hash: string | null
  /** The byline this account writes under, if any. */
  person_id: number | null
  /** 1 while the account may sign in. */
  active: number
  created_at: string
  updated_at: string
  last_sign_in_at: string | null
}

/** A signed-in browser. The cookie holds a random token; only its hash is stored. */
export interface SessionsTable {
  id: string
  account_id: number
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
  revoked_at: string | null
  ip: string
  user_agent: string
}

export const TOKEN_KINDS = ['setup', 'reset', 'invite'] as const
export type TokenKind = (typeof TOKEN_KINDS)[number]

/** A single-use link: the first admin's set-up, a password reset, an invitation. Hash stored, never the token. */
export interface AccountTokensTable {
  id: Generated<number>
  token_hash: string
  kind: TokenKind
  account_id: number | null
  expires_at: string
  used_at: string | null
  created_at: string
}

/** Who did what, when: sign-ins, role changes, publishing, corrections. */
export interface AuditLogTable {
  id: Generated<number>
  at: string
  account_id: number | null
  action: string
  subject: string
  /** JSON object with details. */
  detail: string
  ip: string
}

/** One counted attempt in a rate-limit bucket such as `sign-in:account:a@b.org`. */
export interface RateLimitHitsTable {
  id: Generated<number>
  bucket: string
  at: string
}
