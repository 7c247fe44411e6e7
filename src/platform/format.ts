// Formatting shared by every page: runtimes, dates, timecodes.

/** A runtime as readers see it: "1h 54m", "48m", "45s". */
export function formatRuntime(seconds: number): string {
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`
  if (m > 0) return `${m}m`
  return `${total}s`
}

/** A runtime spelled out for screen readers: "1 hour 54 minutes". */
export function spokenRuntime(seconds: number): string {
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const parts = []
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`)
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`)
  if (!h && !m) parts.push(`${total} seconds`)
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
