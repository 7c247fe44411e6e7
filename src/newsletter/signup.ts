// The rules of signing up: which lists a form asks for, the honeypot, rate limits, double
// opt-in, and the one mail each sign-up sends. Whatever the address's state, the caller shows
// the same answer; only the mail (to the address itself) differs.
import { createHmac } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/index.js'
import { hitRateLimit } from '../newsroom/index.js'
import { DomainError } from '../platform/errors.js'
import { enqueueJob } from '../platform/jobs/index.js'
import type { NewsletterPublicDeps } from './deps.js'
import { confirmUrl, newConfirmNonce, preferencesUrl } from './links.js'
import type { NewsletterList } from './lists.js'
import { alreadySubscribedMail } from './mails/already-subscribed-mail.js'
import { confirmMail } from './mails/confirm-mail.js'
import { findSubscriberByEmail, insertPendingSubscriber, restartConfirmation, setSubscriptions } from './store.js'

/** Sign-ups allowed per address and per client (IP) in a window; past them nothing is sent. */
export const SIGNUP_LIMITS = { perAddress: 3, perClient: 20, windowMs: 3_600_000 } as const

/** The job that deletes a sign-up nobody confirmed; payload `{ subscriberId, nonce }`. */
export const EXPIRE_SIGNUP_JOB = 'newsletter-expire-signup'

/** How long an unconfirmed sign-up is kept (its link stops working after CONFIRM_LINK_HOURS). */
export const UNCONFIRMED_DAYS = 7

/** One expiry job per subscriber: signing up again re-arms it with the new nonce. */
export function expireSignupKey(subscriberId: number): string {
  return `${EXPIRE_SIGNUP_JOB}:${subscriberId}`
}

/** The lists a sign-up form asks for: checked boxes, or the first list when the form offered no choice. */
export function chooseLists(
  offered: readonly NewsletterList[],
  form: { lists?: string[] | undefined; choose?: string | undefined },
): { listIds: number[] } | { problem: string } {
  const picked = form.lists ?? []
  if (picked.length === 0) {
    if (form.choose) return { problem: 'Please choose at least one newsletter.' }
    const first = offered[0]
    return first ? { listIds: [first.id] } : { problem: 'There is no newsletter to sign up for yet.' }
  }
  const known = new Set(offered.map(l => l.id))
  const listIds = [...new Set(picked.map(Number))]
  if (!listIds.every(id => known.has(id))) return { problem: 'Please choose from the newsletters listed on the page.' }
  return { listIds }
}

/** A checked sign-up: a normalised address and lists that exist. */
export interface SignupRequest {
  email: string
  listIds: number[]
  source: string
  /** The client's IP, for its rate limit. */
  client: string
  /** The hidden field's value; anything in it means a bot. */
  honeypot?: string | undefined
  /** The lists as offered, for the mail's wording. */
  lists: readonly NewsletterList[]
}

/**
 * Acts on a sign-up. Throws `rate_limited` only for a client past its own limit (which says
 * nothing about the address); every other case returns, and the caller thanks the reader.
 */
export async function signUp(deps: NewsletterPublicDeps, r: SignupRequest, log: FastifyBaseLogger): Promise<void> {
  if (r.honeypot) return
  const window = SIGNUP_LIMITS.windowMs
  if ((await hitRateLimit(deps.db, `newsletter:client:${r.client}`, window)) > SIGNUP_LIMITS.perClient) {
    throw new DomainError(
      'rate_limited',
      'There have been too many sign-ups from your network in the last hour. Please try again later.',
    )
  }
  // The bucket names a keyed hash, so the rate-limit table holds no addresses, nor anything a dictionary could reverse.
  const addressKey = createHmac('sha256', deps.signingKey).update(`newsletter-signup|${r.email}`).digest('base64url')
  if ((await hitRateLimit(deps.db, `newsletter:address:${addressKey}`, window)) > SIGNUP_LIMITS.perAddress) return

  const outcome = await record(deps.db, r)
  try {
    const { settings } = await deps.chrome()
    const site = { siteName: settings.name, publicUrl: deps.publicUrl }
    const mail =
      outcome.mail === 'confirm'
        ? confirmMail({
            ...site,
            listNames: r.lists.filter(l => r.listIds.includes(l.id)).map(l => l.name),
            confirmUrl: confirmUrl(deps, outcome.subscriberId, outcome.nonce),
          })
        : alreadySubscribedMail({ ...site, preferencesUrl: preferencesUrl(deps, outcome.subscriberId) })
    await deps.mailer.send({ to: r.email, ...mail })
  } catch (error) {
    // The answer stays the same; the reader can sign up again. Error messages may quote the address, so only codes are logged.
    const e = (error ?? {}) as {
      name?: unknown | undefined
      code?: unknown | undefined
      responseCode?: unknown | undefined
    }
    log.warn(
      {
        subscriberId: outcome.subscriberId,
        mail: outcome.mail,
        error: e.name,
        code: e.code,
        responseCode: e.responseCode,
      },
      'a newsletter sign-up mail was not sent',
    )
  }
}

type Outcome = { mail: 'confirm'; subscriberId: number; nonce: string } | { mail: 'already'; subscriberId: number }

/**
 * Stores the sign-up and its expiry job together. A new address is added as pending; a pending,
 * unsubscribed or bounced one gets a new confirmation (the old link stops working) and its new
 * choice of lists, keeping its status until it confirms; a confirmed one is left as it is.
 */
async function record(db: Db, r: SignupRequest): Promise<Outcome> {
  return db.transaction().execute(async trx => {
    const nonce = newConfirmNonce()
    let existing = await findSubscriberByEmail(trx, r.email)
    let id = existing?.id
    if (!existing) {
      id = await insertPendingSubscriber(trx, { email: r.email, source: r.source, nonce })
      // Undefined when a sign-up of the same address was stored meanwhile: carry on with that row.
      if (id === undefined) existing = await findSubscriberByEmail(trx, r.email)
    }
    if (existing) {
      if (existing.status === 'confirmed') return { mail: 'already', subscriberId: existing.id }
      id = existing.id
      await restartConfirmation(trx, id, nonce)
    }
    if (id === undefined) throw new Error('The sign-up row vanished while it was being written.')
    await setSubscriptions(trx, id, r.listIds)
    await enqueueJob(trx, {
      kind: EXPIRE_SIGNUP_JOB,
      payload: { subscriberId: id, nonce },
      uniqueKey: expireSignupKey(id),
      runAt: new Date(Date.now() + UNCONFIRMED_DAYS * 86_400_000),
    })
    return { mail: 'confirm', subscriberId: id, nonce }
  })
}
