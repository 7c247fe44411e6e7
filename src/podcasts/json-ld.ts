// schema.org data for the podcast pages: a show as PodcastSeries, an episode as PodcastEpisode,
// each with the breadcrumbs above it. Every address in them is absolute.
import { breadcrumbLd, isoDuration } from '../platform/seo/json-ld.js'
import type { Show } from './show-store.js'
import type { Episode } from './store.js'
import { episodeUrl, showFeedPath, showUrl } from './urls.js'

/** Where the site is and what it is called, for absolute addresses and the first breadcrumb. */
export interface SiteAddress {
  publicUrl: string
  siteName: string
}

const crumbs = (site: SiteAddress) => [
  { name: site.siteName, url: `${site.publicUrl}/` },
  { name: 'Podcasts', url: `${site.publicUrl}/podcasts` },
]

/** The list of shows' breadcrumbs. */
export function podcastsJsonLd(site: SiteAddress): object[] {
  return [breadcrumbLd(crumbs(site))]
}

/** A show's page: the series (with its feed and artwork) and its breadcrumbs. */
export function showJsonLd(site: SiteAddress, show: Show, artworkUrl: string | undefined): object[] {
  const url = `${site.publicUrl}${showUrl(show.slug)}`
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'PodcastSeries',
      name: show.title,
      description: show.description,
      url,
      webFeed: `${site.publicUrl}${showFeedPath(show.slug)}`,
      inLanguage: show.language,
      author: { '@type': 'Organization', name: show.author },
      ...(artworkUrl ? { image: artworkUrl } : {}),
    },
    breadcrumbLd([...crumbs(site), { name: show.title, url }]),
  ]
}

/** An episode's page: the episode (with its audio once made), the series it belongs to, and its breadcrumbs. */
export function episodeJsonLd(
  site: SiteAddress,
  show: Show,
  episode: Episode,
  o: { description: string; mp3Path: string | undefined },
): object[] {
  const url = `${site.publicUrl}${episodeUrl(show.slug, episode.slug)}`
  const showAddress = `${site.publicUrl}${showUrl(show.slug)}`
  const duration = episode.durationSeconds ? isoDuration(episode.durationSeconds) : undefined
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'PodcastEpisode',
      name: episode.title,
      description: o.description,
      url,
      datePublished: episode.publishedAt,
      ...(episode.number !== null ? { episodeNumber: episode.number } : {}),
      ...(duration ? { timeRequired: duration } : {}),
      ...(o.mp3Path
        ? {
            associatedMedia: {
              '@type': 'MediaObject',
              contentUrl: `${site.publicUrl}${o.mp3Path}`,
              encodingFormat: 'audio/mpeg',
              ...(duration ? { duration } : {}),
            },
          }
        : {}),
      partOfSeries: {
        '@type': 'PodcastSeries',
        name: show.title,
        url: showAddress,
        webFeed: `${site.publicUrl}${showFeedPath(show.slug)}`,
      },
    },
    breadcrumbLd([...crumbs(site), { name: show.title, url: showAddress }, { name: episode.title, url }]),
  ]
}
