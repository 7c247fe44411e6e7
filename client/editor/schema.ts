// The editor's ProseMirror schema. Node and mark names are the body document's own, so the
// editor's JSON is a body document up to defaults (see convert.ts). Where each node may sit
// follows src/body/validate-blocks.ts: headings, pull quotes, blockquotes and embeds only at the top level;
// list items and blockquotes hold paragraphs and lists.
import { Schema } from 'prosemirror-model'
import type { DOMOutputSpec, MarkSpec, Node as PMNode, NodeSpec } from 'prosemirror-model'
import { formatTimecode as timecode } from '../../src/body/timecode.js'
import { checkLinkHref } from './href.js'
import { isBoldWeight, PASTED_STYLE, pastedStyle } from './paste.js'

const id = (value: string | null): number | false => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : false
}
const optional = { default: null, validate: 'string|null' }
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/** data-* attributes carry an embed's overrides through copy and paste inside the editor. */
function dataAttrs(node: PMNode, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const value: unknown = node.attrs[name]
    if (value !== null && value !== undefined) out[`data-${name.toLowerCase()}`] = String(value)
  }
  return out
}

/** An embed by reference: a box in the editor, only an id (and overrides) in the document. */
function embed(idAttr: string, label: string, extra: readonly string[] = []): NodeSpec {
  const attrs: NodeSpec['attrs'] = { [idAttr]: { validate: 'number' } }
  for (const name of extra) attrs[name] = optional
  const selector = `[data-${idAttr.toLowerCase()}]`
  return {
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    attrs,
    parseDOM: [
      {
        tag: selector,
        getAttrs: dom => {
          const value = id(dom.getAttribute(`data-${idAttr.toLowerCase()}`))
          if (value === false) return false
          const out: Record<string, unknown> = { [idAttr]: value }
          for (const name of extra) out[name] = text(dom.getAttribute(`data-${name.toLowerCase()}`))
          return out
        },
      },
    ],
    // The node views in node-views.ts draw the real box; this form is for the clipboard.
    toDOM: (node): DOMOutputSpec => [
      'div',
      { class: 'be-embed', ...dataAttrs(node, [idAttr, ...extra]) },
      `${label} ${String(node.attrs[idAttr])}`,
    ],
  }
}

/** A quote's interview moment, `{ interviewId, startSeconds }`, carried in data-* attributes through the clipboard. */
interface QuoteSource {
  interviewId: number
  startSeconds: number
}
const sourceAttr = { default: null }
function readSource(dom: HTMLElement): QuoteSource | null {
  const interviewId = id(dom.getAttribute('data-source-interview'))
  const startSeconds = Number(dom.getAttribute('data-source-start'))
  return interviewId !== false && Number.isFinite(startSeconds) && startSeconds >= 0
    ? { interviewId, startSeconds }
    : null
}
function sourceData(value: unknown): Record<string, string> {
  const source = value as QuoteSource | null
  return source
    ? { 'data-source-interview': String(source.interviewId), 'data-source-start': String(source.startSeconds) }
    : {}
}
const seconds = (value: string | null): number | false => {
  const n = Number(value)
  return value !== null && value !== '' && Number.isFinite(n) && n >= 0 ? n : false
}

/** A span of an interview: the picker sets its times from the transcript's passages. */
const interviewExcerpt: NodeSpec = {
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  attrs: {
    interviewId: { validate: 'number' },
    startSeconds: { validate: 'number' },
    endSeconds: { validate: 'number' },
  },
  parseDOM: [
    {
      tag: '[data-interview-excerpt]',
      getAttrs: dom => {
        const interviewId = id(dom.getAttribute('data-interview-excerpt'))
        const startSeconds = seconds(dom.getAttribute('data-start'))
        const endSeconds = seconds(dom.getAttribute('data-end'))
        return interviewId === false || startSeconds === false || endSeconds === false
          ? false
          : { interviewId, startSeconds, endSeconds }
      },
    },
  ],
  toDOM: (node): DOMOutputSpec => [
    'div',
    {
      class: 'be-embed',
      'data-interview-excerpt': String(node.attrs.interviewId),
      'data-start': String(node.attrs.startSeconds),
      'data-end': String(node.attrs.endSeconds),
    },
    `Interview excerpt ${String(node.attrs.interviewId)}`,
  ],
}

const headingRules = [1, 2, 3, 4, 5, 6].map(n => ({ tag: `h${n}`, attrs: { level: Math.min(4, Math.max(2, n)) } }))

