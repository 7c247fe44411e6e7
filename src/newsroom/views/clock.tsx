// The newsroom's clock in views: every time a newsroom page shows goes through formatZonedTime
// on the site's time zone. The shell provides the zone, so a table cell needs only the instant.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { formatZonedTime } from '../../platform/time.js'

/** The zone the page's times are shown in; renderNewsroomPage provides the site's setting. */
export const ClockZone = createContext('UTC')

/** An instant as `<time>`: "3 Dec 2026, 11:12 CST", machine-readable in `datetime`. */
export function Clock({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatZonedTime(iso, useContext(ClockZone))}</time>
}

/** The same words without the element, for places that take only text (a select's options). */
export function ClockText({ iso }: { iso: string }) {
  return <>{formatZonedTime(iso, useContext(ClockZone))}</>
}
