// What the newsroom reads of a campaign's outbox: its figures (deliveries by state, readers who
// left through it) and its failed deliveries. Apart from outbox.ts, which holds what the sender
// and the readers write.
import type { Db } from '../../db/index.js'
import type { DeliveryStatus } from '../schema.js'

/** How many deliveries of a campaign are in each state, and how many readers left through it. */
export type DeliveryFigures = Record<DeliveryStatus, number> & { total: number; unsubscribed: number }

/** A campaign's figures: deliveries by state, and readers who left through it. */
export async function deliveryFigures(db: Db, campaignId: number): Promise<DeliveryFigures> {
  return (await deliveryFiguresOf(db, [campaignId])).get(campaignId)!
}

/** The figures of several campaigns in one query (the campaign list), by campaign id. */
export async function deliveryFiguresOf(db: Db, campaignIds: readonly number[]): Promise<Map<number, DeliveryFigures>> {
  const byCampaign = new Map(
    campaignIds.map((id): [number, DeliveryFigures] => [
      id,
      { queued: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0, total: 0, unsubscribed: 0 },
    ]),
  )
  if (!campaignIds.length) return byCampaign
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select([
      'campaign_id',
      'status',
      eb => eb.fn.countAll<number>().as('n'),
      eb => eb.fn.count<number>('unsubscribed_at').as('left'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .groupBy(['campaign_id', 'status'])
    .execute()
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
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['email', 'attempts', 'last_error'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'failed')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(r => ({ email: r.email, attempts: r.attempts, lastError: r.last_error ?? '' }))
}
