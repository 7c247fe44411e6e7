// The feeds part's door: RSS and Atom feeds, sitemaps and robots.txt.
// The XML kit, for the podcasts part's feed (one escaping helper for every feed on the site).
export { el, escapeXml, rfc822, xmlDocument, type Xml, type XmlChild } from './xml.js'
export { RSS_CONTENT_TYPE } from './rss.js'
