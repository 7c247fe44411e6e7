// Public documentary pages: the list (list-route.tsx) and one film.
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Db } from '../db/index.js'
import { NotFound } from '../platform/errors.js'
import { truncate } from '../platform/format.js'
import { findImagesByIds, imageUrl } from '../media/index.js'
import { findTopicsByIds } from '../topics/index.js'
import { findFundersByIds } from '../funders/index.js'
import { listExcerptsOfDocumentary } from '../excerpts/index.js'
import { listDocumentaryInterviews } from '../interviews/index.js'
import { listPublishedStoriesAboutDocumentary, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import {
  documentaryFunderIds,
  documentaryTopicIds,
  findPublishedDocumentaryBySlug,
  latestDocumentaries,
  type Documentary,
} from './store.js'
import { documentaryTeaserTags, loadDocumentaryTeasers } from './teasers.js'
import { documentaryUrl } from './urls.js'
import { documentaryLd } from './documentary-ld.js'
import { DocumentaryPage } from './views/documentary-page.js'
import { registerDocumentaryListRoute } from './list-route.js'
import { findPlayable } from '../embeds/index.js'
import { sendPage } from '../site/views.js'
import { type PublicDeps, SlugParams } from '../site/index.js'

/** Registers /documentaries and /documentaries/:slug. */
export function registerDocumentaryRoutes(app: FastifyInstance, deps: PublicDeps): void {
  registerDocumentaryListRoute(app, deps)
  registerDocumentaryPageRoute(app, deps)
}

/** Everything the film page shows around the film, loaded together; topics and funders in the film's order. */
async function loadFilmPageParts(db: Db, film: Documentary) {
  const [topicIds, funderIds, excerpts, stories, latest, video, interviews] = await Promise.all([
    documentaryTopicIds(db, film.id),
    documentaryFunderIds(db, film.id),
    listExcerptsOfDocumentary(db, film.id),
    listPublishedStoriesAboutDocumentary(db, film.id, 4).then(s => loadStoryTeasers(db, s)),
    latestDocumentaries(db, 3, [film.id]).then(d => loadDocumentaryTeasers(db, d)),
    findPlayable(db, film.id),
    listDocumentaryInterviews(db, film.id, s => `${documentaryUrl(film.slug)}?t=${Math.floor(s)}#watch`),
  ])
  const [topics, funders, images] = await Promise.all([
    findTopicsByIds(db, topicIds),
    findFundersByIds(db, funderIds),
    findImagesByIds(db, film.posterId ? [film.posterId] : []),
  ])
  return {
    topicIds,
    funderIds,
    excerpts,
    stories,
    latest,
    video,
    interviews,
    topics: topicIds.flatMap(id => topics.get(id) ?? []),
    funders: funderIds.flatMap(id => funders.get(id) ?? []),
    poster: film.posterId ? images.get(film.posterId) : undefined,
  }
}

/**
 * `?t=90` starts the film 90 s in (the links of excerpts, chapters and interviews). The player reads
 * it in the browser; declaring it here also cues the MP4 the page gives readers without
 * JavaScript, by its media fragment, and keeps each cue its own cached page.
 */
const FilmQuery = Type.Object({
  t: Type.Optional(Type.String({ pattern: '^\\d{1,6}(\\.\\d{1,3})?s?$', maxLength: 12 })),
})

/** /documentaries/:slug: one published film, with its Movie, VideoObject and breadcrumb JSON-LD. */
function registerDocumentaryPageRoute(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.get(
    '/documentaries/:slug',
    { schema: { params: SlugParams, querystring: FilmQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const film = await findPublishedDocumentaryBySlug(deps.db, request.params.slug)
      if (!film) throw new NotFound('documentary', request.params.slug)
      const { topicIds, funderIds, excerpts, stories, latest, video, interviews, topics, funders, poster } =
        await loadFilmPageParts(deps.db, film)
      const { settings } = await deps.chrome()
      const url = `${deps.publicUrl}${documentaryUrl(film.slug)}`
      const image = poster
        ? { url: `${deps.publicUrl}${imageUrl(poster)}`, width: poster.width, height: poster.height, alt: poster.alt }
        : undefined
      const description = film.dek || truncate(film.synopsis, 200)
      const ready = video?.status === 'ready' ? video : undefined
      const start = request.query.t === undefined ? undefined : Number.parseFloat(request.query.t)
      const shown = ready && start ? { ...ready, mp4Url: `${ready.mp4Url}#t=${start}` } : video
      return sendPage(deps, request, reply, {
        player: ready !== undefined,
        tags: [
          `documentary:${film.id}`,
          'list:documentaries',
          ...topicIds.map(id => `topic:${id}`),
          ...funderIds.map(id => `funder:${id}`),
          ...excerpts.map(e => `excerpt:${e.id}`),
          ...storyTeaserTags(stories),
          ...documentaryTeaserTags(latest),
          'list:interviews',
          ...interviews.map(i => `interview:${i.interview.id}`),
        ],
        content: (
          <DocumentaryPage
            documentary={film}
            poster={poster}
            topics={topics}
            funders={funders}
            excerpts={excerpts}
            stories={stories}
            more={latest}
            timeZone={settings.timeZone}
            video={shown}
            interviews={interviews}
          />
        ),
        meta: {
          title: film.title,
          description,
          path: documentaryUrl(film.slug),
          type: 'video.movie',
          image,
          publishedTime: film.publishedAt,
          modifiedTime: film.updatedAt,
          jsonLd: documentaryLd({
            film,
            url,
            description,
            image,
            topics,
            funders,
            ready,
            siteName: settings.name,
            publicUrl: deps.publicUrl,
          }),
        },
      })
    },
  )
}
