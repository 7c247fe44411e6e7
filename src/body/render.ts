// Our own server renderer for body documents: plain string building, one pass, every text and
// attribute value escaped. The only raw HTML a page includes comes from here.
import { escapeHtml } from './escape.js'
import { typographic } from '../platform/text/typography.js'
import type { BodyRenderContext } from './render-context.js'
import { renderDocumentaryCardBlock, renderExcerptBlock, renderImageBlock } from './render-embeds.js'
import { inlineText, renderInlines } from './render-inline.js'
import { quoteSourceLink, renderInterviewExcerptBlock } from './render-interview.js'
import type {
  BlockNode,
  BlockquoteNode,
  BodyDocument,
  HeadingNode,
  ListChildNode,
  ListItemNode,
  PullQuoteNode,
} from './schema.js'

interface RenderState {
  context: BodyRenderContext
  /** Heading ids given out so far, so every anchor in the document is unique. */
  headingIds: Set<string>
}

const MAX_SLUG_CHARS = 60

/** Renders a validated body document as HTML, looking referenced things up in `context`. */
export function renderBody(doc: BodyDocument, context: BodyRenderContext): string {
  const state: RenderState = { context, headingIds: new Set(PAGE_IDS) }
  let html = ''
  for (const node of doc.content) html += renderBlock(node, state)
  return html
}

function renderBlock(node: BlockNode | ListChildNode, state: RenderState): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInlines(node.content)}</p>`
    case 'heading':
      return renderHeading(node, state)
    case 'bulletList':
      return `<ul>${renderItems(node.content, state)}</ul>`
    case 'orderedList': {
      const start = node.attrs?.start
      const startAttr = start === undefined || start === 1 ? '' : ` start="${Math.floor(start)}"`
      return `<ol${startAttr}>${renderItems(node.content, state)}</ol>`
    }
    case 'blockquote':
      return renderBlockquote(node, state)
    case 'pullQuote':
      return renderPullQuote(node, state)
    case 'image':
      return renderImageBlock(node, state.context)
    case 'excerpt':
      return renderExcerptBlock(node, state.context)
    case 'interviewExcerpt':
      return renderInterviewExcerptBlock(node, state.context)
    case 'documentaryCard':
      return renderDocumentaryCardBlock(node, state.context)
    case 'horizontalRule':
      return '<hr>'
    // Unreachable for validated documents; an unknown node from elsewhere renders as nothing.
    default:
      return ''
  }
}

function renderBlocks(nodes: readonly ListChildNode[], state: RenderState): string {
  let html = ''
  for (const node of nodes) html += renderBlock(node, state)
  return html
}

function renderItems(items: readonly ListItemNode[], state: RenderState): string {
  let html = ''
  for (const item of items) html += `<li>${renderBlocks(item.content, state)}</li>`
  return html
}

function renderHeading(node: HeadingNode, state: RenderState): string {
  const tag = `h${node.attrs.level}`
  const id = headingId(inlineText(node.content), state.headingIds)
  return `<${tag} id="${escapeHtml(id)}">${renderInlines(node.content)}</${tag}>`
}

/** A pull quote; one naming its interview moment links its attribution (or the speaker) there. */
function renderPullQuote(node: PullQuoteNode, state: RenderState): string {
  // An attribution is a reader's text too: O’Brien, not O'Brien.
  const attribution = typographic(node.attrs.attribution?.trim() ?? '')
  const source = quoteSourceLink(node.attrs.source, state.context)
  let figcaption = attribution === '' ? '' : `<figcaption>— ${escapeHtml(attribution)}</figcaption>`
  if (source) {
    const label = `${attribution === '' ? source.speaker : attribution}, at ${source.at} in the full interview`
    figcaption = `<figcaption>— <a class="quote-source" href="${escapeHtml(source.href)}">${escapeHtml(label)}</a></figcaption>`
  }
  return `<figure class="pull-quote"><blockquote><p>${renderInlines(node.content)}</p></blockquote>${figcaption}</figure>`
}

/** A blockquote; one naming its interview moment gains a caption linking there. */
function renderBlockquote(node: BlockquoteNode, state: RenderState): string {
  const quote = `<blockquote>${renderBlocks(node.content, state)}</blockquote>`
  const source = quoteSourceLink(node.attrs?.source, state.context)
  if (!source) return quote
  return (
    `<figure class="body-quote">${quote}<figcaption>— <a class="quote-source" href="${escapeHtml(source.href)}">` +
    `${escapeHtml(source.speaker)}, at ${escapeHtml(source.at)} in the full interview</a></figcaption></figure>`
  )
}

/** Ids the pages around a body already use; a heading named "Corrections" becomes corrections-2. */
const PAGE_IDS = [
  'main',
  'corrections',
  'corrections-heading',
  'watch',
  'watch-heading',
  'synopsis-heading',
  'author-box-heading',
  'newsletter-heading',
  'newsletter-email',
  'funder-credits-heading',
]

/** A readable anchor from the heading's text ("Who paid?" → "who-paid"), numbered when taken. */
function headingId(text: string, taken: Set<string>): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/^-+|-+$/g, '')
  const base = slug === '' ? 'section' : slug
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  taken.add(id)
  return id
}
