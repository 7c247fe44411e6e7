// Every public address of the site, gathered through the parts' doors for the sitemap.
import type { Db } from '../db/index.js'
import type { CacheTag } from '../platform/events.js'
import { listPublishedStorySlugs, storyUrl } from '../stories/index.js'
import { documentaryUrl, listPublishedDocumentarySlugs } from '../documentaries/index.js'
import { listTopics } from '../topics/index.js'
import { listPeople, personUrl } from '../people/index.js'
import { listPageSlugs } from '../pages/index.js'
import { listPodcastSitemapPaths } from '../podcasts/index.js'
import { interviewUrl, listPublishedInterviewSlugs } from '../interviews/index.js'
import type { SitemapUrl } from './sitemaps.js'

/** The site's fixed pages, listed before everything that is made of content. */
const FIXED_PATHS = [
  '/',
  '/articles',
  '/documentaries',
  '/podcasts',
  '/topics',
  '/corrections',
  '/funders',
  '/support',
  '/people',
  '/newsletter',
  '/interviews',
] as const

/**
 * Cache tags of the sitemap. Lists only, never one tag per story: the Surrogate-Key header of a
 * page listing thousands of addresses would outgrow what a CDN accepts.
 */
export const SITEMAP_TAGS: readonly CacheTag[] = [
  'list:stories',
  'list:documentaries',
  'topics',
  'list:people',
  'list:pages',
  'list:podcasts',
  'list:interviews',
  'site',
]

/** Fixed pages, topics, people, published stories, documentaries and interviews, static pages, and podcast shows and episodes. */
export async function siteUrls(db: Db): Promise<SitemapUrl[]> {
  const [topics, people, stories, films, pages, podcasts, interviews] = await Promise.all([
    listTopics(db),
    listPeople(db),
    listPublishedStorySlugs(db),
    listPublishedDocumentarySlugs(db),
    listPageSlugs(db),
    listPodcastSitemapPaths(db),
    listPublishedInterviewSlugs(db),
  ])
  return [
    ...FIXED_PATHS.map(path => ({ path })),
    ...topics.map(t => ({ path: `/topics/${t.slug}` })),
    ...people.map(p => ({ path: personUrl(p.slug) })),
    ...stories.map(s => ({ path: storyUrl(s.slug), lastmod: s.updatedAt })),
    ...films.map(f => ({ path: documentaryUrl(f.slug), lastmod: f.updatedAt })),
    ...interviews.map(i => ({ path: interviewUrl(i.slug), lastmod: i.updatedAt })),
    ...pages.map(p => ({ path: `/${p.slug}`, lastmod: p.updatedAt })),
    ...podcasts,
  ]
}
