// A subscriber's own page: which lists they get, changed or left from one signed link.
import type { Db } from '../db/index.js'
import { leave } from './leave.js'
import { listNewsletterLists, type NewsletterList } from './lists.js'
import { findSubscriberById, setSubscriptions, subscribedListIds, type Subscriber } from './store.js'

/** What the preferences page shows. */
export interface Preferences {
  subscriber: Subscriber
  lists: NewsletterList[]
  /** Ids of the lists they get (none unless confirmed). */
  chosen: number[]
}

/** The preferences of a subscriber, or undefined when there is no such subscriber. */
export async function loadPreferences(db: Db, subscriberId: number): Promise<Preferences | undefined> {
  const subscriber = await findSubscriberById(db, subscriberId)
  if (!subscriber) return undefined
  const [lists, chosen] = await Promise.all([
    listNewsletterLists(db),
    subscriber.status === 'confirmed' ? subscribedListIds(db, subscriberId) : [],
  ])
  return { subscriber, lists, chosen }
}

/**
 * Saves a confirmed subscriber's choice; no list at all means leaving. Someone who is not
 * subscribed cannot subscribe here (that takes a sign-up and its confirmation), only leave.
 */
export async function savePreferences(
  db: Db,
  subscriberId: number,
  listIds: number[],
): Promise<'saved' | 'left' | 'not-subscribed'> {
  if (listIds.length === 0) {
    await leave(db, { subscriberId })
    return 'left'
  }
  return db.transaction().execute(async trx => {
    const subscriber = await findSubscriberById(trx, subscriberId)
    if (subscriber?.status !== 'confirmed') return 'not-subscribed'
    await setSubscriptions(trx, subscriberId, listIds)
    return 'saved'
  })
}
