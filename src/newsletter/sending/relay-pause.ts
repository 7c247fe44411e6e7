// Waiting out a mail relay that is down. A send whose relay fails (refused or broken connections,
// a bad greeting or sign-in, a 421) pauses instead of failing its deliveries, and tries again
// later with a growing wait, for at least the patience (NEWSLETTER_RELAY_PATIENCE_MINUTES); then
// it stops and waits for an editor. The pause lives on the campaign row and the next try is the
// send job's own run_at: durable, never a timer in memory.
import type { RelayPause } from '../campaigns/store.js'

/** How long a send keeps trying a relay that is down unless configured: an hour. */
export const DEFAULT_RELAY_PATIENCE_MS = 3_600_000

/**
 * The wait after the `failures`-th failed try: 15 s, doubling, at most a twelfth of the patience
 * (five minutes for an hour), so a relay back after a short outage is found again soon.
 */
export function relayRetryDelayMs(failures: number, patienceMs: number): number {
  const cap = Math.max(1000, Math.floor(patienceMs / 12))
  return Math.min(15_000 * 2 ** Math.max(0, failures - 1), cap)
}

/** The pause after one more failed try at `now`: the next try, or none once the patience has run out. */
export function nextPause(previous: RelayPause | null, reason: string, patienceMs: number, now: Date): RelayPause {
  const since = previous?.since ?? now.toISOString()
  const failures = (previous?.failures ?? 0) + 1
  const patienceLeft = now.getTime() - Date.parse(since) < patienceMs
  return {
    since,
    failures,
    reason,
    nextTryAt: patienceLeft ? new Date(now.getTime() + relayRetryDelayMs(failures, patienceMs)).toISOString() : null,
  }
}