const nodes = {
  doc: { content: 'block+' },
  paragraph: { group: 'block listChild', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
  heading: {
    group: 'block',
    content: 'inline*',
    attrs: {
      level: {
        default: 2,
        validate: (v: unknown) => {
          if (v !== 2 && v !== 3 && v !== 4) throw new RangeError('heading level must be 2, 3 or 4')
        },
      },
    },
    defining: true,
    // Level 1 is the page title, so a pasted h1 becomes the highest level a body may use.
    parseDOM: headingRules,
    toDOM: node => [`h${String(node.attrs.level)}`, 0],
  },
  bulletList: { group: 'block listChild', content: 'listItem+', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
  orderedList: {
    group: 'block listChild',
    content: 'listItem+',
    attrs: { start: { default: 1, validate: 'number' } },
    parseDOM: [{ tag: 'ol', getAttrs: dom => ({ start: id(dom.getAttribute('start')) || 1 }) }],
    toDOM: node => (node.attrs.start === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.start) }, 0]),
  },
  listItem: { content: 'listChild+', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
  blockquote: {
    group: 'block',
    content: 'listChild+',
    attrs: { source: sourceAttr },
    defining: true,
    parseDOM: [{ tag: 'blockquote', getAttrs: dom => ({ source: readSource(dom) }) }],
    toDOM: node => ['blockquote', sourceData(node.attrs.source), 0],
  },
  pullQuote: {
    group: 'block',
    content: '(text | hardBreak)*',
    attrs: { attribution: optional, source: sourceAttr },
    defining: true,
    parseDOM: [
      {
        tag: 'figure.be-pullquote',
        contentElement: 'blockquote',
        getAttrs: dom => ({ attribution: text(dom.getAttribute('data-attribution')), source: readSource(dom) }),
      },
    ],
    toDOM: node => {
      const attribution = text(node.attrs.attribution)
      const figure = {
        class: 'be-pullquote',
        ...(attribution === null ? {} : { 'data-attribution': attribution }),
        ...sourceData(node.attrs.source),
      }
      const source = node.attrs.source as QuoteSource | null
      const from = source === null ? '' : ` (interview, ${timecode(source.startSeconds)})`
      return attribution === null && source === null
        ? ['figure', figure, ['blockquote', 0]]
        : [
            'figure',
            figure,
            ['blockquote', 0],
            ['figcaption', { contenteditable: 'false' }, `— ${attribution ?? 'Interview'}${from}`],
          ]
    },
  },
  image: embed('imageId', 'Image', ['alt', 'caption', 'credit']),
  excerpt: embed('excerptId', 'Video excerpt'),
  interviewExcerpt,
  documentaryCard: embed('documentaryId', 'Documentary'),
  horizontalRule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
  text: { group: 'inline' },
  hardBreak: { group: 'inline', inline: true, selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
} satisfies Record<string, NodeSpec>

// Declared link, bold, italic: ProseMirror orders marks by their place here, which is also the
// body document's normal order.
const marks = {
  link: {
    attrs: { href: { validate: 'string' }, title: optional },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        // A pasted link the server would refuse keeps its text and loses the link.
        getAttrs: dom => {
          const checked = checkLinkHref(dom.getAttribute('href') ?? '')
          return checked.ok ? { href: checked.href, title: text(dom.getAttribute('title')) } : false
        },
      },
    ],
    toDOM: mark => [
      'a',
      {
        href: String(mark.attrs.href),
        ...(text(mark.attrs.title) === null ? {} : { title: String(mark.attrs.title) }),
        rel: 'noopener noreferrer nofollow',
      },
      0,
    ],
  },
  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps a whole paste in <b style="font-weight:normal">, which is not bold.
      {
        tag: 'b',
        getAttrs: dom => {
          const w = pastedStyle(dom, 'font-weight')
          return w === undefined || isBoldWeight(w) ? null : false
        },
      },
      // Style attributes arrive renamed (paste.ts); a lower priority lets <p> and friends match as nodes first.
      // Not consuming, so the italic rule below can also read the same element.
      {
        tag: `[${PASTED_STYLE}]`,
        priority: 40,
        consuming: false,
        getAttrs: dom => (isBoldWeight(pastedStyle(dom, 'font-weight')) ? null : false),
      },
    ],
    toDOM: () => ['strong', 0],
  },
  italic: {
    parseDOM: [
      { tag: 'i' },
      { tag: 'em' },
      {
        tag: `[${PASTED_STYLE}]`,
        priority: 40,
        getAttrs: dom => (pastedStyle(dom, 'font-style') === 'italic' ? null : false),
      },
    ],
    toDOM: () => ['em', 0],
  },
} satisfies Record<string, MarkSpec>

/** The schema every editor instance uses. */
export const schema = new Schema<keyof typeof nodes, keyof typeof marks>({ nodes, marks })
