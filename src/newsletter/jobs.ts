// The newsletter's quick jobs (not sends, which have a runner of their own): handlers by kind.
import type { JobHandler } from '../platform/jobs/index.js'
import type { Db } from '../db/index.js'
import { EXPIRE_SIGNUP_JOB } from './signup.js'
import { clearConfirmation, deletePendingSignup, findSubscriberById, setSubscriptions } from './store.js'

/** Handlers for the quick runner. */
export function newsletterQuickJobs(deps: { db: Db }): Record<string, JobHandler> {
  return { [EXPIRE_SIGNUP_JOB]: payload => expireSignup(deps.db, payload) }
}

/**
 * Ends a sign-up nobody confirmed, if its confirmation is still the one in flight: a pending
 * address is deleted; one that had left (or bounced) and signed up again goes back to how it
 * was, with no lists. A confirmed address, or one that signed up again since, is left alone.
 */
async function expireSignup(db: Db, payload: unknown): Promise<void> {
  const { subscriberId, nonce } = (payload ?? {}) as { subscriberId?: unknown; nonce?: unknown }
  if (typeof subscriberId !== 'number' || typeof nonce !== 'string') return
  await db.transaction().execute(async trx => {
    if (await deletePendingSignup(trx, subscriberId, nonce)) return
    const subscriber = await findSubscriberById(trx, subscriberId)
    if (!subscriber || subscriber.status === 'confirmed' || subscriber.confirmNonce !== nonce) return
    await clearConfirmation(trx, subscriberId, nonce)
    await setSubscriptions(trx, subscriberId, [])
  })
}
