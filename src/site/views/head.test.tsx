// The <head> is written as a string: it must carry every tag a browser, a crawler and a social card
// reader look for, escaped, in the bytes the JSX pages write (an empty value is a bare attribute).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { renderToString } from 'preact-render-to-string'
import { DEFAULT_SETTINGS } from '../../settings/index.js'
import type { PageMeta } from '../../platform/seo/meta.js'
import type { Chrome } from '../chrome.js'
import { Head } from './head.js'

const chrome: Chrome = {
  settings: { ...DEFAULT_SETTINGS, name: 'The Long View', tagline: 'Slow news', language: 'en' },
  topics: [],
  funders: [],
  publicUrl: 'https://news.example',
  stylesheetHref: '/assets/site.css',
  fontPreloads: ['/assets/serif.woff2'],
}

const head = (meta: PageMeta, player?: { script: string; hls: string }) =>
  renderToString(<Head chrome={chrome} meta={meta} player={player} />)

describe('Head', () => {
  it("writes a story's title, description, canonical address, cards, dates and structured data", () => {
    const html = head({
      title: 'Fees & "fines"',
      description: 'How a <ticket> grows',
      path: '/stories/fees',
      type: 'article',
      image: { url: 'https://news.example/media/a.jpg', width: 1600, height: 900, alt: '' },
      publishedTime: '2026-12-01T10:00:00.000Z',
      modifiedTime: '2026-12-02T10:00:00.000Z',
      section: 'Investigation',
      jsonLd: [{ '@type': 'NewsArticle', headline: '</script><b>' }],
    })
    assert.equal(
      html,
      '<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>' +
        '<title>Fees &amp; &quot;fines&quot; | The Long View</title>' +
        '<meta name="description" content="How a &lt;ticket> grows"/><link rel="canonical" href="https://news.example/stories/fees"/>' +
        '<link rel="preload" href="/assets/serif.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>' +
        '<link rel="stylesheet" href="/assets/site.css"/><link rel="icon" href="/favicon.svg" type="image/svg+xml"/>' +
        '<link rel="alternate" type="application/rss+xml" title="The Long View" href="/feed.xml"/>' +
        '<meta property="og:site_name" content="The Long View"/><meta property="og:type" content="article"/>' +
        '<meta property="og:title" content="Fees &amp; &quot;fines&quot;"/><meta property="og:description" content="How a &lt;ticket> grows"/>' +
        '<meta property="og:url" content="https://news.example/stories/fees"/><meta property="og:locale" content="en_US"/>' +
        '<meta property="og:image" content="https://news.example/media/a.jpg"/><meta property="og:image:width" content="1600"/>' +
        '<meta property="og:image:height" content="900"/><meta property="og:image:alt" content/>' +
        '<meta property="article:published_time" content="2026-12-01T10:00:00.000Z"/>' +
        '<meta property="article:modified_time" content="2026-12-02T10:00:00.000Z"/>' +
        '<meta property="article:section" content="Investigation"/>' +
        '<meta name="twitter:card" content="summary_large_image"/><meta name="twitter:title" content="Fees &amp; &quot;fines&quot;"/>' +
        '<meta name="twitter:description" content="How a &lt;ticket> grows"/>' +
        '<meta name="twitter:image" content="https://news.example/media/a.jpg"/><meta name="twitter:image:alt" content/>' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"\\u003c/script\\u003e\\u003cb\\u003e"}</script>' +
        '</head>',
    )
  })

  it('names the site and its tagline on the front page, and marks a list page for crawlers', () => {
    const html = head({ title: 'Home', description: '', path: '/', noindex: true, prev: '/?page=1', next: '/?page=3' })
    assert.match(html, /<title>The Long View — Slow news<\/title><meta name="description" content\/>/)
    assert.match(
      html,
      /<meta name="robots" content="noindex"\/><link rel="prev" href="\/\?page=1"\/><link rel="next" href="\/\?page=3"\/><link rel="preload"/,
    )
    assert.match(html, /<meta property="og:type" content="website"\/>/)
    assert.match(html, /<meta name="twitter:card" content="summary"\/><meta name="twitter:title"/)
    assert.doesNotMatch(html, /og:image|article:|ld\+json/)
  })

  it('loads the player island with its hls.js address, and lists the feeds a page names', () => {
    const html = head(
      {
        title: 'A film',
        description: 'd',
        path: '/documentaries/a-film',
        feeds: [
          { title: 'Films', href: '/documentaries/feed.xml' },
          { title: 'Episodes "all"', href: '/podcasts/feed.atom', type: 'atom' },
        ],
      },
      { script: '/assets/player.js', hls: '/assets/hls.js' },
    )
    assert.match(
      html,
      /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"\/><script type="module" src="\/assets\/player.js" data-hls="\/assets\/hls.js"><\/script>/,
    )
    assert.match(
      html,
      /<link rel="alternate" type="application\/rss\+xml" title="Films" href="\/documentaries\/feed.xml"\/><link rel="alternate" type="application\/atom\+xml" title="Episodes &quot;all&quot;" href="\/podcasts\/feed.atom"\/>/,
    )
  })
})
