// A feed written as Atom 1.0 (RFC 4287).
import { feedUpdatedAt, type Feed, type FeedEntry } from './feed.js'
import { el, rfc3339, xmlDocument, type Xml } from './xml.js'

/** The content type Atom is served with. */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

const ATOM_NS = 'http://www.w3.org/2005/Atom'

/**
 * The feed as an Atom document, served at its feed URL plus ".atom", which is also its id.
 * The site is the feed's author, so an entry without a byline still has one.
 */
export function renderAtom(feed: Feed): string {
  const selfUrl = `${feed.feedUrl}.atom`
  return xmlDocument(
    el(
      'feed',
      { xmlns: ATOM_NS, 'xml:lang': feed.language },
      el('id', null, selfUrl),
      el('title', null, feed.title),
      el('subtitle', null, feed.description),
      el('updated', null, rfc3339(feedUpdatedAt(feed))),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
      el('link', { rel: 'self', type: 'application/atom+xml', href: selfUrl }),
      el('author', null, el('name', null, feed.siteName)),
      el('generator', null, 'Newsreel'),
      feed.entries.map(atomEntry),
    ),
  )
}

function atomEntry(entry: FeedEntry): Xml {
  return el(
    'entry',
    null,
    el('id', null, entry.id),
    el('title', { type: 'text' }, entry.title),
    el('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
    el('published', null, rfc3339(entry.publishedAt)),
    // A story's row may say it was updated before its (later) publication; Atom readers expect the reverse.
    el(
      'updated',
      null,
      rfc3339(Date.parse(entry.updatedAt) > Date.parse(entry.publishedAt) ? entry.updatedAt : entry.publishedAt),
    ),
    entry.authors.map(name => el('author', null, el('name', null, name))),
    entry.categories.map(name => el('category', { term: name })),
    entry.summary ? el('summary', { type: 'text' }, entry.summary) : undefined,
  )
}
