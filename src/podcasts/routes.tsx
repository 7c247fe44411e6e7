// Public podcast pages and files (the /podcasts index is list-route.tsx): a show, an episode, the show's podcast feed, and
// each episode's chapters (JSON) and transcript (WebVTT) at stable addresses. All cached and
// tagged like the other pages, so a newsroom change or a finished audio job drops them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { renderBody, type BodyDocument } from '../body/index.js'
import type { Db } from '../db/index.js'
import { RSS_CONTENT_TYPE } from '../feeds/index.js'
import { findImagesByIds, imageUrl, type Image } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { truncate } from '../platform/format.js'
import { readStoredText, type Storage } from '../platform/storage/index.js'
import { loadBodyContext, PageQuery, pageHref, type PublicDeps } from '../site/index.js'
import { sendPage } from '../site/views.js'
import { listChaptersOfEpisodes, listEpisodeChapters } from './chapter-store.js'
import { chaptersJson, renderPodcastFeed } from './feed.js'
import { episodeJsonLd, showJsonLd } from './json-ld.js'
import { findShowBySlug, type Show } from './show-store.js'
import { findPublishedEpisode, listFeedEpisodes, listPublishedEpisodes, type Episode } from './store.js'
import { episodeTag, showTag } from './tags.js'
import { transcriptParagraphs } from './transcript.js'
import { episodeUrl, showFeedPath, showUrl } from './urls.js'
import { registerPodcastListRoute } from './list-route.js'
import { EpisodePage } from './views/episode-page.js'
import { ShowPage } from './views/show-page.js'

const PER_PAGE = 20
/** The most episodes a feed lists; apps page older ones from the show's site. */
const FEED_LIMIT = 500
const PUBLIC = { cache: 'public' } as const

// Any text is allowed: an unknown slug is a 404, not a 400.
const slug = Type.String({ minLength: 1, maxLength: 200 })
const ShowParams = Type.Object({ show: slug })
const EpisodeParams = Type.Object({ show: slug, episode: slug })

/** What the podcast pages need beyond the site's own: the stored files and the player island. */
export interface PodcastPublicDeps extends PublicDeps {
  storage: Storage
  playerScript?: string
}

/** Registers /podcasts, /podcasts/:show, its feed, /podcasts/:show/:episode and the episode's files. */
export function registerPodcastRoutes(app: FastifyInstance, deps: PodcastPublicDeps): void {
  registerPodcastListRoute(app, deps)
  registerShowRoutes(app, deps)
  registerShowFeedRoute(app, deps)
  registerEpisodeRoutes(app, deps)
}

/** Rewrites our own root-relative addresses as absolute ones (a feed is read away from the site) and drops srcsets. */
function absoluteHtml(html: string, publicUrl: string): string {
  return html.replace(/\s(?:srcset|sizes)="[^"]*"/g, '').replace(/(\s(?:src|href)=")\//g, `$1${publicUrl}/`)
}

async function showOf(db: Db, slugText: string): Promise<Show> {
  const show = await findShowBySlug(db, slugText)
  if (!show) throw new NotFound('show', slugText)
  return show
}

async function episodeOf(db: Db, params: { show: string; episode: string }): Promise<{ show: Show; episode: Episode }> {
  const show = await showOf(db, params.show)
  const episode = await findPublishedEpisode(db, show.id, params.episode)
  if (!episode) throw new NotFound('episode', params.episode)
  return { show, episode }
}

const artworkOf = async (db: Db, show: Show): Promise<Image | undefined> =>
  show.artworkId ? (await findImagesByIds(db, [show.artworkId])).get(show.artworkId) : undefined

/** A page's share image: the show's artwork, at an absolute address. */
const imageMeta = (publicUrl: string, artwork: Image | undefined) =>
  artwork
    ? { url: `${publicUrl}${imageUrl(artwork)}`, width: artwork.width, height: artwork.height, alt: artwork.alt }
    : undefined

function registerShowRoutes(app: FastifyInstance, deps: PodcastPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.get(
    '/podcasts/:show',
    { schema: { params: ShowParams, querystring: PageQuery }, config: PUBLIC },
    async (request, reply) => {
      const show = await showOf(deps.db, request.params.show)
      const page = request.query.page ?? 1
      const [list, artwork, { settings }] = await Promise.all([
        listPublishedEpisodes(deps.db, show.id, page, PER_PAGE),
        artworkOf(deps.db, show),
        deps.chrome(),
      ])
      if (page > list.pageCount) throw new NotFound('page of episodes', page)
      const image = imageMeta(deps.publicUrl, artwork)
      return sendPage(deps, request, reply, {
        tags: [showTag(show.id), ...list.items.map(e => episodeTag(e.id))],
        content: (
          <ShowPage
            show={show}
            artwork={artwork}
            episodes={list.items}
            page={page}
            pageCount={list.pageCount}
            feedUrl={`${deps.publicUrl}${showFeedPath(show.slug)}`}
            timeZone={settings.timeZone}
          />
        ),
        meta: {
          title: page > 1 ? `${show.title}, page ${page}` : show.title,
          description: truncate(show.description, 200),
          path: pageHref(showUrl(show.slug), page),
          image,
          prev: page > 1 ? pageHref(showUrl(show.slug), page - 1) : undefined,
          next: page < list.pageCount ? pageHref(showUrl(show.slug), page + 1) : undefined,
          feeds: [{ title: show.title, href: showFeedPath(show.slug), type: 'rss' }],
          jsonLd: showJsonLd({ publicUrl: deps.publicUrl, siteName: settings.name }, show, image?.url),
        },
      })
    },
  )
}

