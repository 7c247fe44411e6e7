// Checks the block level of a body document. Each block type has one reader; where a block may
// sit (the document, a list, a list item, a blockquote) is described by a Slot.
import { BLOCK_TYPES, BODY_LIMITS } from './schema.js'
import type {
  BlockNode,
  BlockquoteNode,
  BulletListNode,
  DocumentaryCardNode,
  ExcerptNode,
  HeadingNode,
  ImageNode,
  ListChildNode,
  ListItemNode,
  OrderedListNode,
  ParagraphNode,
  PullQuoteNode,
} from './schema.js'
import { readInlines } from './validate-inline.js'
import { readInterviewExcerpt, readQuoteSource } from './validate-interview.js'
import {
  checkKeys,
  describe,
  enterNode,
  joinKey,
  own,
  quote,
  readAttrs,
  readId,
  readOptionalString,
  readRecord,
  readType,
  report,
} from './walk.js'
import type { Fields, Walk } from './walk.js'

type AnyBlock = BlockNode | ListItemNode

/** A place blocks can sit, with the types it accepts. */
interface Slot<T extends AnyBlock> {
  owner: string
  holds: string
  /** What to say when the slot is left empty; undefined when empty is fine. */
  whenEmpty: string | undefined
  accepts: (node: AnyBlock) => node is T
  types: ReadonlySet<string>
}

function slot<T extends AnyBlock>(
  owner: string,
  types: readonly T['type'][],
  holds: string,
  whenEmpty?: string,
): Slot<T> {
  const set = new Set<string>(types)
  return { owner, holds, whenEmpty, types: set, accepts: (node): node is T => set.has(node.type) }
}

const LIST_CHILDREN = ['paragraph', 'bulletList', 'orderedList'] as const
const DOCUMENT = slot<BlockNode>('the document', BLOCK_TYPES, 'blocks')
const LIST = slot<ListItemNode>('a list', ['listItem'], 'listItem nodes', 'a list needs at least one listItem')
const LIST_ITEM = slot<ListChildNode>(
  'a listItem',
  LIST_CHILDREN,
  'paragraphs and lists',
  'a listItem needs at least one paragraph',
)
const BLOCKQUOTE = slot<ListChildNode>('a blockquote', LIST_CHILDREN, 'paragraphs and lists')
const INLINE_TYPES = new Set(['text', 'hardBreak'])

/** Reads the document's own content: the top-level blocks. */
export function readDocumentContent(walk: Walk, value: unknown, path: string): BlockNode[] {
  return readChildren(walk, value, path, 1, DOCUMENT)
}

function readChildren<T extends AnyBlock>(
  walk: Walk,
  value: unknown,
  path: string,
  depth: number,
  where: Slot<T>,
): T[] {
  if (!Array.isArray(value)) {
    report(walk, path, `${where.owner} needs a list of ${where.holds} here, not ${describe(value)}`)
    return []
  }
  if (value.length === 0 && where.whenEmpty !== undefined) report(walk, path, where.whenEmpty)
  const nodes: T[] = []
  for (let i = 0; i < value.length; i++) {
    const at = `${path}[${i}]`
    const fields = readRecord(walk, value[i], at, 'each node')
    if (fields === undefined) continue
    const type = readType(walk, fields, at)
    if (type === undefined) continue
    enterNode(walk, at, depth, type)
    if (!where.types.has(type)) {
      report(walk, at, misplaced(type, where))
      continue
    }
    const node = readBlock(walk, fields, type, at, depth)
    if (node !== undefined && where.accepts(node)) nodes.push(node)
  }
  return nodes
}

function misplaced(type: string, where: Slot<AnyBlock>): string {
  if (type === 'listItem') return 'a listItem can only sit directly inside a bulletList or orderedList'
  if (INLINE_TYPES.has(type)) return `a ${type} node cannot sit directly in ${where.owner}; put it inside a paragraph`
  if (!DOCUMENT.types.has(type)) return `unknown node type ${quote(type)}`
  return `${where.owner} can only hold ${where.holds} (found ${quote(type)})`
}

function readBlock(walk: Walk, fields: Fields, type: string, path: string, depth: number): AnyBlock | undefined {
  switch (type) {
    case 'paragraph':
      return readParagraph(walk, fields, path, depth)
    case 'heading':
      return readHeading(walk, fields, path, depth)
    case 'bulletList':
      return readBulletList(walk, fields, path, depth)
    case 'orderedList':
      return readOrderedList(walk, fields, path, depth)
    case 'listItem':
      return readListItem(walk, fields, path, depth)
    case 'blockquote':
      return readBlockquote(walk, fields, path, depth)
    case 'pullQuote':
      return readPullQuote(walk, fields, path, depth)
    case 'image':
      return readImage(walk, fields, path)
    case 'excerpt':
      return readExcerpt(walk, fields, path)
    case 'interviewExcerpt':
      return readInterviewExcerpt(walk, fields, path)
    case 'documentaryCard':
      return readDocumentaryCard(walk, fields, path)
    case 'horizontalRule':
      checkKeys(walk, fields, ['type'], path, 'a horizontalRule')
      return { type: 'horizontalRule' }
    default:
      return undefined
  }
}

function readParagraph(walk: Walk, fields: Fields, path: string, depth: number): ParagraphNode {
  checkKeys(walk, fields, ['type', 'content'], path, 'a paragraph')
  const content = readInlines(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, 'a paragraph', false)
  return content.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content }
}

