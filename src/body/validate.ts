// The way into a body document from untrusted input: a JSON string from a request or the
// database, or a value someone already parsed. What comes out is always a fresh copy.
import { DomainError } from '../platform/errors.js'
import { BODY_LIMITS } from './schema.js'
import type { BodyDocument } from './schema.js'
import { readDocumentContent } from './validate-blocks.js'
import {
  addBytes,
  checkKeys,
  describe,
  halt,
  isPlainObject,
  newWalk,
  own,
  quote,
  report,
  tooLargeMessage,
  utf8Length,
  WalkStopped,
} from './walk.js'
import type { Walk } from './walk.js'

/** The outcome of validateBody: a normalized copy, or every problem found (up to BODY_LIMITS.errors). */
export type BodyValidation = { ok: true; doc: BodyDocument } | { ok: false; errors: string[] }

const SHAPE_HINT = 'a JSON object like {"type":"doc","content":[]}'

/** Checks a body document and returns a fresh, normalized copy, or messages pointing at each problem. */
export function validateBody(input: unknown): BodyValidation {
  const walk = newWalk()
  let doc: BodyDocument | undefined
  try {
    doc = readDocument(walk, typeof input === 'string' ? decodeJson(walk, input) : input)
  } catch (error) {
    if (!(error instanceof WalkStopped)) throw error
  }
  if (doc === undefined || walk.errors.length > 0) {
    return { ok: false, errors: walk.errors.length > 0 ? walk.errors : ['The body document is not valid.'] }
  }
  return { ok: true, doc }
}

/** Like validateBody, but throws DomainError('invalid_document') listing the problems. */
export function parseBody(input: unknown): BodyDocument {
  const result = validateBody(input)
  if (!result.ok) throw new DomainError('invalid_document', 'The body document is not valid.', result.errors)
  return result.doc
}

/** A document with nothing in it, for new stories and pages. */
export function emptyBody(): BodyDocument {
  return { type: 'doc', content: [] }
}

function decodeJson(walk: Walk, json: string): unknown {
  // A UTF-8 byte is never shorter than a UTF-16 unit, so a long string is too big without measuring it.
  if (json.length > BODY_LIMITS.bytes || utf8Length(json) > BODY_LIMITS.bytes) {
    halt(walk, '', tooLargeMessage())
  }
  try {
    return JSON.parse(json) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'it could not be read'
    return halt(walk, '', `The body document is not valid JSON (${reason}).`)
  }
}

function readDocument(walk: Walk, value: unknown): BodyDocument | undefined {
  if (!isPlainObject(value)) {
    report(walk, '', `The body document must be ${SHAPE_HINT}, not ${describe(value)}.`)
    return undefined
  }
  addBytes(walk, 12)
  checkKeys(walk, value, ['type', 'content'], '', 'the document')
  const type = own(value, 'type')
  if (type !== 'doc') {
    const got = typeof type === 'string' ? quote(type) : describe(type)
    report(walk, 'type', `the document's type must be "doc" (got ${got})`)
  }
  const content = own(value, 'content')
  if (content === undefined) {
    report(walk, 'content', 'the document needs a content list (it may be empty)')
    return undefined
  }
  return { type: 'doc', content: readDocumentContent(walk, content, 'content') }
}

/**
 * Reads a body our own store wrote. Every write went through parseBody, so reading skips the
 * full check (it costs more than rendering); a row that is not even JSON reads as empty.
 */
export function readStoredBody(json: string): BodyDocument {
  try {
    const doc = JSON.parse(json) as BodyDocument
    return doc && doc.type === 'doc' && Array.isArray(doc.content) ? doc : emptyBody()
  } catch {
    return emptyBody()
  }
}
