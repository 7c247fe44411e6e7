// Timestamps are ISO-8601 strings in UTC everywhere (both databases return them so).

// The last instant nowIso wrote out: a page's several reads each take the time, mostly within
// the same millisecond, and toISOString was about 1% of an uncached story page's CPU.
let lastMs = Number.NaN
let lastIso = ''

/** The current instant as an ISO string; the one clock parts use, so tests can reason about it. */
export function nowIso(): string {
  const ms = Date.now()
  if (ms !== lastMs) {
    lastMs = ms
    lastIso = new Date(ms).toISOString()
  }
  return lastIso
}

/** An instant `hours` before now. */
export function hoursAgo(hours: number, from: Date = new Date()): string {
  return new Date(from.getTime() - hours * 3_600_000).toISOString()
}

/** Minutes a time zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find(p => p.type === type)?.value)
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
  if (
    check.getUTCMonth() !== mo! - 1 ||
    check.getUTCDate() !== d! ||
    check.getUTCHours() !== h! ||
    check.getUTCMinutes() !== mi!
  )
    return undefined
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

const clockFormats = new Map<
  string,
  { when: Intl.DateTimeFormat; zoneUs: Intl.DateTimeFormat; zoneGb: Intl.DateTimeFormat }
>()

function clockFormat(timeZone: string) {
  let f = clockFormats.get(timeZone)
  if (!f) {
    const zone = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    f = {
      when: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      zoneUs: zone('en-US'),
      zoneGb: zone('en-GB'),
    }
    clockFormats.set(timeZone, f)
  }
  return f
}

const zoneNameOf = (format: Intl.DateTimeFormat, date: Date) =>
  format.formatToParts(date).find(p => p.type === 'timeZoneName')?.value ?? ''

/**
 * The zone's abbreviation at an instant: "CST", "CEST", "BST", or "GMT+5:30" where none exists.
 * ICU knows American names in en-US and European ones in en-GB; either beats a bare offset.
 */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  const date = new Date(iso)
  const f = clockFormat(timeZone)
  const us = zoneNameOf(f.zoneUs, date)
  if (!/^GMT[+-]/.test(us)) return us
  const gb = zoneNameOf(f.zoneGb, date)
  return /^GMT[+-]/.test(gb) ? us : gb
}

/**
 * The newsroom's one way of showing an instant: "3 Dec 2026, 11:12 CST", on the clock of the
 * site's time-zone setting. Staff in several places read the same time with its zone named.
 */
export function formatZonedTime(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (!Number.isFinite(date.getTime())) return iso
  return `${clockFormat(timeZone).when.format(date)} ${zoneAbbreviation(iso, timeZone)}`
}
