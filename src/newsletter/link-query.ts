// Reading the signed links a reader brings back from a mail: each answers the ids it grants, or
// why it grants nothing. Query values arrive as strings and may be cut short or edited.
import { verifyConfirmLink, verifyPreferencesLink, verifyUnsubscribeLink, type LinkKeys } from './links.js'

/** Why a link grants nothing: parts missing or malformed, past its time, or not signed by us. */
export type LinkProblem = 'incomplete' | 'expired' | 'forged'

/** The raw query of any subscriber link; every part optional, so a cut-short link gets a page rather than a schema error. */
export interface LinkQuery {
  s?: string
  n?: string
  c?: string
  exp?: string
  sig?: string
}

/** A genuine, unexpired confirmation link. */
export interface ConfirmLink {
  subscriberId: number
  nonce: string
  exp: string
  sig: string
}

const ID = /^[1-9]\d{0,11}$/
const NONCE = /^[\w-]{1,64}$/
const EXP = /^\d{1,12}$/
const SIG = /^[\w-]{1,128}$/

/**
 * The confirmation link's subscriber and nonce, if it is complete, unexpired and ours (the nonce
 * is checked against the row by the caller). A genuine link past its time still names its
 * subscriber, so the page can tell a reader who confirmed long ago that all is well.
 */
export function readConfirmLink(
  keys: LinkKeys,
  q: LinkQuery,
): ConfirmLink | { problem: LinkProblem; subscriberId?: number } {
  const { s, n, exp, sig } = q
  if (!s || !ID.test(s) || !n || !NONCE.test(n) || !exp || !EXP.test(exp) || !sig || !SIG.test(sig))
    return { problem: 'incomplete' }
  const state = verifyConfirmLink(keys, { s: Number(s), n, exp, sig })
  if (state === 'forged') return { problem: 'forged' }
  if (state === 'expired') return { problem: 'expired', subscriberId: Number(s) }
  return { subscriberId: Number(s), nonce: n, exp, sig }
}

/** The subscriber a preferences link belongs to, if it is complete and ours. */
export function readPreferencesLink(keys: LinkKeys, q: LinkQuery): { subscriberId: number } | { problem: LinkProblem } {
  const { s, sig } = q
  if (!s || !ID.test(s) || !sig || !SIG.test(sig)) return { problem: 'incomplete' }
  if (!verifyPreferencesLink(keys, { s: Number(s), sig })) return { problem: 'forged' }
  return { subscriberId: Number(s) }
}

/** The subscriber and campaign of an unsubscribe link, if it is complete and ours. */
export function readUnsubscribeLink(
  keys: LinkKeys,
  q: LinkQuery,
): { subscriberId: number; campaignId: number } | { problem: LinkProblem } {
  const { s, c, sig } = q
  if (!s || !ID.test(s) || !c || !ID.test(c) || !sig || !SIG.test(sig)) return { problem: 'incomplete' }
  if (!verifyUnsubscribeLink(keys, { s: Number(s), c: Number(c), sig })) return { problem: 'forged' }
  return { subscriberId: Number(s), campaignId: Number(c) }
}

/** The query string of a verified preferences or unsubscribe link, for a form that posts back to it. */
export function linkSearch(q: LinkQuery, names: readonly (keyof LinkQuery)[]): string {
  return `?${names.map(name => `${name}=${encodeURIComponent(q[name] ?? '')}`).join('&')}`
}