function readHeading(walk: Walk, fields: Fields, path: string, depth: number): HeadingNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs', 'content'], path, 'a heading')
  const content = readInlines(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, 'a heading', false)
  const attrs = readAttrs(walk, fields, path, 'a heading', ['level'], true)
  if (attrs === undefined) return undefined
  const level = own(attrs, 'level')
  if (level !== 2 && level !== 3 && level !== 4) {
    report(
      walk,
      joinKey(joinKey(path, 'attrs'), 'level'),
      `a heading's level must be 2, 3 or 4 (got ${describe(level)}); level 1 is the page title`,
    )
    return undefined
  }
  return content.length === 0 ? { type: 'heading', attrs: { level } } : { type: 'heading', attrs: { level }, content }
}

function readBulletList(walk: Walk, fields: Fields, path: string, depth: number): BulletListNode {
  checkKeys(walk, fields, ['type', 'content'], path, 'a bulletList')
  return {
    type: 'bulletList',
    content: readChildren(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, LIST),
  }
}

function readOrderedList(walk: Walk, fields: Fields, path: string, depth: number): OrderedListNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs', 'content'], path, 'an orderedList')
  const content = readChildren(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, LIST)
  const attrs = readAttrs(walk, fields, path, 'an orderedList', ['start'], false)
  const start = attrs === undefined ? undefined : own(attrs, 'start')
  if (start === undefined) return { type: 'orderedList', content }
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 1) {
    report(
      walk,
      joinKey(joinKey(path, 'attrs'), 'start'),
      `a list's start must be a whole number from 1 (got ${describe(start)})`,
    )
    return undefined
  }
  // Starting at 1 is what a list does anyway; storing it would make equal lists look different.
  return start === 1 ? { type: 'orderedList', content } : { type: 'orderedList', attrs: { start }, content }
}

function readListItem(walk: Walk, fields: Fields, path: string, depth: number): ListItemNode {
  checkKeys(walk, fields, ['type', 'content'], path, 'a listItem')
  return {
    type: 'listItem',
    content: readChildren(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, LIST_ITEM),
  }
}

function readBlockquote(walk: Walk, fields: Fields, path: string, depth: number): BlockquoteNode {
  checkKeys(walk, fields, ['type', 'attrs', 'content'], path, 'a blockquote')
  const content = readChildren(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, BLOCKQUOTE)
  const attrs = readAttrs(walk, fields, path, 'a blockquote', ['source'], false)
  const source = attrs && readQuoteSource(walk, attrs, joinKey(path, 'attrs'), 'a blockquote')
  return source === undefined ? { type: 'blockquote', content } : { type: 'blockquote', attrs: { source }, content }
}

function readPullQuote(walk: Walk, fields: Fields, path: string, depth: number): PullQuoteNode {
  checkKeys(walk, fields, ['type', 'attrs', 'content'], path, 'a pullQuote')
  const content = readInlines(walk, own(fields, 'content'), joinKey(path, 'content'), depth + 1, 'a pullQuote', true)
  // Attrs are all optional here, so a missing attrs object is read as an empty one.
  const attrs = readAttrs(walk, fields, path, 'a pullQuote', ['attribution', 'source'], false)
  const attribution =
    attrs && readOptionalString(walk, attrs, 'attribution', joinKey(path, 'attrs'), BODY_LIMITS.attributionChars)
  const source = attrs && readQuoteSource(walk, attrs, joinKey(path, 'attrs'), 'a pullQuote')
  const node: PullQuoteNode = { type: 'pullQuote', attrs: {}, content }
  if (attribution !== undefined) node.attrs.attribution = attribution
  if (source !== undefined) node.attrs.source = source
  return node
}

function readImage(walk: Walk, fields: Fields, path: string): ImageNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs'], path, 'an image')
  const attrs = readAttrs(walk, fields, path, 'an image', ['imageId', 'alt', 'caption', 'credit'], true)
  if (attrs === undefined) return undefined
  const at = joinKey(path, 'attrs')
  const imageId = readId(walk, attrs, 'imageId', at, 'an image')
  const alt = readOptionalString(walk, attrs, 'alt', at, BODY_LIMITS.altChars)
  const caption = readOptionalString(walk, attrs, 'caption', at, BODY_LIMITS.captionChars)
  const credit = readOptionalString(walk, attrs, 'credit', at, BODY_LIMITS.creditChars)
  if (imageId === undefined) return undefined
  const node: ImageNode = { type: 'image', attrs: { imageId } }
  if (alt !== undefined) node.attrs.alt = alt
  if (caption !== undefined) node.attrs.caption = caption
  if (credit !== undefined) node.attrs.credit = credit
  return node
}

function readExcerpt(walk: Walk, fields: Fields, path: string): ExcerptNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs'], path, 'an excerpt')
  const attrs = readAttrs(walk, fields, path, 'an excerpt', ['excerptId'], true)
  const excerptId = attrs && readId(walk, attrs, 'excerptId', joinKey(path, 'attrs'), 'an excerpt')
  return excerptId === undefined ? undefined : { type: 'excerpt', attrs: { excerptId } }
}

function readDocumentaryCard(walk: Walk, fields: Fields, path: string): DocumentaryCardNode | undefined {
  checkKeys(walk, fields, ['type', 'attrs'], path, 'a documentaryCard')
  const attrs = readAttrs(walk, fields, path, 'a documentaryCard', ['documentaryId'], true)
  const documentaryId = attrs && readId(walk, attrs, 'documentaryId', joinKey(path, 'attrs'), 'a documentaryCard')
  return documentaryId === undefined ? undefined : { type: 'documentaryCard', attrs: { documentaryId } }
}
