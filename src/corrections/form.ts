// Reading the newsroom's correction forms: what a valid correction or clarification is.
import { wallTimeToIso } from '../platform/time.js'
import { CORRECTION_KINDS, type CorrectionKind } from './schema.js'

/** The longest correction text, in characters. */
export const MAX_CORRECTION_LENGTH = 5000
/** How far from now a correction may be dated, either way. */
const MAX_DATE_OFFSET_MS = 366 * 86_400_000

/** What the editor typed, kept as typed so a refused form can be shown again. */
export interface CorrectionFormValues {
  kind: string
  body: string
  /** A datetime-local value, "2026-05-01T14:30". */
  publishedAt: string
  /** A revision id, or '' for none. */
  fixesRevisionId: string
}

/** A correction that passed every check. */
export interface ValidCorrection {
  kind: CorrectionKind
  body: string
  publishedAt: string
  fixesRevisionId: number | null
}

/** The kind and text, or a sentence saying what is wrong with them. */
export function readKindAndBody(
  values: Pick<CorrectionFormValues, 'kind' | 'body'>,
): { kind: CorrectionKind; body: string } | { problem: string } {
  const kind = CORRECTION_KINDS.find(k => k === values.kind)
  if (!kind) return { problem: 'Choose whether this is a correction or a clarification.' }
  const body = values.body.replace(/\r\n?/g, '\n').trim()
  if (body === '') return { problem: 'Write the text of the correction; it cannot be empty.' }
  if (body.length > MAX_CORRECTION_LENGTH)
    return {
      problem: `The text is ${body.length} characters long; a correction can have at most ${MAX_CORRECTION_LENGTH}.`,
    }
  // Control characters cannot be seen, and PostgreSQL refuses NUL outright.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(body))
    return { problem: 'The text contains invisible control characters. Retype it, or paste it as plain text.' }
  return { kind, body }
}

/**
 * Checks a whole new correction: kind, text, publication time (in `timeZone`, at most a year
 * from `now`) and the fixed revision, which must be one of `revisionIds`.
 */
export function readNewCorrection(
  values: CorrectionFormValues,
  options: { timeZone: string; now: Date; revisionIds: readonly number[] },
): ValidCorrection | { problem: string } {
  const text = readKindAndBody(values)
  if ('problem' in text) return text
  const publishedAt = wallTimeToIso(values.publishedAt, options.timeZone)
  if (!publishedAt) return { problem: 'Enter the publication time as a date and a time, for example 2026-05-01 14:30.' }
  if (Math.abs(Date.parse(publishedAt) - options.now.getTime()) > MAX_DATE_OFFSET_MS)
    return { problem: 'The publication time must be within a year of today.' }
  let fixesRevisionId: number | null = null
  if (values.fixesRevisionId !== '') {
    const id = /^\d{1,10}$/.test(values.fixesRevisionId) ? Number(values.fixesRevisionId) : NaN
    if (!options.revisionIds.includes(id))
      return {
        problem: 'The revision you chose is not one of this story’s revisions. Choose one from the list, or none.',
      }
    fixesRevisionId = id
  }
  return { ...text, publishedAt, fixesRevisionId }
}
