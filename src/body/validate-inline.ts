// Checks the inline level of a body document: text, hard breaks and the marks on text.
import { checkHref } from './href.js'
import { BLOCK_TYPES, BODY_LIMITS } from './schema.js'
import type { InlineNode, LinkMark, Mark, TextNode } from './schema.js'
import {
  addBytes,
  checkKeys,
  describe,
  enterNode,
  formatCount,
  halt,
  joinKey,
  own,
  quote,
  readOptionalString,
  readRecord,
  readType,
  report,
  utf8Length,
} from './walk.js'
import type { Fields, Walk } from './walk.js'

// The order marks are stored and rendered in: link outermost, then bold, then italic.
const MARK_ORDER: readonly Mark['type'][] = ['link', 'bold', 'italic']
const KNOWN_BLOCKS = new Set<string>([...BLOCK_TYPES, 'listItem'])

/** Reads the inline content of `owner` (e.g. "a paragraph"); `required` demands at least one node. */
export function readInlines(
  walk: Walk,
  value: unknown,
  path: string,
  depth: number,
  owner: string,
  required: boolean,
): InlineNode[] {
  if (value === undefined && !required) return []
  if (!Array.isArray(value)) {
    report(walk, path, `${owner} needs a list of text nodes here, not ${describe(value)}`)
    return []
  }
  if (value.length === 0 && required) report(walk, path, `${owner} needs some text`)
  const nodes: InlineNode[] = []
  for (let i = 0; i < value.length; i++) {
    const node = readInline(walk, value[i], `${path}[${i}]`, depth, owner)
    if (node !== undefined) nodes.push(node)
  }
  return nodes
}

function readInline(walk: Walk, value: unknown, path: string, depth: number, owner: string): InlineNode | undefined {
  const fields = readRecord(walk, value, path, 'each node')
  if (fields === undefined) return undefined
  const type = readType(walk, fields, path)
  if (type === undefined) return undefined
  enterNode(walk, path, depth, type)
  if (type === 'text') return readText(walk, fields, path)
  if (type === 'hardBreak') {
    checkKeys(walk, fields, ['type'], path, 'a hardBreak')
    return { type: 'hardBreak' }
  }
  report(
    walk,
    path,
    KNOWN_BLOCKS.has(type)
      ? `${owner} can only hold text and hardBreak nodes (found ${quote(type)})`
      : `unknown node type ${quote(type)}`,
  )
  return undefined
}

function readText(walk: Walk, fields: Fields, path: string): TextNode | undefined {
  checkKeys(walk, fields, ['type', 'text', 'marks'], path, 'a text node')
  const text = own(fields, 'text')
  const marks = readMarks(walk, own(fields, 'marks'), joinKey(path, 'marks'))
  if (typeof text !== 'string') {
    report(walk, joinKey(path, 'text'), `a text node needs its text as a string, not ${describe(text)}`)
    return undefined
  }
  if (text.length === 0) {
    report(walk, joinKey(path, 'text'), 'a text node cannot be empty; leave the node out instead')
    return undefined
  }
  if (text.length > BODY_LIMITS.textNodeChars) {
    report(
      walk,
      joinKey(path, 'text'),
      `a text node is limited to ${formatCount(BODY_LIMITS.textNodeChars)} characters (this one has ${formatCount(text.length)})`,
    )
    addBytes(walk, text.length)
    return undefined
  }
  walk.textChars += text.length
  if (walk.textChars > BODY_LIMITS.textChars) {
    halt(
      walk,
      '',
      `The body document has more than ${formatCount(BODY_LIMITS.textChars)} characters of text; split it into several stories or pages.`,
    )
  }
  addBytes(walk, utf8Length(text) + 10)
  return marks === undefined ? { type: 'text', text } : { type: 'text', text, marks }
}

function readMarks(walk: Walk, value: unknown, path: string): Mark[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    report(walk, path, `marks must be a list, not ${describe(value)}`)
    return undefined
  }
  const byType = new Map<Mark['type'], Mark>()
  for (let i = 0; i < value.length; i++) {
    const at = `${path}[${i}]`
    const mark = readMark(walk, value[i], at)
    if (mark === undefined) continue
    if (byType.has(mark.type)) report(walk, at, `this text already has a ${mark.type} mark`)
    else byType.set(mark.type, mark)
  }
  const marks: Mark[] = []
  for (const type of MARK_ORDER) {
    const mark = byType.get(type)
    if (mark !== undefined) marks.push(mark)
  }
  return marks.length === 0 ? undefined : marks
}

function readMark(walk: Walk, value: unknown, path: string): Mark | undefined {
  const fields = readRecord(walk, value, path, 'each mark')
  if (fields === undefined) return undefined
  const type = own(fields, 'type')
  addBytes(walk, 12 + (typeof type === 'string' ? type.length : 0))
  if (type === 'bold' || type === 'italic') {
    checkKeys(walk, fields, ['type'], path, `a ${type} mark`)
    return { type }
  }
  if (type === 'link') return readLink(walk, fields, path)
  if (typeof type === 'string') {
    report(walk, path, `unknown mark type ${quote(type)} (marks can be bold, italic or link)`)
  } else {
    report(walk, joinKey(path, 'type'), `every mark needs a "type" string, not ${describe(type)}`)
  }
  return undefined
}

function readLink(walk: Walk, fields: Fields, path: string): LinkMark | undefined {
  checkKeys(walk, fields, ['type', 'attrs'], path, 'a link mark')
  const attrsPath = joinKey(path, 'attrs')
  const attrs = readRecord(walk, own(fields, 'attrs'), attrsPath, 'a link’s attrs')
  if (attrs === undefined) return undefined
  checkKeys(walk, attrs, ['href', 'title'], attrsPath, 'a link')
  const title = readOptionalString(walk, attrs, 'title', attrsPath, BODY_LIMITS.linkTitleChars)
  const href = own(attrs, 'href')
  const hrefPath = joinKey(attrsPath, 'href')
  if (typeof href !== 'string') {
    report(walk, hrefPath, `a link needs its address as a string, not ${describe(href)}`)
    return undefined
  }
  const checked = checkHref(href)
  if (!checked.ok) {
    report(walk, hrefPath, checked.reason)
    return undefined
  }
  addBytes(walk, Math.min(href.length, BODY_LIMITS.hrefChars) + 10)
  return { type: 'link', attrs: title === undefined ? { href: checked.href } : { href: checked.href, title } }
}
