// SQL for the newsroom's subscriber pages: the filtered list, one subscriber with their
// deliveries, marking and erasing, and the keyset pages the CSV export streams. The CSV import's
// SQL is in import-store.ts.
import { sql } from 'kysely'
import type { Db } from '../../db/index.js'
import { containsPattern } from '../../platform/like.js'
import { offsetOf, paged, type Paged } from '../../platform/pagination.js'
import { nowIso } from '../../platform/time.js'
import { skipQueuedDeliveries } from '../sending/outbox.js'
import { SUBSCRIBER_STATUSES, type DeliveryStatus, type SubscriberStatus } from '../schema.js'

/** Which subscribers a list or an export shows. */
export interface SubscriberFilter {
  /** Part of the address, matched literally (% and _ are not wildcards). */
  q?: string | undefined
  status?: SubscriberStatus | undefined
  listId?: number | undefined
}

/** A list a subscriber is on, as the newsroom names it. */
export interface ListRef {
  id: number
  slug: string
  name: string
}

/** One subscriber as the newsroom sees them. */
export interface Subscriber {
  id: number
  email: string
  status: SubscriberStatus
  source: string
  createdAt: string
  confirmedAt: string | null
  unsubscribedAt: string | null
  consent: string
  statusReason: string
  lists: ListRef[]
}

/** One campaign message sent (or meant) to a subscriber. */
export interface SubscriberDelivery {
  campaignId: number
  subject: string
  status: DeliveryStatus
  sentAt: string | null
  lastError: string | null
  unsubscribedAt: string | null
}

const COLUMNS = [
  'id',
  'email',
  'status',
  'source',
  'created_at',
  'confirmed_at',
  'unsubscribed_at',
  'consent',
  'status_reason',
] as const

function filtered(db: Db, filter: Omit<SubscriberFilter, 'status'>) {
  let query = db.selectFrom('newsletter_subscribers')
  const q = filter.q?.trim().toLowerCase()
  // Addresses are stored lower-cased. SQLite's LIKE has no escape character unless told.
  if (q) query = query.where(sql<boolean>`email like ${containsPattern(q)} escape '\\'`)
  if (filter.listId !== undefined) {
    const listId = filter.listId
    query = query.where('id', 'in', eb =>
      eb.selectFrom('newsletter_subscriptions').select('subscriber_id').where('list_id', '=', listId),
    )
  }
  return query
}

type Row = {
  id: number
  email: string
  status: SubscriberStatus
  source: string
  created_at: string
  confirmed_at: string | null
  unsubscribed_at: string | null
  consent: string
  status_reason: string
}

function toSubscriber(row: Row, lists: ListRef[]): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    source: row.source,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    consent: row.consent,
    statusReason: row.status_reason,
    lists,
  }
}

/** The lists of each subscriber in `ids`, in the order readers see the lists. */
export async function listsOfSubscribers(db: Db, ids: readonly number[]): Promise<Map<number, ListRef[]>> {
  const byId = new Map<number, ListRef[]>(ids.map(id => [id, []]))
  if (ids.length === 0) return byId
  const rows = await db
    .selectFrom('newsletter_subscriptions as ns')
    .innerJoin('newsletter_lists as l', 'l.id', 'ns.list_id')
    .select(['ns.subscriber_id', 'l.id', 'l.slug', 'l.name'])
    .where('ns.subscriber_id', 'in', [...ids])
    .orderBy('l.position')
    .orderBy('l.id')
    .execute()
  for (const r of rows) byId.get(r.subscriber_id)?.push({ id: r.id, slug: r.slug, name: r.name })
  return byId
}

async function withLists(db: Db, rows: Row[]): Promise<Subscriber[]> {
  const lists = await listsOfSubscribers(
    db,
    rows.map(r => r.id),
  )
  return rows.map(r => toSubscriber(r, lists.get(r.id) ?? []))
}

/** One page of subscribers, newest first. */
export async function listSubscribers(
  db: Db,
  filter: SubscriberFilter & { page: number; pageSize: number },
): Promise<Paged<Subscriber>> {
  let base = filtered(db, filter)
  if (filter.status) base = base.where('status', '=', filter.status)
  const [rows, count] = await Promise.all([
    base
      .select([...COLUMNS])
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize))
      .execute(),
    base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return paged(await withLists(db, rows), filter.page, filter.pageSize, Number(count.n))
}

