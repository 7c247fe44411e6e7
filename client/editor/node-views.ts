// How embeds look in the editor: an image as a figure with its caption, an excerpt and a
// documentary card and an interview excerpt as labelled boxes. They read titles and pictures from the catalog and
// redraw when it arrives, because the document itself holds only ids.
import type { Node as PMNode } from 'prosemirror-model'
import type { EditorView, NodeView } from 'prosemirror-view'
import { formatTimecode as timecode } from '../../src/body/timecode.js'
import { formatRuntime } from '../../src/platform/format.js'
import { findItem } from './catalog.js'
import type { Catalog } from './catalog.js'
import { h } from './dom.js'
import type { InterviewDirectory } from './interviews.js'

/** Whatever the box reads its words from, and can hear change. */
interface Source {
  subscribe(listener: () => void): () => void
}
type Draw<S extends Source> = (node: PMNode, source: S) => Node[]

/** Node views for the three embed types, all reading from `catalog`. */
export function embedViews(catalog: Catalog): Record<string, (node: PMNode, view: EditorView) => NodeView> {
  return {
    image: node => embedView(node, catalog, 'figure', 'be-embed be-embed--image', drawImage),
    excerpt: node => embedView(node, catalog, 'div', 'be-embed be-embed--excerpt', drawExcerpt),
    documentaryCard: node => embedView(node, catalog, 'div', 'be-embed be-embed--documentary', drawDocumentary),
  }
}

/** The node view of interview excerpts, named from the directory once it knows the interview. */
export function interviewViews(
  directory: InterviewDirectory,
): Record<string, (node: PMNode, view: EditorView) => NodeView> {
  return {
    interviewExcerpt: node =>
      embedView(node, directory, 'div', 'be-embed be-embed--excerpt be-embed--interview', drawInterviewExcerpt),
  }
}

function drawInterviewExcerpt(node: PMNode, directory: InterviewDirectory): Node[] {
  const id = Number(node.attrs.interviewId)
  const item = directory.get(id)
  const start = Number(node.attrs.startSeconds)
  const end = Number(node.attrs.endSeconds)
  const title = item === undefined ? `#${id}` : [item.personName, item.title].filter(Boolean).join(' — ')
  const meta = `${timecode(start)}–${timecode(end)} (${timecode(end - start)})${item !== undefined && item.status !== 'published' ? ' · shows once the interview is published' : ''}`
  return box('Interview excerpt', title, meta, '▶')
}

function embedView<S extends Source>(
  initial: PMNode,
  source: S,
  tag: 'figure' | 'div',
  className: string,
  draw: Draw<S>,
): NodeView {
  let node = initial
  const dom = h(tag, { class: className })
  const render = () => dom.replaceChildren(...draw(node, source))
  render()
  const unsubscribe = source.subscribe(render)
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false
      node = next
      render()
      return true
    },
    selectNode: () => dom.classList.add('ProseMirror-selectednode'),
    deselectNode: () => dom.classList.remove('ProseMirror-selectednode'),
    // The box is drawn by us, not typed into; ProseMirror must not read it back as content.
    ignoreMutation: () => true,
    destroy: unsubscribe,
  }
}

function missing(prefix: string, id: unknown, status: string): string {
  return status === 'loading' ? `${prefix}#${String(id)} (loading…)` : `${prefix}#${String(id)}, not in the list`
}

function drawImage(node: PMNode, catalog: Catalog): Node[] {
  const item = findItem(catalog.image, node.attrs.imageId)
  // Attributes on the node override the stored image's, as the renderer does.
  const caption = str(node.attrs.caption) || (item?.caption ?? '')
  const credit = str(node.attrs.credit) || (item?.credit ?? '')
  const alt = str(node.attrs.alt) || (item?.alt ?? '')
  const picture =
    item === undefined
      ? h('div', { class: 'be-embed__placeholder' }, missing('Image ', node.attrs.imageId, catalog.image.status))
      : h('img', { src: item.src, alt, draggable: 'false' })
  return [
    picture,
    h(
      'figcaption',
      { class: 'be-embed__caption' },
      h('span', { class: 'be-embed__kind' }, 'Image'),
      caption === '' ? h('span', { class: 'be-embed__empty' }, 'No caption') : caption,
      credit === '' ? null : h('span', { class: 'be-embed__credit' }, credit),
    ),
  ]
}

function drawExcerpt(node: PMNode, catalog: Catalog): Node[] {
  const item = findItem(catalog.excerpt, node.attrs.excerptId)
  const title = item?.title ?? missing('', node.attrs.excerptId, catalog.excerpt.status)
  const meta =
    item === undefined ? '' : `${item.documentaryTitle} · ${timecode(item.startSeconds)}–${timecode(item.endSeconds)}`
  return box('Video excerpt', title, meta, '▶')
}

function drawDocumentary(node: PMNode, catalog: Catalog): Node[] {
  const item = findItem(catalog.documentaryCard, node.attrs.documentaryId)
  const title = item?.title ?? missing('', node.attrs.documentaryId, catalog.documentaryCard.status)
  const meta = item === undefined || item.runtime <= 0 ? '' : `Running time ${formatRuntime(item.runtime)}`
  return box('Documentary', title, meta, '◼')
}

function box(kind: string, title: string, meta: string, icon: string): Node[] {
  return [
    h('span', { class: 'be-embed__icon', 'aria-hidden': 'true' }, icon),
    h(
      'span',
      { class: 'be-embed__body' },
      h(
        'span',
        { class: 'be-embed__heading' },
        h('span', { class: 'be-embed__kind' }, `${kind}:`),
        ' ',
        h('span', { class: 'be-embed__title' }, title),
      ),
      meta === '' ? null : h('span', { class: 'be-embed__meta' }, meta),
    ),
  ]
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
