// A show's podcast feed: RSS 2.0 with Apple's itunes: tags and the Podcasting 2.0 podcast:
// tags. Every string goes through the feeds part's `el`, which escapes it; the show notes'
// HTML is carried as escaped text in content:encoded, so nothing in them can break the XML.
import { el, rfc822, xmlDocument, type Xml } from '../feeds/index.js'
import type { EpisodeChapter } from './chapter-store.js'
import type { Show } from './show-store.js'
import type { Episode } from './store.js'
import { chaptersUrl, episodeUrl, showFeedPath, showUrl, transcriptUrl } from './urls.js'

const NS = {
  'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
}

/** One episode as the feed lists it, with what the page builds for it. */
export interface FeedEpisode {
  episode: Episode
  /** The show notes rendered as HTML with absolute addresses. */
  notesHtml: string
  chapters: readonly EpisodeChapter[]
}

/** Everything a feed needs. */
export interface PodcastFeedInput {
  show: Show
  publicUrl: string
  /** Absolute address of the artwork (JPEG or PNG), when the show has one. */
  artworkUrl?: string | undefined
  episodes: readonly FeedEpisode[]
  /** When the feed last changed: the newest of the show's and its episodes' updates. */
  updatedAt: string
}

/** Seconds as Apple's itunes:duration wants them: whole seconds. */
const wholeSeconds = (s: number | null) => String(Math.max(0, Math.round(s ?? 0)))

function channelCategory(show: Show): Xml {
  return el(
    'itunes:category',
    { text: show.category },
    show.subcategory ? el('itunes:category', { text: show.subcategory }) : undefined,
  )
}

function item(input: PodcastFeedInput, fe: FeedEpisode): Xml {
  const { show, publicUrl } = input
  const e = fe.episode
  const page = `${publicUrl}${episodeUrl(show.slug, e.slug)}`
  const summary = e.summary || e.title
  return el(
    'item',
    null,
    el('title', null, e.title),
    el('link', null, page),
    el('guid', { isPermaLink: 'false' }, e.guid),
    el('pubDate', null, rfc822(e.publishedAt ?? e.createdAt)),
    el('description', null, summary),
    el('content:encoded', null, fe.notesHtml || `<p>${summary.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`),
    el('enclosure', {
      url: `${publicUrl}/media/${e.mp3Key ?? ''}`,
      length: String(e.mp3Bytes ?? 0),
      type: 'audio/mpeg',
    }),
    el('itunes:title', null, e.title),
    el('itunes:summary', null, summary),
    el('itunes:duration', null, wholeSeconds(e.durationSeconds)),
    e.number !== null ? el('itunes:episode', null, String(e.number)) : undefined,
    e.season !== null ? el('itunes:season', null, String(e.season)) : undefined,
    el('itunes:episodeType', null, e.episodeType),
    el('itunes:explicit', null, show.explicit ? 'true' : 'false'),
    input.artworkUrl ? el('itunes:image', { href: input.artworkUrl }) : undefined,
    e.transcriptKey
      ? el('podcast:transcript', {
          url: `${publicUrl}${transcriptUrl(show.slug, e.slug)}`,
          type: 'text/vtt',
          language: show.language,
        })
      : undefined,
    fe.chapters.length
      ? el('podcast:chapters', {
          url: `${publicUrl}${chaptersUrl(show.slug, e.slug)}`,
          type: 'application/json+chapters',
        })
      : undefined,
    e.season !== null ? el('podcast:season', null, String(e.season)) : undefined,
    e.number !== null ? el('podcast:episode', null, String(e.number)) : undefined,
  )
}

/** The show's feed as an RSS 2.0 document. */
export function renderPodcastFeed(input: PodcastFeedInput): string {
  const { show, publicUrl } = input
  const home = `${publicUrl}${showUrl(show.slug)}`
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', ...NS },
      el(
        'channel',
        null,
        el('title', null, show.title),
        el('link', null, home),
        el('description', null, show.description),
        el('language', null, show.language),
        show.copyright ? el('copyright', null, show.copyright) : undefined,
        el('lastBuildDate', null, rfc822(input.updatedAt)),
        el('generator', null, 'Newsreel'),
        el('atom:link', { href: `${publicUrl}${showFeedPath(show.slug)}`, rel: 'self', type: 'application/rss+xml' }),
        input.artworkUrl
          ? el('image', null, el('url', null, input.artworkUrl), el('title', null, show.title), el('link', null, home))
          : undefined,
        el('itunes:author', null, show.author),
        el('itunes:owner', null, el('itunes:name', null, show.ownerName), el('itunes:email', null, show.ownerEmail)),
        input.artworkUrl ? el('itunes:image', { href: input.artworkUrl }) : undefined,
        channelCategory(show),
        el('itunes:explicit', null, show.explicit ? 'true' : 'false'),
        el('itunes:type', null, show.showType),
        el('itunes:summary', null, show.description),
        el('podcast:guid', null, show.podcastGuid),
        el('podcast:locked', { owner: show.ownerEmail }, 'no'),
        input.episodes.map(fe => item(input, fe)),
      ),
    ),
  )
}

/** The episode's chapters in the Podcasting 2.0 JSON chapters format (version 1.2.0). */
export function chaptersJson(chapters: readonly EpisodeChapter[], title: string): string {
  return JSON.stringify({
    version: '1.2.0',
    title,
    chapters: chapters.map(c => ({ startTime: Math.round(c.startSeconds * 1000) / 1000, title: c.title })),
  })
}
