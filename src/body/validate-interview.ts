// Checks the nodes that point into an interview: the interview excerpt (a span of its video)
// and the source a quote may name (the moment its words were said). Only the shape is checked
// here; whether the interview exists, and whether the span fits its video and avoids withheld
// passages, is asked of the interviews part at save (see references-interview.ts).
import { BODY_LIMITS } from './schema.js'
import type { InterviewExcerptNode, QuoteSource } from './schema.js'
import { formatTimecode } from './timecode.js'
import { checkKeys, describe, joinKey, own, readAttrs, readId, readRecord, report } from './walk.js'
import type { Fields, Walk } from './walk.js'

/** Reads `{ type: 'interviewExcerpt', attrs: { interviewId, startSeconds, endSeconds } }`. */
export function readInterviewExcerpt(walk: Walk, fields: Fields, path: string): InterviewExcerptNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs'], path, 'an interviewExcerpt')
  const attrs = readAttrs(
    walk,
    fields,
    path,
    'an interviewExcerpt',
    ['interviewId', 'startSeconds', 'endSeconds'],
    true,
  )
  if (attrs === undefined) return undefined
  const at = joinKey(path, 'attrs')
  const interviewId = readId(walk, attrs, 'interviewId', at, 'an interviewExcerpt')
  const startSeconds = readSeconds(walk, attrs, 'startSeconds', at, 'an interviewExcerpt')
  const endSeconds = readSeconds(walk, attrs, 'endSeconds', at, 'an interviewExcerpt')
  if (interviewId === undefined || startSeconds === undefined || endSeconds === undefined) return undefined
  if (endSeconds <= startSeconds) {
    report(
      walk,
      joinKey(at, 'endSeconds'),
      `an interviewExcerpt must end after it starts (it starts at ${formatTimecode(startSeconds)} and ends at ${formatTimecode(endSeconds)})`,
    )
    return undefined
  }
  return { type: 'interviewExcerpt', attrs: { interviewId, startSeconds, endSeconds } }
}

/** Reads the optional `source` of a quote's attrs: `{ interviewId, startSeconds }`. */
export function readQuoteSource(walk: Walk, attrs: Fields, path: string, what: string): QuoteSource | undefined {
  const value = own(attrs, 'source')
  if (value === undefined) return undefined
  const at = joinKey(path, 'source')
  const source = readRecord(walk, value, at, `${what}'s source`)
  if (source === undefined) return undefined
  checkKeys(walk, source, ['interviewId', 'startSeconds'], at, `${what}'s source`)
  const interviewId = readId(walk, source, 'interviewId', at, `${what}'s source`)
  const startSeconds = readSeconds(walk, source, 'startSeconds', at, `${what}'s source`)
  if (interviewId === undefined || startSeconds === undefined) return undefined
  return { interviewId, startSeconds }
}

/** A moment in an interview: seconds from 0 to BODY_LIMITS.interviewSeconds, kept to the millisecond. */
function readSeconds(walk: Walk, fields: Fields, key: string, path: string, what: string): number | undefined {
  const value = own(fields, key)
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= BODY_LIMITS.interviewSeconds) {
    // Passages are timed to the millisecond; finer digits would only make equal spans look different.
    return Math.round(value * 1000) / 1000
  }
  const got = value === undefined ? 'it is missing' : `got ${describe(value)}`
  report(
    walk,
    joinKey(path, key),
    `${what} needs ${JSON.stringify(key)}, a number of seconds from 0 to ${BODY_LIMITS.interviewSeconds} (${got})`,
  )
  return undefined
}
