// SQL for one-time tokens (set-up, reset and invitation links): stored as hashes, used once.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { TokenKind } from './schema.js'
import { hashToken } from './tokens.js'

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
