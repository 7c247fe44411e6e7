// A feed written as RSS 2.0, with Dublin Core creators and an atom:link to itself.
import { feedUpdatedAt, type Feed, type FeedEntry } from './feed.js'
import { el, rfc822, xmlDocument, type Xml } from './xml.js'

/** The content type RSS is served with. */
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

const ATOM_NS = 'http://www.w3.org/2005/Atom'
const DC_NS = 'http://purl.org/dc/elements/1.1/'

/** The feed as an RSS 2.0 document, served at its feed URL plus ".xml". */
export function renderRss(feed: Feed): string {
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': ATOM_NS, 'xmlns:dc': DC_NS },
      el(
        'channel',
        null,
        el('title', null, feed.title),
        el('link', null, feed.homeUrl),
        el('description', null, feed.description),
        el('language', null, feed.language),
        el('lastBuildDate', null, rfc822(feedUpdatedAt(feed))),
        el('generator', null, 'Newsreel'),
        el('atom:link', { href: `${feed.feedUrl}.xml`, rel: 'self', type: 'application/rss+xml' }),
        feed.entries.map(rssItem),
      ),
    ),
  )
}

function rssItem(entry: FeedEntry): Xml {
  return el(
    'item',
    null,
    el('title', null, entry.title),
    el('link', null, entry.url),
    el('guid', { isPermaLink: String(entry.idIsPermalink) }, entry.id),
    el('pubDate', null, rfc822(entry.publishedAt)),
    entry.summary ? el('description', null, entry.summary) : undefined,
    entry.authors.map(name => el('dc:creator', null, name)),
    entry.categories.map(name => el('category', null, name)),
  )
}
