// Formatting shared by every page: runtimes, dates, timecodes.

/** Below this, a runtime keeps its seconds: a 99-second film is "1m 39s", not "1m". */
const SHORT_FILM_SECONDS = 600

/** Hours, minutes and seconds of a runtime: exact for short films, else in whole minutes (as a timecode reads: 2:05:30 is "2h 5m"). */
function runtimeParts(seconds: number): { h: number; m: number; s: number } {
  const exact = Math.max(0, Math.round(seconds))
  const total = exact < SHORT_FILM_SECONDS ? exact : exact - (exact % 60)
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 }
}

/**
 * A runtime as readers see it, the one house style wherever a film's length is shown:
 * "1h 54m", "48m", short films to the second ("2m 5s", "3m", "45s").
 */
export function formatRuntime(seconds: number): string {
  const { h, m, s } = runtimeParts(seconds)
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`
  if (m > 0) return s > 0 ? `${m}m ${s}s` : `${m}m`
  return `${s}s`
}

/** A runtime spelled out for screen readers: "1 hour 54 minutes", "1 minute 39 seconds". */
export function spokenRuntime(seconds: number): string {
  const { h, m, s } = runtimeParts(seconds)
  const parts = []
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`)
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`)
  if (s || (!h && !m)) parts.push(`${s} second${s === 1 ? '' : 's'}`)
  return parts.join(' ')
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-US',
      withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone } : { dateStyle: 'long', timeZone },
    )
    dateFormats.set(key, f)
  }
  return f
}

/** "November 24, 2026" in the newsroom's time zone. */
export function formatDate(iso: string, timeZone = 'UTC'): string {
  return formatter(timeZone, false).format(new Date(iso))
}

/** "November 24, 2026 at 3:05 PM" in the newsroom's time zone. */
export function formatDateTime(iso: string, timeZone = 'UTC'): string {
  return formatter(timeZone, true).format(new Date(iso))
}

/** Readable text without markup, cut at a word boundary: meta descriptions and feed summaries. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
