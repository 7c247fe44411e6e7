// Between body documents and the editor's ProseMirror JSON. Pure data in, data out (no DOM),
// so node:test can prove that whatever the editor holds comes out as a document the server's
// validateBody accepts in its normal form.
import { checkLinkHref } from './href.js'

/** A node as JSON, in either direction: the shapes are the same up to defaults. */
export interface JsonNode {
  type: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
  marks?: JsonMark[]
  text?: string
}

/** A mark as JSON. */
export interface JsonMark {
  type: string
  attrs?: Record<string, unknown>
}

/** A body document as stored: `{ type: 'doc', content }`. */
export interface BodyJson {
  type: 'doc'
  content: JsonNode[]
}

// Attributes each node keeps, in the body document's key order. Anything else is editor-only.
const NODE_ATTRS: Readonly<Record<string, readonly string[]>> = {
  heading: ['level'],
  orderedList: ['start'],
  pullQuote: ['attribution', 'source'],
  blockquote: ['source'],
  image: ['imageId', 'alt', 'caption', 'credit'],
  excerpt: ['excerptId'],
  interviewExcerpt: ['interviewId', 'startSeconds', 'endSeconds'],
  documentaryCard: ['documentaryId'],
}
const MARK_ORDER = ['link', 'bold', 'italic']
// The server refuses longer text nodes; ProseMirror happily merges a long paste into one.
const TEXT_NODE_MAX = 20_000

/**
 * A body document as the editor wants it. ProseMirror needs a place for the cursor, so an empty
 * document or blockquote gets one empty paragraph (fromEditorJson takes it away again).
 */
export function toEditorJson(body: BodyJson): JsonNode {
  const content = body.content.map(copyNode)
  return { type: 'doc', content: content.length === 0 ? [{ type: 'paragraph' }] : content }
}

function copyNode(node: JsonNode): JsonNode {
  const out: JsonNode = { type: node.type }
  if (node.attrs !== undefined) out.attrs = { ...node.attrs }
  if (node.text !== undefined) out.text = node.text
  if (node.marks !== undefined)
    out.marks = node.marks.map(m =>
      m.attrs === undefined ? { type: m.type } : { type: m.type, attrs: { ...m.attrs } },
    )
  if (node.content !== undefined) out.content = node.content.map(copyNode)
  if (node.type === 'blockquote' && (out.content === undefined || out.content.length === 0))
    out.content = [{ type: 'paragraph' }]
  return out
}

/**
 * The editor's JSON as a body document in the server's normal form: null, empty and default
 * attributes left out, marks ordered link-bold-italic, links the server would refuse unlinked,
 * empty pull quotes and lists dropped, and a lone empty paragraph read as an empty body.
 */
export function fromEditorJson(pm: JsonNode): BodyJson {
  const content = blocks(pm.content)
  const only = content[0]
  if (content.length === 1 && only?.type === 'paragraph' && only.content === undefined)
    return { type: 'doc', content: [] }
  return { type: 'doc', content }
}

function blocks(nodes: JsonNode[] | undefined): JsonNode[] {
  return (nodes ?? []).flatMap(node => {
    const out = block(node)
    return out === undefined ? [] : [out]
  })
}

function block(node: JsonNode): JsonNode | undefined {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'pullQuote': {
      const out = withAttrs(node)
      const content = inlines(node.content)
      // A pull quote with no words says nothing, and the server requires its text.
      if (node.type === 'pullQuote' && content.length === 0) return undefined
      if (content.length > 0) out.content = content
      return out
    }
    case 'bulletList':
    case 'orderedList':
    case 'listItem': {
      const content = blocks(node.content)
      return content.length === 0 ? undefined : { ...withAttrs(node), content }
    }
    case 'blockquote': {
      const content = blocks(node.content)
      const only = content[0]
      const empty = content.length === 1 && only?.type === 'paragraph' && only.content === undefined
      return { ...withAttrs(node), content: empty ? [] : content }
    }
    default:
      return withAttrs(node)
  }
}

/** A node's type and its kept attributes; the pull quote's attrs stay even when empty, as the server writes them. */
function withAttrs(node: JsonNode): JsonNode {
  const names = NODE_ATTRS[node.type]
  if (names === undefined) return { type: node.type }
  const attrs: Record<string, unknown> = {}
  for (const name of names) {
    const value = node.attrs?.[name]
    if (value === null || value === undefined || value === '') continue
    if (node.type === 'orderedList' && value === 1) continue
    attrs[name] = value
  }
  if (Object.keys(attrs).length === 0 && node.type !== 'pullQuote') return { type: node.type }
  return { type: node.type, attrs }
}

function inlines(nodes: JsonNode[] | undefined): JsonNode[] {
  const out: JsonNode[] = []
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' })
    if (node.type !== 'text' || node.text === undefined || node.text === '') continue
    const marks = cleanMarks(node.marks)
    for (let at = 0; at < node.text.length; at += TEXT_NODE_MAX) {
      const text = node.text.slice(at, at + TEXT_NODE_MAX)
      out.push(marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks })
    }
  }
  return out
}

function cleanMarks(marks: JsonMark[] | undefined): JsonMark[] {
  const kept: JsonMark[] = []
  for (const type of MARK_ORDER) {
    const mark = marks?.find(m => m.type === type)
    if (mark === undefined) continue
    if (type !== 'link') {
      kept.push({ type })
      continue
    }
    const href = mark.attrs?.href
    const title = mark.attrs?.title
    // The editor checks addresses when they are entered; this is the last guard before saving.
    const checked = typeof href === 'string' ? checkLinkHref(href) : undefined
    if (checked === undefined || !checked.ok) continue
    const attrs: Record<string, unknown> = { href: checked.href }
    if (typeof title === 'string' && title !== '') attrs.title = title
    kept.push({ type: 'link', attrs })
  }
  return kept
}
