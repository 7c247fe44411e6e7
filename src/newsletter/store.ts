// SQL for newsletter subscribers and their choice of lists.
import type { Selectable } from 'kysely'
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { NewsletterSubscribersTable, SubscriberStatus } from './schema.js'

/** A subscriber as the part's code sees it. */
export interface Subscriber {
  id: number
  email: string
  status: SubscriberStatus
  /** The nonce of the confirmation link in flight, if any. */
  confirmNonce: string | null
  confirmedAt: string | null
  unsubscribedAt: string | null
}

function toSubscriber(
  row: Pick<
    Selectable<NewsletterSubscribersTable>,
    'id' | 'email' | 'status' | 'confirm_nonce' | 'confirmed_at' | 'unsubscribed_at'
  >,
): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    confirmNonce: row.confirm_nonce,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  }
}

const COLUMNS = ['id', 'email', 'status', 'confirm_nonce', 'confirmed_at', 'unsubscribed_at'] as const

/** The subscriber with this (normalised) address. */
export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | undefined> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select(COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst()
  return row && toSubscriber(row)
}

/** The subscriber with this id. */
export async function findSubscriberById(db: Db, id: number): Promise<Subscriber | undefined> {
  const row = await db.selectFrom('newsletter_subscribers').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toSubscriber(row)
}

/**
 * Adds a pending subscriber with a confirmation in flight; answers its id, or undefined when
 * the address is already listed (another sign-up got there first).
 */
export async function insertPendingSubscriber(
  db: Db,
  s: { email: string; source: string; nonce: string },
): Promise<number | undefined> {
  const now = nowIso()
  const row = await db
    .insertInto('newsletter_subscribers')
    .values({
      email: s.email,
      status: 'pending',
      source: s.source,
      created_at: now,
      updated_at: now,
      confirm_nonce: s.nonce,
      confirm_sent_at: now,
    })
    .onConflict(oc => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

/** Puts a new confirmation in flight (the old link stops working); the status stays as it is. */
export async function restartConfirmation(db: Db, id: number, nonce: string): Promise<void> {
  const now = nowIso()
  await db
    .updateTable('newsletter_subscribers')
    .set({ confirm_nonce: nonce, confirm_sent_at: now, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** Confirms the subscriber whose confirmation in flight has this nonce; false when none has (used or replaced). */
export async function confirmSubscriber(db: Db, id: number, nonce: string, consent: string): Promise<boolean> {
  const now = nowIso()
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({
      status: 'confirmed',
      confirmed_at: now,
      consent,
      confirm_nonce: null,
      unsubscribed_at: null,
      status_reason: '',
      updated_at: now,
    })
    .where('id', '=', id)
    .where('confirm_nonce', '=', nonce)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Marks a subscriber unsubscribed and drops any confirmation in flight; the first time they
 * left is kept. Their choice of lists is removed separately (`setSubscriptions(db, id, [])`).
 */
export async function markUnsubscribed(db: Db, id: number): Promise<void> {
  const now = nowIso()
  await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'unsubscribed', confirm_nonce: null, updated_at: now })
    .where('id', '=', id)
    .execute()
  await db
    .updateTable('newsletter_subscribers')
    .set({ unsubscribed_at: now })
    .where('id', '=', id)
    .where('unsubscribed_at', 'is', null)
    .execute()
}

/** Drops a confirmation in flight that was never used (the subscriber keeps their status). */
export async function clearConfirmation(db: Db, id: number, nonce: string): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({ confirm_nonce: null, updated_at: nowIso() })
    .where('id', '=', id)
    .where('confirm_nonce', '=', nonce)
    .execute()
}

/** Deletes a sign-up that was never confirmed, if it is still pending with this nonce; true when it did. */
export async function deletePendingSignup(db: Db, id: number, nonce: string): Promise<boolean> {
  const result = await db
    .deleteFrom('newsletter_subscribers')
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('confirm_nonce', '=', nonce)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** The ids of the lists a subscriber has chosen. */
export async function subscribedListIds(db: Db, subscriberId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('newsletter_subscriptions')
    .select('list_id')
    .where('subscriber_id', '=', subscriberId)
    .orderBy('list_id')
    .execute()
  return rows.map(r => r.list_id)
}

/** Replaces a subscriber's choice of lists. */
export async function setSubscriptions(db: Db, subscriberId: number, listIds: readonly number[]): Promise<void> {
  await db.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId).execute()
  if (listIds.length === 0) return
  const now = nowIso()
  await db
    .insertInto('newsletter_subscriptions')
    .values([...new Set(listIds)].map(listId => ({ subscriber_id: subscriberId, list_id: listId, created_at: now })))
    .execute()
}

/** How many addresses are in each status (for the newsroom, and tests). */
export async function countSubscribers(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select(['status', eb => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return Object.fromEntries(rows.map(r => [r.status, Number(r.n)]))
}
