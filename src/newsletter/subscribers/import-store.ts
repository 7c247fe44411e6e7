// SQL for the CSV import: which addresses are stored already, adding the new ones, confirming
// pending ones on an admin's assertion of consent, and putting them all on the chosen lists.
// Apart from store.ts, which serves the subscriber pages; only import.ts calls these.
import type { Db } from '../../db/index.js'
import { nowIso } from '../../platform/time.js'
import type { SubscriberStatus } from '../schema.js'

/** The id and status of each of `emails` that is stored (looked up 500 at a time). */
export async function findByEmails(
  db: Db,
  emails: readonly string[],
): Promise<Map<string, { id: number; status: SubscriberStatus }>> {
  const found = new Map<string, { id: number; status: SubscriberStatus }>()
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .selectFrom('newsletter_subscribers')
      .select(['id', 'email', 'status'])
      .where('email', 'in', emails.slice(i, i + 500))
      .execute()
    for (const r of rows) found.set(r.email, { id: r.id, status: r.status })
  }
  return found
}

/** An address an import adds. */
export interface ImportedAddress {
  email: string
  status: 'pending' | 'confirmed'
  /** The recorded assertion, for confirmed ones. */
  consent: string
}

/** Adds new addresses (500 per statement); one stored meanwhile is left as it is. Answers the ids of those added. */
export async function insertImported(db: Db, addresses: readonly ImportedAddress[]): Promise<number[]> {
  const now = nowIso()
  const ids: number[] = []
  for (let i = 0; i < addresses.length; i += 500) {
    const rows = await db
      .insertInto('newsletter_subscribers')
      .values(
        addresses.slice(i, i + 500).map(a => ({
          email: a.email,
          status: a.status,
          source: 'import',
          consent: a.consent,
          created_at: now,
          updated_at: now,
          confirmed_at: a.status === 'confirmed' ? now : null,
        })),
      )
      .onConflict(oc => oc.column('email').doNothing())
      .returning('id')
      .execute()
    ids.push(...rows.map(r => r.id))
  }
  return ids
}

/** Confirms the pending ones among `ids` on an admin's recorded assertion of consent; answers how many. */
export async function confirmPendingByImport(db: Db, ids: readonly number[], consent: string): Promise<number> {
  const now = nowIso()
  let changed = 0
  for (let i = 0; i < ids.length; i += 500) {
    const result = await db
      .updateTable('newsletter_subscribers')
      .set({ status: 'confirmed', consent, confirmed_at: now, updated_at: now, confirm_nonce: null })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'pending')
      .executeTakeFirst()
    changed += Number(result.numUpdatedRows)
  }
  return changed
}

/** Puts every subscriber of `subscriberIds` on every list of `listIds`; subscriptions that exist are kept. */
export async function addSubscriptions(
  db: Db,
  subscriberIds: readonly number[],
  listIds: readonly number[],
): Promise<void> {
  const now = nowIso()
  const rows = subscriberIds.flatMap(subscriber_id =>
    listIds.map(list_id => ({ subscriber_id, list_id, created_at: now })),
  )
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('newsletter_subscriptions')
      .values(rows.slice(i, i + 500))
      .onConflict(oc => oc.columns(['subscriber_id', 'list_id']).doNothing())
      .execute()
  }
}
