// The outbox: SQL for deliveries, one row per (campaign, subscriber). A send is exactly-once
// because every message moves queued → sending (written before SMTP is asked) → sent (written
// after SMTP accepted it), and only the run that claimed a row may confirm it. A row a dead run
// left in `sending` becomes `unknown` and is never sent again.
import { sql } from 'kysely'
import type { Db, Dialect } from '../../db/index.js'
import { nowIso } from '../../platform/time.js'
import type { DeliveryStatus } from '../schema.js'

/** One message the sender has claimed. */
export interface ClaimedDelivery {
  id: number
  subscriberId: number
  email: string
  messageId: string
  /** Counting this one. */
  attempts: number
}

/** How many deliveries of a campaign are in each state, and how many readers left through it. */
export type DeliveryFigures = Record<DeliveryStatus, number> & { total: number; unsubscribed: number }

/** Temporary failures are retried this many times in all before the row is marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 5

/**
 * Makes the outbox rows of a campaign: one per confirmed subscriber of its list, each with a
 * Message-ID that stays the same however often the send is retried. Rows that exist are kept.
 * Returns how many rows the campaign has.
 */
export async function createDeliveries(db: Db, dialect: Dialect, campaign: { id: number; listId: number }, messageIdDomain: string): Promise<number> {
  const now = nowIso()
  // Values in a SELECT list have no column to take their type from on PostgreSQL: spell them out.
  const at = dialect === 'postgres' ? sql<string>`cast(${now} as timestamptz)` : sql<string>`${now}`
  const domain = /^[a-z0-9.-]+$/i.test(messageIdDomain) ? messageIdDomain.toLowerCase() : 'localhost'
  await db.insertInto('newsletter_deliveries')
    .columns(['campaign_id', 'subscriber_id', 'email', 'message_id', 'status', 'attempts', 'next_attempt_at'])
    .expression(
      db.selectFrom('newsletter_subscriptions as ns')
        .innerJoin('newsletter_subscribers as s', 's.id', 'ns.subscriber_id')
        .where('ns.list_id', '=', campaign.listId)
        .where('s.status', '=', 'confirmed')
        .select([
          sql<number>`${sql.lit(campaign.id)}`.as('campaign_id'),
          's.id as subscriber_id',
          's.email',
          sql<string>`cast(${`<newsletter.${campaign.id}.`} as text) || s.id || cast(${`@${domain}>`} as text)`.as('message_id'),
          sql<string>`'queued'`.as('status'),
          sql<number>`0`.as('attempts'),
          at.as('next_attempt_at'),
        ])
        .orderBy('s.id'),
    )
    .onConflict((oc) => oc.columns(['campaign_id', 'subscriber_id']).doNothing())
    .execute()
  const row = await db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaign.id).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Records as `unknown` every row of the campaign left in `sending` by a run other than `runId`.
 * Only one run sends a campaign at a time (its job's lease), so such rows belong to a run that
 * died (or lost its lease) after asking SMTP and before hearing back: they may have arrived.
 */
export async function recordAbandoned(db: Db, campaignId: number, runId: string): Promise<number> {
  const result = await db.updateTable('newsletter_deliveries')
    .set({ status: 'unknown', last_error: 'The sender stopped while this message was with the mail server; it may or may not have arrived, so it is not sent again.' })
    .where('campaign_id', '=', campaignId).where('status', '=', 'sending').where('claimed_by', '!=', runId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks up to `limit` due rows as `sending` for this run and returns them, oldest first. */
export async function claimDeliveries(db: Db, dialect: Dialect, campaignId: number, runId: string, limit: number, now = new Date()): Promise<ClaimedDelivery[]> {
  if (limit < 1) return []
  const at = now.toISOString()
  let due = db.selectFrom('newsletter_deliveries').select('id')
    .where('campaign_id', '=', campaignId).where('status', '=', 'queued').where('next_attempt_at', '<=', at)
    .orderBy('id').limit(limit)
  if (dialect === 'postgres') due = due.forUpdate().skipLocked()
  const rows = await db.updateTable('newsletter_deliveries')
    .set((eb) => ({ status: 'sending', claimed_by: runId, claimed_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due).where('status', '=', 'queued')
    .returning(['id', 'subscriber_id', 'email', 'message_id', 'attempts'])
    .execute()
  return rows.map((r) => ({ id: r.id, subscriberId: r.subscriber_id, email: r.email, messageId: r.message_id, attempts: r.attempts })).sort((a, b) => a.id - b.id)
}

/** Records that SMTP accepted the message; false when this run no longer owns the row. */
export async function confirmSent(db: Db, id: number, runId: string): Promise<boolean> {
  const result = await db.updateTable('newsletter_deliveries')
    .set({ status: 'sent', sent_at: nowIso(), last_error: null })
    .where('id', '=', id).where('status', '=', 'sending').where('claimed_by', '=', runId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Records a refused or failed hand-over. When SMTP did not take the message, trying again cannot
 * send it twice: a temporary failure is queued again at `retryAt`, until the attempts run out.
 * When the connection broke after the message was sent (`ambiguous`), it is recorded as unknown.
 */
export async function recordFailure(db: Db, delivery: ClaimedDelivery, runId: string, failure: Failure): Promise<'failed' | 'queued' | 'unknown'> {
  const outcome = failure.ambiguous ? 'unknown' : failure.permanent || delivery.attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'queued'
  await db.updateTable('newsletter_deliveries')
    .set({
      status: outcome, last_error: failure.message.slice(0, 1000), claimed_by: null,
      ...(outcome === 'queued' ? { next_attempt_at: failure.retryAt.toISOString() } : {}),
    })
    .where('id', '=', delivery.id).where('status', '=', 'sending').where('claimed_by', '=', runId)
    .execute()
  return outcome
}

/** Why a message was not taken, and when to try again if it may be. */
export interface Failure {
  message: string
  permanent: boolean
  /** The connection broke after the message was sent: it may have arrived. */
  ambiguous?: boolean
  retryAt: Date
}

/** When the next queued row of the campaign is due, or undefined when none is queued. */
export async function nextQueuedAt(db: Db, campaignId: number): Promise<string | undefined> {
  const row = await db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('campaign_id', '=', campaignId).where('status', '=', 'queued').executeTakeFirst()
  return row?.at ? new Date(row.at as string).toISOString() : undefined
}

/** Leaves out a subscriber's queued messages (they left or bounced while a send was under way). */
export async function skipQueuedDeliveries(db: Db, subscriberId: number): Promise<void> {
  await db.updateTable('newsletter_deliveries').set({ status: 'skipped', last_error: 'The subscriber left before this message was sent.' })
    .where('subscriber_id', '=', subscriberId).where('status', '=', 'queued').execute()
}

/** Marks the delivery through which a reader left, for the campaign's figures. */
export async function recordUnsubscribe(db: Db, campaignId: number, subscriberId: number): Promise<void> {
  await db.updateTable('newsletter_deliveries').set({ unsubscribed_at: nowIso() })
    .where('campaign_id', '=', campaignId).where('subscriber_id', '=', subscriberId).where('unsubscribed_at', 'is', null).execute()
}

/** A campaign's figures: deliveries by state, and readers who left through it. */
export async function deliveryFigures(db: Db, campaignId: number): Promise<DeliveryFigures> {
  return (await deliveryFiguresOf(db, [campaignId])).get(campaignId)!
}

/** The figures of several campaigns in one query (the campaign list), by campaign id. */
export async function deliveryFiguresOf(db: Db, campaignIds: readonly number[]): Promise<Map<number, DeliveryFigures>> {
  const byCampaign = new Map(campaignIds.map((id): [number, DeliveryFigures] => [id, { queued: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0, total: 0, unsubscribed: 0 }]))
  if (!campaignIds.length) return byCampaign
  const rows = await db.selectFrom('newsletter_deliveries')
    .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('unsubscribed_at').as('left')])
    .where('campaign_id', 'in', campaignIds).groupBy(['campaign_id', 'status']).execute()
  for (const r of rows) {
    const figures = byCampaign.get(Number(r.campaign_id))!
    figures[r.status] = Number(r.n)
    figures.total += Number(r.n)
    figures.unsubscribed += Number(r.left)
  }
  return byCampaign
}

/** One delivery that failed for good, with the mail server's last word. */
export interface FailedDelivery {
  email: string
  attempts: number
  lastError: string
}

/** A campaign's failed deliveries, oldest first, at most `limit`. */
export async function listFailedDeliveries(db: Db, campaignId: number, limit = 50): Promise<FailedDelivery[]> {
  const rows = await db.selectFrom('newsletter_deliveries').select(['email', 'attempts', 'last_error'])
    .where('campaign_id', '=', campaignId).where('status', '=', 'failed').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ email: r.email, attempts: r.attempts, lastError: r.last_error ?? '' }))
}
