// Renders inline content. Marks always nest link > bold > italic, and a tag stays open across
// neighbouring text nodes that share it, so "a **b** c" inside one link is one <a>. Text gets
// typographic quotes and dashes here, at render; the stored document keeps what the editor typed.
import { typographic } from '../platform/text/typography.js'
import { escapeHtml } from './escape.js'
import { isRenderableHref } from './href.js'
import type { InlineNode, LinkMark, TextNode } from './schema.js'
import { keptForFrozen } from './frozen-memo.js'

interface OpenMarks {
  link: LinkMark | undefined
  bold: boolean
  italic: boolean
}

const NONE: OpenMarks = { link: undefined, bold: false, italic: false }

/**
 * Renders text and hard breaks with their marks as HTML, with typographic quotes and dashes. The
 * result depends on the nodes alone, so a shared stored body's paragraphs render once.
 */
export function renderInlines(nodes: readonly InlineNode[] | undefined): string {
  return nodes === undefined ? '' : renderKept(nodes)
}

const renderKept = keptForFrozen((nodes: readonly InlineNode[]): string => {
  let html = ''
  let open = NONE
  // The text so far: a quote at the start of a node turns by the character before it, across marks.
  let before = ''
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      html += '<br>'
      before = '\n'
      continue
    }
    const want = marksOf(node)
    const text = typographic(node.text, before)
    html += switchMarks(open, want) + escapeHtml(text)
    before = text
    open = want
  }
  return html + switchMarks(open, NONE)
})

/** The text of inline content without markup; hard breaks become newlines. */
export function inlineText(nodes: readonly InlineNode[] | undefined): string {
  if (nodes === undefined) return ''
  let text = ''
  for (const node of nodes) text += node.type === 'text' ? node.text : '\n'
  return text
}

function marksOf(node: TextNode): OpenMarks {
  if (node.marks === undefined) return NONE
  let link: LinkMark | undefined
  let bold = false
  let italic = false
  for (const mark of node.marks) {
    if (mark.type === 'bold') bold = true
    else if (mark.type === 'italic') italic = true
    // Validation already refused bad links; checking again keeps a document that skipped it harmless.
    else if (isRenderableHref(mark.attrs.href)) link = mark
  }
  return { link, bold, italic }
}

/** Closes what must close and opens what must open to go from `from` to `to`, keeping the nesting order. */
function switchMarks(from: OpenMarks, to: OpenMarks): string {
  const linkChanges = !sameLink(from.link, to.link)
  const boldChanges = linkChanges || from.bold !== to.bold
  const italicChanges = boldChanges || from.italic !== to.italic
  let html = ''
  if (italicChanges && from.italic) html += '</em>'
  if (boldChanges && from.bold) html += '</strong>'
  if (linkChanges && from.link !== undefined) html += '</a>'
  if (linkChanges && to.link !== undefined) html += openLink(to.link)
  if (boldChanges && to.bold) html += '<strong>'
  if (italicChanges && to.italic) html += '<em>'
  return html
}

function sameLink(a: LinkMark | undefined, b: LinkMark | undefined): boolean {
  if (a === b) return true
  return a !== undefined && b !== undefined && a.attrs.href === b.attrs.href && a.attrs.title === b.attrs.title
}

function openLink(link: LinkMark): string {
  const { href, title } = link.attrs
  const titleAttr = title === undefined || title === '' ? '' : ` title="${escapeHtml(title)}"`
  // Site paths and fragments stay plain; a page we link out to gets no handle on ours.
  const rel = /^https?:/i.test(href) ? ' rel="noopener"' : ''
  return `<a href="${escapeHtml(href)}"${titleAttr}${rel}>`
}