/** How many subscribers matching the search and list are in each status. */
export async function countByStatus(
  db: Db,
  filter: Omit<SubscriberFilter, 'status'>,
): Promise<Record<SubscriberStatus, number>> {
  const rows = await filtered(db, filter)
    .select(['status', eb => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map(s => [s, 0])) as Record<SubscriberStatus, number>
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}

/** Subscribers in id order, `pageSize` at a time, each page fetched after the last one is used: the export streams these. */
export async function* subscriberPages(
  db: Db,
  filter: SubscriberFilter,
  pageSize = 1000,
): AsyncGenerator<Subscriber[]> {
  let after = 0
  for (;;) {
    let query = filtered(db, filter).where('id', '>', after)
    if (filter.status) query = query.where('status', '=', filter.status)
    const rows = await query
      .select([...COLUMNS])
      .orderBy('id')
      .limit(pageSize)
      .execute()
    if (rows.length === 0) return
    yield await withLists(db, rows)
    after = rows[rows.length - 1]?.id ?? after
    if (rows.length < pageSize) return
  }
}

/** One subscriber with their lists. */
export async function findSubscriber(db: Db, id: number): Promise<Subscriber | undefined> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select([...COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? (await withLists(db, [row]))[0] : undefined
}

/** A subscriber's deliveries, newest campaign first. */
export async function listSubscriberDeliveries(
  db: Db,
  subscriberId: number,
  limit = 200,
): Promise<SubscriberDelivery[]> {
  const rows = await db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_campaigns as c', 'c.id', 'd.campaign_id')
    .select(['d.campaign_id', 'c.subject', 'd.status', 'd.sent_at', 'd.last_error', 'd.unsubscribed_at'])
    .where('d.subscriber_id', '=', subscriberId)
    .orderBy('d.campaign_id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(r => ({
    campaignId: r.campaign_id,
    subject: r.subject,
    status: r.status,
    sentAt: r.sent_at,
    lastError: r.last_error,
    unsubscribedAt: r.unsubscribed_at,
  }))
}

/**
 * Sets a subscriber to unsubscribed or bounced with the reason, and leaves out the messages
 * still queued for them. Leaving keeps its first date. False when there is no such subscriber.
 */
export async function markSubscriber(
  db: Db,
  id: number,
  status: 'unsubscribed' | 'bounced',
  reason: string,
): Promise<boolean> {
  const now = nowIso()
  const result = await db
    .updateTable('newsletter_subscribers')
    .set(eb => ({
      status,
      status_reason: reason,
      updated_at: now,
      confirm_nonce: null,
      ...(status === 'unsubscribed' ? { unsubscribed_at: eb.fn.coalesce('unsubscribed_at', eb.val(now)) } : {}),
    }))
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return false
  await skipQueuedDeliveries(db, id)
  return true
}

/** Erases a subscriber: the row, and by cascade their subscriptions and deliveries. False when there was none. */
export async function deleteSubscriber(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('newsletter_subscribers').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** A bounce or complaint reported by the mail service, as the webhook checked it. */
export interface DeliveryReport {
  type: 'bounce' | 'complaint'
  email: string
  reason: string
  permanent: boolean
}

/**
 * Applies a report to the address it names; false when the address is not stored. A complaint
 * unsubscribes; a permanent bounce marks the address bounced (one that left stays unsubscribed);
 * a temporary bounce is only noted on an address still being mailed. Applying a report twice
 * changes nothing more.
 */
export async function applyDeliveryReport(db: Db, report: DeliveryReport): Promise<boolean> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select(['id', 'status'])
    .where('email', '=', report.email)
    .executeTakeFirst()
  if (!row) return false
  if (report.type === 'complaint') await markSubscriber(db, row.id, 'unsubscribed', `complaint: ${report.reason}`)
  else if (report.permanent) {
    if (row.status !== 'unsubscribed') await markSubscriber(db, row.id, 'bounced', `bounce: ${report.reason}`)
  } else if (row.status === 'pending' || row.status === 'confirmed') {
    await db
      .updateTable('newsletter_subscribers')
      .set({ status_reason: `temporary bounce: ${report.reason}`, updated_at: nowIso() })
      .where('id', '=', row.id)
      .execute()
  }
  return true
}
