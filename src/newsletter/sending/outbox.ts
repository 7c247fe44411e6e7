// The outbox: SQL for deliveries, one row per (campaign, subscriber). A send is exactly-once
// because every message moves queued → sending (written before SMTP is asked) → sent (written
// after SMTP accepted it), and only the run that claimed a row may confirm it. A row a dead run
// left in `sending` becomes `unknown` and is never sent again. The newsroom reads the figures in
// figures.ts.
import { sql } from 'kysely'
import type { Db, Dialect } from '../../db/index.js'
import { nowIso } from '../../platform/time.js'

/** One message the sender has claimed. */
export interface ClaimedDelivery {
  id: number
  subscriberId: number
  email: string
  messageId: string
  /** Counting this one. */
  attempts: number
  /** Since when the recipient's server has been answering "try again later", if it has. */
  deferredSince: string | null
}

/**
 * How long a recipient's server may answer "try again later" (a 4xx) before the delivery is
 * given up as failed: three days, as mail servers keep a message in their own queues.
 */
export const RECIPIENT_DEFERRAL_LIMIT_MS = 3 * 86_400_000

/**
 * Makes the outbox rows of a campaign: one per confirmed subscriber of its list, each with a
 * Message-ID that stays the same however often the send is retried. Rows that exist are kept.
 * Returns how many rows the campaign has.
 */
