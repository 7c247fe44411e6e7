// Dates as <time> elements readers and machines both understand.
import { formatDate, formatDateTime } from '../../platform/format.js'

/** A date in the newsroom's time zone, with the exact instant in datetime. */
export function DateTime({ iso, timeZone, withTime }: { iso: string; timeZone: string; withTime?: boolean }) {
  return <time datetime={iso}>{withTime ? formatDateTime(iso, timeZone) : formatDate(iso, timeZone)}</time>
}
