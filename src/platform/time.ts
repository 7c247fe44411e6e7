// Timestamps are ISO-8601 strings in UTC everywhere (both databases return them so).

/** The current instant as an ISO string; the one clock parts use, so tests can reason about it. */
export function nowIso(): string {
  return new Date().toISOString()
}

/** An instant `hours` before now. */
export function hoursAgo(hours: number, from: Date = new Date()): string {
  return new Date(from.getTime() - hours * 3_600_000).toISOString()
}

/** Minutes a time zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - instant) / 60_000)
}

/**
 * The instant of a wall-clock time (YYYY-MM-DDTHH:mm, as a datetime-local field sends it) in
 * a time zone, or undefined when it is not such a time.
 */
export function wallTimeToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[]
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0)
  const check = new Date(guess)
  // Date.UTC rolls 2026-13-01 over into 2027; a real date reads back as itself.
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || check.getUTCHours() !== h! || check.getUTCMinutes() !== mi!) return undefined
  // Two passes settle the offset across a daylight-saving change.
  let instant = guess - zoneOffsetMinutes(guess, timeZone) * 60_000
  instant = guess - zoneOffsetMinutes(instant, timeZone) * 60_000
  return new Date(instant).toISOString()
}

/** An instant as a datetime-local value in a time zone (for filling the field back in). */
export function isoToWallTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso)
  return new Date(instant + zoneOffsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16)
}
