// The <head>: title, description, canonical URL, social cards, feeds and structured data.
import type { PageMeta } from '../../platform/seo/meta.js'
import { jsonForScript } from '../../platform/seo/meta.js'
import type { Chrome } from '../chrome.js'
import type { PlayerScripts } from '../deps.js'

/** Head metadata for one page. */
export function Head({ chrome, meta, player }: { chrome: Chrome; meta: PageMeta; player?: PlayerScripts | undefined }) {
  const { settings, publicUrl } = chrome
  const canonical = `${publicUrl}${meta.path}`
  const fullTitle = meta.path === '/' ? `${settings.name} — ${settings.tagline}` : `${meta.title} | ${settings.name}`
  const feeds = meta.feeds ?? [{ title: `${settings.name}`, href: '/feed.xml', type: 'rss' as const }]
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fullTitle}</title>
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={canonical} />
      {meta.noindex ? <meta name="robots" content="noindex" /> : null}
      {meta.prev ? <link rel="prev" href={meta.prev} /> : null}
      {meta.next ? <link rel="next" href={meta.next} /> : null}
      {(chrome.fontPreloads ?? []).map(href => (
        <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
      ))}
      <link rel="stylesheet" href={chrome.stylesheetHref} />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      {player ? <script type="module" src={player.script} data-hls={player.hls} /> : null}
      {feeds.map(f => (
        <link
          key={f.href}
          rel="alternate"
          type={f.type === 'atom' ? 'application/atom+xml' : 'application/rss+xml'}
          title={f.title}
          href={f.href}
        />
      ))}
      <meta property="og:site_name" content={settings.name} />
      <meta property="og:type" content={meta.type ?? 'website'} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={settings.language === 'en' ? 'en_US' : settings.language} />
      {meta.image ? <meta property="og:image" content={meta.image.url} /> : null}
      {meta.image ? <meta property="og:image:width" content={String(meta.image.width)} /> : null}
      {meta.image ? <meta property="og:image:height" content={String(meta.image.height)} /> : null}
      {meta.image ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
      {meta.publishedTime ? <meta property="article:published_time" content={meta.publishedTime} /> : null}
      {meta.modifiedTime ? <meta property="article:modified_time" content={meta.modifiedTime} /> : null}
      {meta.section ? <meta property="article:section" content={meta.section} /> : null}
      <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {meta.image ? <meta name="twitter:image" content={meta.image.url} /> : null}
      {meta.image ? <meta name="twitter:image:alt" content={meta.image.alt} /> : null}
      {(meta.jsonLd ?? []).map((block, i) => (
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(block) }} />
      ))}
    </head>
  )
}
