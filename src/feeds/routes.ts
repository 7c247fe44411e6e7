// Public feed routes: RSS and Atom feeds, the sitemaps and robots.txt. Each is cached and
// tagged like an HTML page, so a change to what it lists drops it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { hoursAgo } from '../platform/time.js'
import { listPublishedStoriesSince } from '../stories/index.js'
import type { PublicDeps } from '../site/index.js'
import { feedTags, type Feed } from './feed.js'
import { correctionsFeed, interviewsFeed, personFeed, siteFeed, topicFeed } from './sources.js'
import { renderRss, RSS_CONTENT_TYPE } from './rss.js'
import { renderAtom, ATOM_CONTENT_TYPE } from './atom.js'
import {
  NEWS_SITEMAP_LIMIT,
  NEWS_WINDOW_HOURS,
  renderNewsSitemap,
  renderSitemap,
  robotsTxt,
  ROBOTS_CONTENT_TYPE,
  SITEMAP_CONTENT_TYPE,
  SITEMAP_URL_LIMIT,
} from './sitemaps.js'
import { siteUrls, SITEMAP_TAGS } from './sitemap-urls.js'

const PUBLIC = { cache: 'public' } as const

// The topic or person a feed follows. Any text is allowed: an unknown slug is a 404, not a 400.
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) })

/** Registers /feed.xml, /feed.atom, topic, person, corrections and interviews feeds, the sitemaps and /robots.txt. */
export function registerFeedRoutes(app: FastifyInstance, deps: PublicDeps): void {
  registerFeeds(app, deps)
  registerSitemaps(app, deps)
}

function registerFeeds(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const send = (request: FastifyRequest, reply: FastifyReply, feed: Feed, format: 'rss' | 'atom') => {
    const xml = format === 'rss' ? renderRss(feed) : renderAtom(feed)
    return deps.pages.send(request, reply, xml, {
      tags: feedTags(feed),
      contentType: format === 'rss' ? RSS_CONTENT_TYPE : ATOM_CONTENT_TYPE,
    })
  }

  r.get('/feed.xml', { config: PUBLIC }, async (request, reply) => send(request, reply, await siteFeed(deps), 'rss'))
  r.get('/feed.atom', { config: PUBLIC }, async (request, reply) => send(request, reply, await siteFeed(deps), 'atom'))

  r.get('/topics/:slug/feed.xml', { schema: { params: SlugParams }, config: PUBLIC }, async (request, reply) =>
    send(request, reply, await topicFeed(deps, request.params.slug), 'rss'),
  )
  r.get('/topics/:slug/feed.atom', { schema: { params: SlugParams }, config: PUBLIC }, async (request, reply) =>
    send(request, reply, await topicFeed(deps, request.params.slug), 'atom'),
  )

  r.get('/people/:slug/feed.xml', { schema: { params: SlugParams }, config: PUBLIC }, async (request, reply) =>
    send(request, reply, await personFeed(deps, request.params.slug), 'rss'),
  )
  r.get('/people/:slug/feed.atom', { schema: { params: SlugParams }, config: PUBLIC }, async (request, reply) =>
    send(request, reply, await personFeed(deps, request.params.slug), 'atom'),
  )

  r.get('/corrections/feed.xml', { config: PUBLIC }, async (request, reply) =>
    send(request, reply, await correctionsFeed(deps), 'rss'),
  )
  r.get('/interviews/feed.xml', { config: PUBLIC }, async (request, reply) =>
    send(request, reply, await interviewsFeed(deps), 'rss'),
  )
  r.get('/interviews/feed.atom', { config: PUBLIC }, async (request, reply) =>
    send(request, reply, await interviewsFeed(deps), 'atom'),
  )
}

function registerSitemaps(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/sitemap.xml', { config: PUBLIC }, async (request, reply) => {
    const urls = await siteUrls(deps.db)
    if (urls.length > SITEMAP_URL_LIMIT) {
      request.log.warn(
        { urls: urls.length, limit: SITEMAP_URL_LIMIT },
        'sitemap cut at the limit; the site needs a sitemap index',
      )
    }
    return deps.pages.send(request, reply, renderSitemap(deps.publicUrl, urls), {
      tags: SITEMAP_TAGS,
      contentType: SITEMAP_CONTENT_TYPE,
    })
  })

  app.get('/news-sitemap.xml', { config: PUBLIC }, async (request, reply) => {
    const [stories, { settings }] = await Promise.all([
      listPublishedStoriesSince(deps.db, hoursAgo(NEWS_WINDOW_HOURS), NEWS_SITEMAP_LIMIT),
      deps.chrome(),
    ])
    const xml = renderNewsSitemap(deps.publicUrl, { name: settings.name, language: settings.language }, stories)
    return deps.pages.send(request, reply, xml, {
      tags: ['list:stories', ...stories.map(s => `story:${s.id}`), 'site'],
      contentType: SITEMAP_CONTENT_TYPE,
    })
  })

  app.get('/robots.txt', { config: PUBLIC }, async (request, reply) => {
    return deps.pages.send(request, reply, robotsTxt(deps.publicUrl), {
      tags: ['site'],
      contentType: ROBOTS_CONTENT_TYPE,
    })
  })
}
