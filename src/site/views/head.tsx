// The <head>: title, description, canonical URL, social cards, feeds and structured data.
//
// Written as a string (in the bytes preact-render-to-string writes for the same elements) rather
// than as JSX: every uncached page renders one, some thirty void elements of attributes only, and
// as JSX it was a quarter of a story page's render (83 of 304 µs, measured apart), the most of it
// preact's work per element and attribute, not ours.
import type { PageMeta } from '../../platform/seo/meta.js'
import { jsonForScript } from '../../platform/seo/meta.js'
import { escapeAttribute, htmlAttribute as attr } from '../../platform/text/html.js'
import type { Chrome } from '../chrome.js'
import type { PlayerScripts } from '../deps.js'

interface HeadProps {
  chrome: Chrome
  meta: PageMeta
  player?: PlayerScripts | undefined
}

/** Head metadata for one page. */
export function Head(props: HeadProps) {
  return <head dangerouslySetInnerHTML={{ __html: headContents(props) }} />
}

/** What goes inside <head>, as HTML. */
export function headContents({ chrome, meta, player }: HeadProps): string {
  const { settings, publicUrl } = chrome
  const canonical = `${publicUrl}${meta.path}`
  const fullTitle = meta.path === '/' ? `${settings.name} — ${settings.tagline}` : `${meta.title} | ${settings.name}`
  const feeds = meta.feeds ?? [{ title: `${settings.name}`, href: '/feed.xml', type: 'rss' as const }]
  const image = meta.image
  let html = `<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${escapeAttribute(fullTitle)}</title>`
  html += `<meta name="description"${attr('content', meta.description)}/><link rel="canonical"${attr('href', canonical)}/>`
  if (meta.noindex) html += '<meta name="robots" content="noindex"/>'
  if (meta.prev) html += `<link rel="prev"${attr('href', meta.prev)}/>`
  if (meta.next) html += `<link rel="next"${attr('href', meta.next)}/>`
  for (const href of chrome.fontPreloads ?? [])
    html += `<link rel="preload"${attr('href', href)} as="font" type="font/woff2" crossorigin="anonymous"/>`
  html += `<link rel="stylesheet"${attr('href', chrome.stylesheetHref)}/><link rel="icon" href="/favicon.svg" type="image/svg+xml"/>`
  if (player) html += `<script type="module"${attr('src', player.script)}${attr('data-hls', player.hls)}></script>`
  for (const feed of feeds) {
    const type = feed.type === 'atom' ? 'application/atom+xml' : 'application/rss+xml'
    html += `<link rel="alternate" type="${type}"${attr('title', feed.title)}${attr('href', feed.href)}/>`
  }
  html += `<meta property="og:site_name"${attr('content', settings.name)}/><meta property="og:type"${attr('content', meta.type ?? 'website')}/>`
  html += `<meta property="og:title"${attr('content', meta.title)}/><meta property="og:description"${attr('content', meta.description)}/>`
  html += `<meta property="og:url"${attr('content', canonical)}/>`
  html += `<meta property="og:locale"${attr('content', settings.language === 'en' ? 'en_US' : settings.language)}/>`
  if (image) {
    html += `<meta property="og:image"${attr('content', image.url)}/><meta property="og:image:width"${attr('content', String(image.width))}/>`
    html += `<meta property="og:image:height"${attr('content', String(image.height))}/><meta property="og:image:alt"${attr('content', image.alt)}/>`
  }
  if (meta.publishedTime) html += `<meta property="article:published_time"${attr('content', meta.publishedTime)}/>`
  if (meta.modifiedTime) html += `<meta property="article:modified_time"${attr('content', meta.modifiedTime)}/>`
  if (meta.section) html += `<meta property="article:section"${attr('content', meta.section)}/>`
  html += `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"/>`
  html += `<meta name="twitter:title"${attr('content', meta.title)}/><meta name="twitter:description"${attr('content', meta.description)}/>`
  if (image)
    html += `<meta name="twitter:image"${attr('content', image.url)}/><meta name="twitter:image:alt"${attr('content', image.alt)}/>`
  for (const block of meta.jsonLd ?? []) html += `<script type="application/ld+json">${jsonForScript(block)}</script>`
  return html
}
