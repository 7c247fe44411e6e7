// Leaving: unsubscribing from everything, from a newsletter's one-click link or the
// preferences page. Immediate (queued messages of a send under way are skipped) and
// permanent until the reader signs up again.
import type { Db } from '../db/index.js'
import { recordUnsubscribe, skipQueuedDeliveries } from './sending/outbox.js'
import { findSubscriberById, markUnsubscribed, setSubscriptions } from './store.js'

/**
 * Unsubscribes a subscriber from every list, in one transaction; `campaignId` names the
 * newsletter whose link they used, for its figures. Doing it again changes nothing.
 */
export async function leave(db: Db, o: { subscriberId: number; campaignId?: number }): Promise<void> {
  await db.transaction().execute(async trx => {
    const subscriber = await findSubscriberById(trx, o.subscriberId)
    if (!subscriber) return
    const wasSubscribed = subscriber.status !== 'unsubscribed'
    if (wasSubscribed || subscriber.confirmNonce) await markUnsubscribed(trx, subscriber.id)
    await setSubscriptions(trx, subscriber.id, [])
    await skipQueuedDeliveries(trx, subscriber.id)
    // Only the newsletter they actually left through counts it, not every old link they try later.
    if (o.campaignId !== undefined && wasSubscribed) await recordUnsubscribe(trx, o.campaignId, subscriber.id)
  })
}
