// The state of one validation walk and the small readers every node checker shares.
// Checkers report problems here and return `undefined` for a broken node; the walk stops by
// throwing WalkStopped once a limit is passed or enough problems are collected.
import { BODY_LIMITS } from './schema.js'

/** Progress and findings of one walk over a candidate document. */
export interface Walk {
  errors: string[]
  nodes: number
  /** A lower bound of the document's serialized size, so a parsed object is limited like its JSON. */
  bytes: number
  textChars: number
}

/** A JSON object as read from untrusted input. */
export type Fields = Record<string, unknown>

/** Thrown to unwind a walk once more checking would only add noise; never leaves validateBody. */
export class WalkStopped extends Error {}

const STOPPED = new WalkStopped('body validation stopped')
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu

/** Starts an empty walk. */
export function newWalk(): Walk {
  return { errors: [], nodes: 0, bytes: 0, textChars: 0 }
}

/** Records a problem found at `path`; stops the walk once BODY_LIMITS.errors are collected. */
export function report(walk: Walk, path: string, message: string): void {
  walk.errors.push(path === '' ? message : `${path}: ${message}`)
  if (walk.errors.length >= BODY_LIMITS.errors) throw STOPPED
}

/** Records a problem that makes walking further pointless, such as a passed limit, and stops. */
export function halt(walk: Walk, path: string, message: string): never {
  if (walk.errors.length < BODY_LIMITS.errors) walk.errors.push(path === '' ? message : `${path}: ${message}`)
  throw STOPPED
}

/** Counts one node against the node and depth limits; `type` feeds the size estimate. */
export function enterNode(walk: Walk, path: string, depth: number, type: string): void {
  walk.nodes += 1
  if (walk.nodes > BODY_LIMITS.nodes) {
    halt(walk, path, `the document has more than ${formatCount(BODY_LIMITS.nodes)} nodes; split it or simplify it`)
  }
  if (depth > BODY_LIMITS.depth) {
    halt(walk, path, `nodes are nested more than ${BODY_LIMITS.depth} levels deep here`)
  }
  // `{"type":""}` plus a comma: the least any node can take up once serialized.
  addBytes(walk, 12 + type.length)
}

/** Adds to the size estimate and stops when the document is too large. */
export function addBytes(walk: Walk, bytes: number): void {
  walk.bytes += bytes
  if (walk.bytes > BODY_LIMITS.bytes) halt(walk, '', tooLargeMessage())
}

/** The message for a document over the size limit, shared by the string and object checks. */
export function tooLargeMessage(): string {
  return `The body document is larger than ${formatCount(BODY_LIMITS.bytes)} bytes; split it into several stories or pages.`
}

/** The UTF-8 size of `text`, as it will be stored. */
export function utf8Length(text: string): number {
  // Node's native count; a browser build of the editor would swap in a TextEncoder-based count here.
  return Buffer.byteLength(text, 'utf8')
}

/** Whether `value` is a plain object as JSON.parse makes them: not an array, null or class instance. */
export function isPlainObject(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Narrows `value` to a plain object, reporting what it should have been otherwise. */
export function readRecord(walk: Walk, value: unknown, path: string, what: string): Fields | undefined {
  if (isPlainObject(value)) return value
  report(walk, path, `${what} must be an object, not ${describe(value)}`)
  return undefined
}

/** An own property only: a polluted Object.prototype must never supply a value. */
export function own(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined
}

/** Reports every own key of `fields` that `allowed` does not list. */
export function checkKeys(walk: Walk, fields: Fields, allowed: readonly string[], path: string, what: string): void {
  for (const key of Object.keys(fields)) {
    if (allowed.includes(key)) continue
    const at = joinKey(path, key)
    if (FORBIDDEN_KEYS.has(key)) report(walk, at, `the property ${quote(key)} is never allowed`)
    else report(walk, at, `${what} has no ${quote(key)} property`)
  }
}

/** Reads a node's `type`, reporting when it is missing or not a string. */
export function readType(walk: Walk, fields: Fields, path: string): string | undefined {
  const type = own(fields, 'type')
  if (typeof type === 'string') return type
  report(walk, joinKey(path, 'type'), `every node needs a "type" string, not ${describe(type)}`)
  return undefined
}

/** Reads an optional string attribute of at most `max` characters. */
export function readOptionalString(
  walk: Walk,
  fields: Fields,
  key: string,
  path: string,
  max: number,
): string | undefined {
  const value = own(fields, key)
  if (value === undefined) return undefined
  const at = joinKey(path, key)
  if (typeof value !== 'string') {
    report(walk, at, `must be text, not ${describe(value)}`)
    return undefined
  }
  if (value.length > max) {
    report(walk, at, `is limited to ${formatCount(max)} characters (this one has ${formatCount(value.length)})`)
    return undefined
  }
  addBytes(walk, utf8Length(value) + key.length + 4)
  return value
}

/** Reads a required id: a whole number above zero. */
export function readId(walk: Walk, fields: Fields, key: string, path: string, what: string): number | undefined {
  const value = own(fields, key)
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
  const got = value === undefined ? 'it is missing' : `got ${describe(value)}`
  report(walk, joinKey(path, key), `${what} needs ${quote(key)}, a whole number above 0 (${got})`)
  return undefined
}

/** The path of property `key` below `path`. */
export function joinKey(path: string, key: string): string {
  const part = PLAIN_KEY.test(key) ? key : `[${quote(key)}]`
  if (path === '') return part
  return part.startsWith('[') ? path + part : `${path}.${part}`
}

/** A value as a person would describe it in an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the text ${quote(value)}`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'object') return 'an object of an unexpected kind'
  return `a ${typeof value}`
}

/** A string quoted for an error message, shortened so a hostile value cannot flood the message. */
export function quote(text: string): string {
  const quoted = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text)
  // JSON leaves zero-width and other invisible characters as they are; show them so a person can find them.
  return quoted.replace(INVISIBLE, c => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
}

/** A whole number with thousands separators, as messages print limits. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** Reads a node's attrs object and checks its keys; undefined when absent (reported if `required`) or broken. */
export function readAttrs(
  walk: Walk,
  fields: Fields,
  path: string,
  what: string,
  keys: readonly string[],
  required: boolean,
): Fields | undefined {
  const value = own(fields, 'attrs')
  const at = joinKey(path, 'attrs')
  if (value === undefined) {
    // The first key is the one that is required whenever attrs are.
    if (required) report(walk, at, `${what} needs attrs with ${quote(keys[0] ?? '')}`)
    return undefined
  }
  const attrs = readRecord(walk, value, at, `${what}'s attrs`)
  if (attrs !== undefined) checkKeys(walk, attrs, keys, at, `${what}'s attrs`)
  return attrs
}
