// Sign-in throttling that slows guessing down without letting anyone lock a person out.
// Failures are counted three ways: for one account from one address (a growing delay, 429),
// from one address across accounts (credential stuffing: a growing delay, 429), and for one
// account from everywhere. That last count can be raised by anyone, so it never refuses for
// long: each address waits a short, fixed time once, then its next attempt is checked, however
// many failures keep arriving from elsewhere.
import type { Db } from '../db/index.js'
import { clearRateLimit, deleteRateLimitHits, insertRateLimitHit, rateLimitStats } from './rate-limit-store.js'

/** `free` failures within `windowMs` cost nothing; each one after doubles the wait, from `baseMs` up to `capMs`. */
export interface GrowingDelay {
  free: number
  baseMs: number
  capMs: number
  windowMs: number
}

/** The numbers behind the throttle. */
export interface SignInPolicy {
  /** Failures for one account from one address. */
  pair: GrowingDelay
  /** Failures from one address, whatever the account. */
  address: GrowingDelay
  /**
   * Failures for one account from every address. Past `free`, an address first waits `waitMs`
   * (its *pass* ripens), then has `passMs` to make one checked attempt. Nobody else's failures
   * move that pass, so the wait is bounded.
   */
  account: { free: number; windowMs: number; waitMs: number; passMs: number }
}

export const SIGN_IN_POLICY: SignInPolicy = Object.freeze({
  pair: { free: 5, baseMs: 30_000, capMs: 15 * 60_000, windowMs: 60 * 60_000 },
  address: { free: 20, baseMs: 30_000, capMs: 15 * 60_000, windowMs: 60 * 60_000 },
  account: { free: 10, windowMs: 15 * 60_000, waitMs: 10_000, passMs: 10 * 60_000 },
})

/** How long to wait after the last of `failures` failures before the next attempt is checked. */
export function delayAfter(failures: number, rule: GrowingDelay): number {
  if (failures < rule.free) return 0
  return Math.min(rule.baseMs * 2 ** Math.min(failures - rule.free, 30), rule.capMs)
}

/** Failures counted in a window, and when the latest happened (epoch ms). */
export interface Tally {
  count: number
  last?: number | undefined
}

/** What the throttle says about one attempt. */
export type Verdict =
  | { allowed: true; usedPass: boolean }
  | { allowed: false; reason: 'pair' | 'address' | 'account'; retryAfterMs: number; issuePass: boolean }

/** The decision, from what was seen before this attempt; pure, so the rules can be read and tested alone. */
export function judgeSignIn(
  seen: { pair: Tally; address: Tally; account: Tally; pass?: number | undefined },
  now: number,
  policy: SignInPolicy = SIGN_IN_POLICY,
): Verdict {
  for (const reason of ['pair', 'address'] as const) {
    const { count, last } = seen[reason]
    const wait = last === undefined ? 0 : last + delayAfter(count, policy[reason]) - now
    if (wait > 0) return { allowed: false, reason, retryAfterMs: wait, issuePass: false }
  }
  const rule = policy.account
  if (seen.account.count < rule.free) return { allowed: true, usedPass: false }
  if (seen.pass !== undefined) {
    const ripe = seen.pass + rule.waitMs
    // Too early: the same pass, never a new one, so impatience does not push the wait back.
    if (now < ripe) return { allowed: false, reason: 'account', retryAfterMs: ripe - now, issuePass: false }
    if (now <= ripe + rule.passMs) return { allowed: true, usedPass: true }
  }
  return { allowed: false, reason: 'account', retryAfterMs: rule.waitMs, issuePass: true }
}

/** One attempt in progress: its verdict, and the failures recorded ahead of the password check. */
export type SignInTicket = Verdict & { hitIds: number[]; pairBucket: string }

function buckets(email: string, ip: string) {
  return {
    pair: `sign-in:pair:${ip} ${email}`,
    address: `sign-in:ip:${ip}`,
    account: `sign-in:account:${email}`,
    pass: `sign-in:pass:${ip} ${email}`,
  }
}

/**
 * Judges an attempt for `email` (as typed: an unknown address is counted like a real one, so
 * the answers are the same) from `ip`. The attempt is recorded as a failure *before* the check,
 * so parallel attempts see each other; a refused attempt is taken back, a success too.
 */
export async function beginSignIn(
  db: Db,
  attempt: { email: string; ip: string },
  now = Date.now(),
  policy: SignInPolicy = SIGN_IN_POLICY,
): Promise<SignInTicket> {
  const keys = buckets(attempt.email, attempt.ip)
  const at = new Date(now).toISOString()
  const since = (ms: number) => new Date(now - ms).toISOString()
  const hitIds = [
    await insertRateLimitHit(db, keys.pair, at),
    await insertRateLimitHit(db, keys.address, at),
    await insertRateLimitHit(db, keys.account, at),
  ]
  const stats = await rateLimitStats(
    db,
    [
      { bucket: keys.pair, since: since(policy.pair.windowMs) },
      { bucket: keys.address, since: since(policy.address.windowMs) },
      { bucket: keys.account, since: since(policy.account.windowMs) },
      { bucket: keys.pass, since: since(policy.account.waitMs + policy.account.passMs) },
    ],
    hitIds,
  )
  const tally = (bucket: string): Tally => {
    const s = stats.get(bucket)
    return s ? { count: s.count, last: Date.parse(s.last) } : { count: 0 }
  }
  const verdict = judgeSignIn(
    { pair: tally(keys.pair), address: tally(keys.address), account: tally(keys.account), pass: tally(keys.pass).last },
    now,
    policy,
  )
  if (!verdict.allowed) {
    await deleteRateLimitHits(db, hitIds)
    if (verdict.issuePass) await insertRateLimitHit(db, keys.pass, at)
  } else if (verdict.usedPass) {
    await clearRateLimit(db, keys.pass)
  }
  return { ...verdict, hitIds, pairBucket: keys.pair }
}

/** After the right password: this address owes nothing for the account, and the attempt was no failure. */
export async function signInSucceeded(db: Db, ticket: SignInTicket): Promise<void> {
  await clearRateLimit(db, ticket.pairBucket)
  await deleteRateLimitHits(db, ticket.hitIds)
}

/** A wait as a person reads it: "20 seconds", "4 minutes". */
export function humanWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  return `${Math.ceil(seconds / 60)} minutes`
}
