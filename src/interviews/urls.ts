// Addresses of interviews and of moments in them.
import { InvalidInput } from '../platform/errors.js'

/** An interview's page. */
export const interviewUrl = (slug: string) => `/interviews/${slug}`

/** A passage's own address: `#p-1` is the first passage (positions count from 0). */
export const passageAnchor = (position: number) => `p-${position + 1}`

/** The interview's page, cued at a passage. */
export const passageUrl = (slug: string, position: number) => `${interviewUrl(slug)}#${passageAnchor(position)}`

/** The interview's page playing a span, in whole seconds (`?t=63-95`). */
export const spanUrl = (slug: string, startSeconds: number, endSeconds: number) =>
  `${interviewUrl(slug)}?t=${Math.floor(startSeconds)}-${Math.ceil(endSeconds)}`

const SECONDS = '\\d{1,6}(?:\\.\\d{1,3})?'
/** What `?t=` may hold: a cue (`63`) or a span (`63-95`), in seconds from the start (for route schemas). */
export const SPAN_PATTERN = `^(${SECONDS})(?:-(${SECONDS}))?$`
const SPAN = new RegExp(SPAN_PATTERN)

/** A moment asked for by `?t=`: a cue has no end. */
export interface AskedSpan {
  start: number
  end: number | undefined
}

/** Reads `?t=63` or `?t=63-95`; anything else, or a span that ends where it starts or before, is refused. */
export function readSpan(t: string): AskedSpan {
  const m = SPAN.exec(t)
  if (!m)
    throw new InvalidInput(
      `“t=${t.slice(0, 40)}” is not a span of the interview: write seconds from the start, like t=63-95.`,
    )
  const start = Number(m[1])
  const end = m[2] === undefined ? undefined : Number(m[2])
  if (end !== undefined && end <= start) throw new InvalidInput('A span must end after it starts, like ?t=63-95.')
  return { start, end }
}
