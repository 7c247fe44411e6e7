// The signed links a subscriber gets by mail. A confirmation link expires and works once (its
// nonce is stored on the subscriber and cleared when used); the preferences and unsubscribe links
// never expire, because a reader must be able to leave from a mail of years ago.
import { randomBytes } from 'node:crypto'
import { sign, signLasting, signatureState, verifyLasting } from '../platform/signing.js'

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 48

/** What building and checking subscriber links needs. */
export interface LinkKeys {
  signingKey: Buffer
  publicUrl: string
}

/** A fresh random nonce for a confirmation link. */
export function newConfirmNonce(): string {
  return randomBytes(12).toString('base64url')
}

/** The link that confirms a sign-up: valid for CONFIRM_LINK_HOURS, once. */
export function confirmUrl(keys: LinkKeys, subscriberId: number, nonce: string, now = Date.now()): string {
  const { exp, sig } = sign(keys.signingKey, `confirm|${subscriberId}|${nonce}`, now + CONFIRM_LINK_HOURS * 3600_000)
  return `${keys.publicUrl}/newsletter/confirm?s=${subscriberId}&n=${encodeURIComponent(nonce)}&exp=${exp}&sig=${sig}`
}

/** Whether a confirmation link's parts are ours and in time (the nonce is checked against the row by the caller). */
export function verifyConfirmLink(
  keys: LinkKeys,
  q: { s: number; n: string; exp: string; sig: string },
): 'valid' | 'expired' | 'forged' {
  return signatureState(keys.signingKey, `confirm|${q.s}|${q.n}`, q.exp, q.sig)
}

/** The subscriber's preferences page (change newsletters, leave all). */
export function preferencesUrl(keys: LinkKeys, subscriberId: number): string {
  return `${keys.publicUrl}/newsletter/preferences?s=${subscriberId}&sig=${signLasting(keys.signingKey, `preferences|${subscriberId}`)}`
}

export function verifyPreferencesLink(keys: LinkKeys, q: { s: number; sig: string }): boolean {
  return verifyLasting(keys.signingKey, `preferences|${q.s}`, q.sig)
}

/**
 * The one-click unsubscribe address of one delivery (RFC 8058: mail providers POST to it; a
 * person opening it gets a page with a button, since link scanners fetch every URL in a mail).
 */
export function unsubscribeUrl(keys: LinkKeys, subscriberId: number, campaignId: number): string {
  return `${keys.publicUrl}/newsletter/unsubscribe?s=${subscriberId}&c=${campaignId}&sig=${signLasting(keys.signingKey, `unsubscribe|${subscriberId}|${campaignId}`)}`
}

export function verifyUnsubscribeLink(keys: LinkKeys, q: { s: number; c: number; sig: string }): boolean {
  return verifyLasting(keys.signingKey, `unsubscribe|${q.s}|${q.c}`, q.sig)
}
