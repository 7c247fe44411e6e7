// Renders the blocks that refer to stored things: images, excerpts and documentary cards.
// Each one renders nothing when the context lacks what it refers to (deleted, unpublished),
// so a page never shows a broken embed.
import { escapeHtml } from './escape.js'
import type { BodyRenderContext, RenderImage } from './render-context.js'
import type { DocumentaryCardNode, ExcerptNode, ImageNode } from './schema.js'
import { formatTimecode } from './timecode.js'
import { typographic } from '../platform/text/typography.js'

/** Editorial text of an embed (captions, credits, titles, deks) as readers see it: typographic quotes, escaped. */
const prose = (text: string): string => escapeHtml(typographic(text))

/** An image block as a captioned figure; the node's alt, caption and credit win over the stored image's. */
export function renderImageBlock(node: ImageNode, context: BodyRenderContext): string {
  const image = context.images.get(node.attrs.imageId)
  if (image === undefined) return ''
  const caption = node.attrs.caption ?? image.caption
  const credit = node.attrs.credit ?? image.credit
  const parts: string[] = []
  if (caption !== '') parts.push(`<span class="caption">${prose(caption)}</span>`)
  if (credit !== '') parts.push(`<span class="credit">${prose(credit)}</span>`)
  const figcaption = parts.length === 0 ? '' : `<figcaption>${parts.join(' ')}</figcaption>`
  return `<figure class="body-image">${renderImg(image, node.attrs.alt ?? image.alt, '')}${figcaption}</figure>`
}

/** An excerpt as a figure: poster, label, title, length, caption and a link into the full documentary. */
export function renderExcerptBlock(node: ExcerptNode, context: BodyRenderContext): string {
  const excerpt = context.excerpts.get(node.attrs.excerptId)
  if (excerpt === undefined) return ''
  const start = wholeNumber(excerpt.startSeconds)
  const length = Math.max(0, wholeNumber(excerpt.endSeconds) - start)
  const poster =
    excerpt.poster === undefined
      ? ''
      : `<div class="excerpt-media">${renderImg(excerpt.poster, excerpt.poster.alt, 'excerpt-poster')}</div>`
  const caption = excerpt.caption === '' ? '' : `<p class="excerpt-caption">${prose(excerpt.caption)}</p>`
  return (
    `<figure class="excerpt" data-excerpt-id="${wholeNumber(excerpt.id)}" data-start="${start}" data-end="${start + length}">` +
    poster +
    '<figcaption class="excerpt-text">' +
    '<p class="excerpt-heading"><span class="excerpt-label">Video excerpt</span> ' +
    `<span class="excerpt-title">${prose(excerpt.title)}</span> ` +
    `<span class="excerpt-duration">(<time datetime="PT${length}S">${formatTimecode(length)}</time>)</span></p>` +
    caption +
    `<p class="excerpt-more"><a class="excerpt-watch" href="${escapeHtml(watchUrl(excerpt.documentaryUrl, start))}">` +
    `Watch the full documentary from ${formatTimecode(start)}` +
    `<span class="excerpt-documentary"> — <cite>${prose(excerpt.documentaryTitle)}</cite></span></a></p>` +
    '</figcaption></figure>'
  )
}

/** A documentary card: poster, label, linked title, dek and running time. */
export function renderDocumentaryCardBlock(node: DocumentaryCardNode, context: BodyRenderContext): string {
  const card = context.documentaries.get(node.attrs.documentaryId)
  if (card === undefined) return ''
  // The poster repeats what the linked title says, so screen readers skip it (empty alt).
  const poster = card.poster === undefined ? '' : renderImg(card.poster, '', 'documentary-card-poster')
  const dek = card.dek === '' ? '' : `<p class="documentary-card-dek">${prose(card.dek)}</p>`
  const runtime =
    card.runtimeLabel === '' ? '' : `<p class="documentary-card-runtime">${escapeHtml(card.runtimeLabel)}</p>`
  const title = prose(card.title)
  return (
    `<aside class="documentary-card" aria-label="Documentary: ${title}">` +
    poster +
    '<div class="documentary-card-body">' +
    '<p class="documentary-card-label">Documentary</p>' +
    `<p class="documentary-card-title"><a href="${escapeHtml(card.url)}">${title}</a></p>` +
    dek +
    runtime +
    '</div></aside>'
  )
}

/** An <img> for a stored image; alt comes separately because a body may override it. */
function renderImg(image: RenderImage, alt: string, className: string): string {
  let html = className === '' ? '<img' : `<img class="${className}"`
  html += ` src="${escapeHtml(image.src)}"`
  if (image.srcset !== undefined && image.srcset !== '') html += ` srcset="${escapeHtml(image.srcset)}"`
  if (image.sizes !== undefined && image.sizes !== '') html += ` sizes="${escapeHtml(image.sizes)}"`
  return `${html} width="${wholeNumber(image.width)}" height="${wholeNumber(image.height)}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async">`
}

/** The documentary page opened at `start`; the page reads `t` and `#watch` scrolls to the player. */
function watchUrl(documentaryUrl: string, start: number): string {
  const hash = documentaryUrl.indexOf('#')
  const base = hash === -1 ? documentaryUrl : documentaryUrl.slice(0, hash)
  return `${base}${base.includes('?') ? '&' : '?'}t=${start}#watch`
}

/** A non-negative whole number for attributes, whatever the context holds. */
function wholeNumber(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}
