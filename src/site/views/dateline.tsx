// Dates as <time> elements readers and machines both understand.
import { formatDate, formatDateTime } from '../../platform/format.js'

/** A date in the newsroom's time zone, with the exact instant in datetime. */
export function DateTime({ iso, timeZone, withTime }: { iso: string; timeZone: string; withTime?: boolean }) {
  return <time datetime={iso}>{readable(iso, timeZone, withTime === true)}</time>
}

const MAX_REMEMBERED = 2000
const remembered = new Map<string, string>()

/**
 * The same few dates (a story's, its cards', its corrections') are on page after page, and
 * Intl formatting each one again was a percent of an uncached story page: the words are kept,
 * by instant, time zone and style, and all forgotten at once when there are too many.
 */
function readable(iso: string, timeZone: string, withTime: boolean): string {
  const key = `${withTime ? 't' : 'd'}|${timeZone}|${iso}`
  let text = remembered.get(key)
  if (text === undefined) {
    text = withTime ? formatDateTime(iso, timeZone) : formatDate(iso, timeZone)
    if (remembered.size >= MAX_REMEMBERED) remembered.clear()
    remembered.set(key, text)
  }
  return text
}
