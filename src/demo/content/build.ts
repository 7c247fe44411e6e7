// Small builders so demo body documents read like prose rather than JSON.
// References to images, excerpts and documentaries are symbolic (keys and slugs);
// the seed loader swaps them for ids.
import type { BodyJson } from './types.js'

/** A text mark in a body document. */
export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } }

/** An inline text node. */
export type TextNode = { type: 'text'; text: string; marks?: Mark[] }

/** Any inline node. */
export type InlineNode = TextNode | { type: 'hardBreak' }

/** What inline builders accept: plain strings become unmarked text. */
export type InlinePart = string | InlineNode

/** A block node in a body document. */
export type BlockNode = { type: string; attrs?: Record<string, unknown>; content?: unknown[] }

function toInline(part: InlinePart): InlineNode {
  return typeof part === 'string' ? { type: 'text', text: part } : part
}

function inlines(parts: InlinePart[]): InlineNode[] {
  return parts.filter(part => part !== '').map(toInline)
}

function withMark(part: string | TextNode, mark: Mark): TextNode {
  const node: TextNode = typeof part === 'string' ? { type: 'text', text: part } : part
  return { ...node, marks: [...(node.marks ?? []), mark] }
}

/** Wraps blocks into a body document. */
export function doc(...content: BlockNode[]): BodyJson {
  return { type: 'doc', content }
}

/** A paragraph from strings and inline nodes. */
export function p(...parts: InlinePart[]): BlockNode {
  const content = inlines(parts)
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function heading(level: 2 | 3 | 4, parts: InlinePart[]): BlockNode {
  return { type: 'heading', attrs: { level }, content: inlines(parts) }
}

/** A level-2 heading. */
export function h2(...parts: InlinePart[]): BlockNode {
  return heading(2, parts)
}

/** A level-3 heading. */
export function h3(...parts: InlinePart[]): BlockNode {
  return heading(3, parts)
}

/** A level-4 heading. */
export function h4(...parts: InlinePart[]): BlockNode {
  return heading(4, parts)
}

/** Bold text. */
export function bold(part: string | TextNode): TextNode {
  return withMark(part, { type: 'bold' })
}

/** Italic text. */
export function em(part: string | TextNode): TextNode {
  return withMark(part, { type: 'italic' })
}

/** Linked text; hrefs are site paths or example.org placeholders. */
export function link(part: string | TextNode, href: string): TextNode {
  return withMark(part, { type: 'link', attrs: { href } })
}

/** A line break inside a paragraph. */
export function br(): InlineNode {
  return { type: 'hardBreak' }
}

function listItems(items: (InlinePart | InlinePart[])[]): BlockNode[] {
  return items.map(item => ({ type: 'listItem', content: [p(...(Array.isArray(item) ? item : [item]))] }))
}

/** A bullet list; each item is a string, an inline node or an array of them. */
export function ul(items: (InlinePart | InlinePart[])[]): BlockNode {
  return { type: 'bulletList', content: listItems(items) }
}

/** An ordered list; each item is a string, an inline node or an array of them. */
export function ol(items: (InlinePart | InlinePart[])[]): BlockNode {
  return { type: 'orderedList', content: listItems(items) }
}

/** A blockquote of one or more paragraphs (each a string or inline parts). */
export function blockquote(...paragraphs: (InlinePart | InlinePart[])[]): BlockNode {
  return { type: 'blockquote', content: paragraphs.map(para => p(...(Array.isArray(para) ? para : [para]))) }
}

/** A pull quote with an optional attribution. */
export function quote(text: string, attribution?: string): BlockNode {
  const attrs = attribution === undefined ? {} : { attribution }
  return { type: 'pullQuote', attrs, content: [toInline(text)] }
}

/** An image by DemoImage key; the loader fills imageId (and alt/caption/credit from the image when absent). */
export function img(imageKey: string): BlockNode {
  return { type: 'image', attrs: { imageKey } }
}

/** An excerpt embed by `documentary-slug/excerpt-key`; the loader fills excerptId. */
export function excerpt(excerptKey: string): BlockNode {
  return { type: 'excerpt', attrs: { excerptKey } }
}

/** A documentary card by documentary slug; the loader fills documentaryId. */
export function docCard(documentarySlug: string): BlockNode {
  return { type: 'documentaryCard', attrs: { documentarySlug } }
}

/** A horizontal rule. */
export function hr(): BlockNode {
  return { type: 'horizontalRule' }
}