export async function createDeliveries(
  db: Db,
  dialect: Dialect,
  campaign: { id: number; listId: number },
  messageIdDomain: string,
): Promise<number> {
  const now = nowIso()
  // Values in a SELECT list have no column to take their type from on PostgreSQL: spell them out.
  const at = dialect === 'postgres' ? sql<string>`cast(${now} as timestamptz)` : sql<string>`${now}`
  const domain = /^[a-z0-9.-]+$/i.test(messageIdDomain) ? messageIdDomain.toLowerCase() : 'localhost'
  await db
    .insertInto('newsletter_deliveries')
    .columns(['campaign_id', 'subscriber_id', 'email', 'message_id', 'status', 'attempts', 'next_attempt_at'])
    .expression(
      db
        .selectFrom('newsletter_subscriptions as ns')
        .innerJoin('newsletter_subscribers as s', 's.id', 'ns.subscriber_id')
        .where('ns.list_id', '=', campaign.listId)
        .where('s.status', '=', 'confirmed')
        .select([
          sql<number>`${sql.lit(campaign.id)}`.as('campaign_id'),
          's.id as subscriber_id',
          's.email',
          sql<string>`cast(${`<newsletter.${campaign.id}.`} as text) || s.id || cast(${`@${domain}>`} as text)`.as(
            'message_id',
          ),
          sql<string>`'queued'`.as('status'),
          sql<number>`0`.as('attempts'),
          at.as('next_attempt_at'),
        ])
        .orderBy('s.id'),
    )
    .onConflict(oc => oc.columns(['campaign_id', 'subscriber_id']).doNothing())
    .execute()
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Records as `unknown` every row of the campaign left in `sending` by a run other than `runId`.
 * Only one run sends a campaign at a time (its job's lease), so such rows belong to a run that
 * died (or lost its lease) after asking SMTP and before hearing back: they may have arrived.
 */
export async function recordAbandoned(db: Db, campaignId: number, runId: string): Promise<number> {
  const result = await db
    .updateTable('newsletter_deliveries')
    .set({
      status: 'unknown',
      last_error:
        'The sender stopped while this message was with the mail server; it may or may not have arrived, so it is not sent again.',
    })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'sending')
    .where('claimed_by', '!=', runId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks up to `limit` due rows as `sending` for this run and returns them, oldest first. */
export async function claimDeliveries(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  runId: string,
  limit: number,
  now = new Date(),
): Promise<ClaimedDelivery[]> {
  if (limit < 1) return []
  const at = now.toISOString()
  let due = db
    .selectFrom('newsletter_deliveries')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', at)
    .orderBy('id')
    .limit(limit)
  if (dialect === 'postgres') due = due.forUpdate().skipLocked()
  const rows = await db
    .updateTable('newsletter_deliveries')
    .set(eb => ({ status: 'sending', claimed_by: runId, claimed_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .where('status', '=', 'queued')
    .returning(['id', 'subscriber_id', 'email', 'message_id', 'attempts', 'deferred_since'])
    .execute()
  return rows
    .map(r => ({
      id: r.id,
      subscriberId: r.subscriber_id,
      email: r.email,
      messageId: r.message_id,
      attempts: r.attempts,
      deferredSince: r.deferred_since,
    }))
    .sort((a, b) => a.id - b.id)
}

/** Records that SMTP accepted the message; false when this run no longer owns the row. */
export async function confirmSent(db: Db, id: number, runId: string): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_deliveries')
    .set({ status: 'sent', sent_at: nowIso(), last_error: null, deferred_since: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', runId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Records a refused or failed hand-over. When the connection broke after the message was sent
 * (`ambiguous`) it may have arrived: unknown, never sent again. The relay's fault goes back in the
 * queue as it was (the try never reached the recipient, so it is not counted); the send pauses.
 * Only the recipient's permanent refusal fails it; a "try again later" is queued for `retryAt`,
 * until the recipient's server has deferred it for RECIPIENT_DEFERRAL_LIMIT_MS.
 */
export async function recordFailure(
  db: Db,
  delivery: ClaimedDelivery,
  runId: string,
  failure: Failure,
  now = new Date(),
): Promise<'failed' | 'queued' | 'unknown'> {
  // Only the run that claimed the row may settle it.
  const owned = () =>
    db
      .updateTable('newsletter_deliveries')
      .where('id', '=', delivery.id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', runId)
  const lastError = failure.message.slice(0, 1000)
  if (failure.ambiguous) {
    await owned().set({ status: 'unknown', last_error: lastError, claimed_by: null }).execute()
    return 'unknown'
  }
  if (failure.fault === 'transport') {
    await owned()
      .set(eb => ({ status: 'queued', last_error: lastError, claimed_by: null, attempts: eb('attempts', '-', 1) }))
      .execute()
    return 'queued'
  }
  const deferredSince = delivery.deferredSince ?? now.toISOString()
  const deferredTooLong = now.getTime() - Date.parse(deferredSince) >= RECIPIENT_DEFERRAL_LIMIT_MS
  if (failure.permanent || deferredTooLong) {
    const why = failure.permanent
      ? lastError
      : `The recipient’s mail server kept answering “try again later” for three days. Its last answer: ${lastError}`.slice(
          0,
          1000,
        )
    await owned().set({ status: 'failed', last_error: why, claimed_by: null }).execute()
    return 'failed'
  }
  await owned()
    .set({
      status: 'queued',
      last_error: lastError,
      claimed_by: null,
      next_attempt_at: failure.retryAt.toISOString(),
      deferred_since: deferredSince,
    })
    .execute()
  return 'queued'
}

/** Why a message was not taken, and when to try again if it may be. */
export interface Failure {
  message: string
  /** The relay's fault (the send pauses) or this recipient's. */
  fault: 'transport' | 'recipient'
  /** The recipient refused for good (a 5xx for this address or message). */
  permanent: boolean
  /** The connection broke after the message was sent: it may have arrived. */
  ambiguous?: boolean
  retryAt: Date
}

/** When the next queued row of the campaign is due, or undefined when none is queued. */
export async function nextQueuedAt(db: Db, campaignId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select(eb => eb.fn.min('next_attempt_at').as('at'))
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'queued')
    .executeTakeFirst()
  return row?.at ? new Date(row.at as string).toISOString() : undefined
}

/** Leaves out a subscriber's queued messages (they left or bounced while a send was under way). */
export async function skipQueuedDeliveries(db: Db, subscriberId: number): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ status: 'skipped', last_error: 'The subscriber left before this message was sent.' })
    .where('subscriber_id', '=', subscriberId)
    .where('status', '=', 'queued')
    .execute()
}

/** Marks the delivery through which a reader left, for the campaign's figures. */
export async function recordUnsubscribe(db: Db, campaignId: number, subscriberId: number): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ unsubscribed_at: nowIso() })
    .where('campaign_id', '=', campaignId)
    .where('subscriber_id', '=', subscriberId)
    .where('unsubscribed_at', 'is', null)
    .execute()
}

/**
 * Queues a campaign's failed deliveries again (an editor's retry), those of subscribers still
 * confirmed; sent, unknown and skipped rows are never touched. Answers how many.
 */
export async function requeueFailed(db: Db, campaignId: number): Promise<number> {
  const result = await db
    .updateTable('newsletter_deliveries')
    .set({ status: 'queued', attempts: 0, next_attempt_at: nowIso(), deferred_since: null, claimed_by: null })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'failed')
    .where('subscriber_id', 'in', eb =>
      eb.selectFrom('newsletter_subscribers').select('id').where('status', '=', 'confirmed'),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