/** The show's podcast feed: what podcast apps read, every episode's notes with absolute addresses. */
function registerShowFeedRoute(app: FastifyInstance, deps: PodcastPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/podcasts/:show/feed.xml', { schema: { params: ShowParams }, config: PUBLIC }, async (request, reply) => {
    const show = await showOf(deps.db, request.params.show)
    const [episodes, artwork] = await Promise.all([
      listFeedEpisodes(deps.db, show.id, FEED_LIMIT),
      artworkOf(deps.db, show),
    ])
    const chapters = await listChaptersOfEpisodes(
      deps.db,
      episodes.map(e => e.id),
    )
    // One load for every episode's notes: their references together, in three queries.
    const all: BodyDocument = { type: 'doc', content: episodes.flatMap(e => e.showNotes.content) }
    const { context, tags } = await loadBodyContext(deps.db, all)
    const updatedAt = [show.updatedAt, ...episodes.map(e => e.updatedAt)].sort().pop() ?? show.updatedAt
    const xml = renderPodcastFeed({
      show,
      publicUrl: deps.publicUrl,
      artworkUrl: imageMeta(deps.publicUrl, artwork)?.url,
      updatedAt,
      episodes: episodes.map(episode => ({
        episode,
        notesHtml: absoluteHtml(renderBody(episode.showNotes, context), deps.publicUrl),
        chapters: chapters.get(episode.id) ?? [],
      })),
    })
    return deps.pages.send(request, reply, xml, {
      tags: [showTag(show.id), ...episodes.map(e => episodeTag(e.id)), ...tags, 'site'],
      contentType: RSS_CONTENT_TYPE,
    })
  })
}

function registerEpisodeRoutes(app: FastifyInstance, deps: PodcastPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/podcasts/:show/:episode', { schema: { params: EpisodeParams }, config: PUBLIC }, async (request, reply) =>
    sendEpisode(deps, request, reply, await episodeOf(deps.db, request.params)),
  )

  r.get(
    '/podcasts/:show/:episode/chapters.json',
    { schema: { params: EpisodeParams }, config: PUBLIC },
    async (request, reply) => {
      const { episode } = await episodeOf(deps.db, request.params)
      const chapters = await listEpisodeChapters(deps.db, episode.id)
      return deps.pages.send(request, reply, chaptersJson(chapters, episode.title), {
        tags: [episodeTag(episode.id)],
        contentType: 'application/json+chapters; charset=utf-8',
      })
    },
  )

  r.get(
    '/podcasts/:show/:episode/transcript.vtt',
    { schema: { params: EpisodeParams }, config: PUBLIC },
    async (request, reply) => {
      const { episode } = await episodeOf(deps.db, request.params)
      if (!episode.transcriptKey) throw new NotFound('transcript of episode', request.params.episode)
      // A stored file gone missing is absent, not a server error.
      const vtt = await readStoredText(deps.storage, episode.transcriptKey).catch(() => undefined)
      if (vtt === undefined) throw new NotFound('transcript of episode', request.params.episode)
      reply.header('x-content-type-options', 'nosniff')
      return deps.pages.send(request, reply, vtt, {
        tags: [episodeTag(episode.id)],
        contentType: 'text/vtt; charset=utf-8',
      })
    },
  )
}

async function sendEpisode(
  deps: PodcastPublicDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  { show, episode }: { show: Show; episode: Episode },
) {
  const [artwork, chapters, notes, transcript, { settings }] = await Promise.all([
    artworkOf(deps.db, show),
    listEpisodeChapters(deps.db, episode.id),
    loadBodyContext(deps.db, episode.showNotes),
    episode.transcriptKey
      ? readStoredText(deps.storage, episode.transcriptKey).then(transcriptParagraphs, () => [])
      : Promise.resolve([]),
    deps.chrome(),
  ])
  const sources = episode.mp3Key
    ? { mp3: `/media/${episode.mp3Key}`, m4a: episode.m4aKey ? `/media/${episode.m4aKey}` : undefined }
    : undefined
  const description = episode.summary || truncate(show.description, 200)
  return sendPage(deps, request, reply, {
    tags: [episodeTag(episode.id), showTag(show.id), ...notes.tags],
    player: notes.player,
    content: (
      <EpisodePage
        show={show}
        episode={episode}
        artwork={artwork}
        notesHtml={renderBody(episode.showNotes, notes.context)}
        chapters={chapters}
        transcript={transcript}
        sources={sources}
        playerScript={deps.playerScript}
        timeZone={settings.timeZone}
      />
    ),
    meta: {
      title: `${episode.title} · ${show.title}`,
      description,
      path: episodeUrl(show.slug, episode.slug),
      type: 'article',
      image: imageMeta(deps.publicUrl, artwork),
      publishedTime: episode.publishedAt,
      modifiedTime: episode.updatedAt,
      feeds: [{ title: show.title, href: showFeedPath(show.slug), type: 'rss' }],
      jsonLd: episodeJsonLd({ publicUrl: deps.publicUrl, siteName: settings.name }, show, episode, {
        description,
        mp3Path: sources?.mp3,
      }),
    },
  })
}
