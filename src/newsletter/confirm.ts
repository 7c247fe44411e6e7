// Double opt-in: what a genuine confirmation link finds, and confirming it. A link works once
// (its nonce is cleared when used) and only while it is the newest one sent to the address.
import type { Db } from '../db/index.js'
import { cancelJob } from '../platform/jobs/index.js'
import { listNewsletterLists, type NewsletterList } from './lists.js'
import type { ConfirmLink } from './link-query.js'
import { expireSignupKey } from './signup.js'
import { confirmSubscriber, findSubscriberById, subscribedListIds } from './store.js'

/** Where a genuine confirmation link stands. */
export type ConfirmState =
  /** The sign-up is waiting for this link: show the button. */
  | { state: 'ready'; lists: NewsletterList[] }
  /** Done just now. */
  | { state: 'confirmed'; lists: NewsletterList[] }
  /** Already used (`confirmed` says whether the address is confirmed), or replaced by a newer link. */
  | { state: 'used'; confirmed: boolean }
  /** No such sign-up any more: it expired unconfirmed, or the reader left and it was removed. */
  | { state: 'gone' }

/** What a confirmation link would confirm, changing nothing (link scanners fetch every link in a mail). */
export async function checkConfirmation(db: Db, link: ConfirmLink): Promise<ConfirmState> {
  const subscriber = await findSubscriberById(db, link.subscriberId)
  if (!subscriber) return { state: 'gone' }
  if (subscriber.confirmNonce !== link.nonce) return { state: 'used', confirmed: subscriber.status === 'confirmed' }
  return { state: 'ready', lists: await chosenLists(db, subscriber.id) }
}

/** Confirms the sign-up a genuine link belongs to, once; a replayed link changes nothing. */
export async function confirmSignup(db: Db, link: ConfirmLink): Promise<ConfirmState> {
  const done = await db.transaction().execute(async trx => {
    if (!(await confirmSubscriber(trx, link.subscriberId, link.nonce, `double opt-in ${new Date().toISOString()}`)))
      return false
    await cancelJob(trx, expireSignupKey(link.subscriberId))
    return true
  })
  if (!done) return checkConfirmation(db, link)
  return { state: 'confirmed', lists: await chosenLists(db, link.subscriberId) }
}

/** Whether the address a confirmation link was sent to is confirmed now (by that link or a later one). */
export async function isConfirmed(db: Db, subscriberId: number): Promise<boolean> {
  return (await findSubscriberById(db, subscriberId))?.status === 'confirmed'
}

async function chosenLists(db: Db, subscriberId: number): Promise<NewsletterList[]> {
  const [ids, lists] = await Promise.all([subscribedListIds(db, subscriberId), listNewsletterLists(db)])
  return lists.filter(l => ids.includes(l.id))
}
