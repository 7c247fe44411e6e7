// Sitemaps for search engines, the Google News sitemap, and robots.txt that points to both.
import type { StorySummary } from '../stories/index.js'
import { storyUrl } from '../stories/index.js'
import { el, rfc3339, xmlDocument } from './xml.js'

/** The content type of sitemaps. */
export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8'

/** The content type of robots.txt. */
export const ROBOTS_CONTENT_TYPE = 'text/plain; charset=utf-8'

/**
 * The most addresses one sitemap file may list (sitemaps.org). A bigger site needs a sitemap
 * index pointing at several files; at newsroom scale one file is plenty, so past this we cut and warn.
 */
export const SITEMAP_URL_LIMIT = 50_000

/** Google News reads at most this many addresses from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000

/** Google News lists only stories published within this many hours. */
export const NEWS_WINDOW_HOURS = 48

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** One address in the sitemap: a path on this site and, where known, when it last changed. */
export interface SitemapUrl {
  path: string
  lastmod?: string
}

/** The sitemap of the given addresses, at most SITEMAP_URL_LIMIT of them. */
export function renderSitemap(publicUrl: string, urls: readonly SitemapUrl[]): string {
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS },
      urls
        .slice(0, SITEMAP_URL_LIMIT)
        .map(u =>
          el(
            'url',
            null,
            el('loc', null, `${publicUrl}${u.path}`),
            u.lastmod ? el('lastmod', null, rfc3339(u.lastmod)) : undefined,
          ),
        ),
    ),
  )
}

/** Who publishes the stories in the news sitemap. */
export interface NewsPublication {
  name: string
  /** The site's language setting, e.g. "en" or "en-US". */
  language: string
}

/** The Google News sitemap of the given (recent, published) stories. */
export function renderNewsSitemap(
  publicUrl: string,
  publication: NewsPublication,
  stories: readonly StorySummary[],
): string {
  const language = newsLanguage(publication.language)
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS },
      stories
        .slice(0, NEWS_SITEMAP_LIMIT)
        .map(story =>
          el(
            'url',
            null,
            el('loc', null, `${publicUrl}${storyUrl(story.slug)}`),
            el(
              'news:news',
              null,
              el(
                'news:publication',
                null,
                el('news:name', null, publication.name),
                el('news:language', null, language),
              ),
              el('news:publication_date', null, rfc3339(story.publishedAt ?? story.updatedAt)),
              el('news:title', null, story.title),
            ),
          ),
        ),
    ),
  )
}

/** Google News wants an ISO 639 code ("en"), except for Chinese, where it wants "zh-cn" or "zh-tw". */
export function newsLanguage(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, '-')
  if (tag === 'zh-tw' || tag === 'zh-hant' || tag.startsWith('zh-hant-')) return 'zh-tw'
  if (tag.startsWith('zh')) return 'zh-cn'
  return tag.split('-')[0] || 'en'
}

/** robots.txt: everything may be crawled but the newsroom and the API; both sitemaps by absolute URL. */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /newsroom',
    'Disallow: /api/',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    `Sitemap: ${publicUrl}/news-sitemap.xml`,
    '',
  ].join('\n')
}
