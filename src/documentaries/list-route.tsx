// /documentaries: the featured film (an editor's newest mark, else the newest film) with its trailer
// on request, then the films filtered by topic and release year, a page at a time.
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Db } from '../db/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findImagesByIds } from '../media/index.js'
import { findTopicBySlug, findTopicsByIds } from '../topics/index.js'
import { listExcerptsOfDocumentary } from '../excerpts/index.js'
import { findPlayable } from '../embeds/index.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'
import type { Documentary } from './store.js'
import { findFeaturedDocumentary, listDocumentaryFilterChoices, listFilteredDocumentaries } from './showcase-store.js'
import { documentaryTeaserTags, loadDocumentaryTeasers } from './teasers.js'
import { DocumentariesPage } from './views/documentaries-page.js'
import type { FeaturedFilmProps } from './views/featured-film.js'
import { documentariesHref } from './views/film-filters.js'

const PER_PAGE = 12
/** Without an excerpt, the trailer is the film's opening, this long at most. */
const OPENING_SECONDS = 90

/** The page and the filters; an empty value (the form's "All topics", "All years") means no filter. */
const ListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  topic: Type.Optional(Type.String({ pattern: '^([a-z0-9]+(-[a-z0-9]+)*)?$', maxLength: 200 })),
  year: Type.Optional(Type.String({ pattern: '^([0-9]{4})?$' })),
})

/** The featured film with what its band shows: poster, and the trailer's passage when the video is ready. */
async function loadFeatured(db: Db, film: Documentary): Promise<FeaturedFilmProps> {
  const [video, excerpts, images] = await Promise.all([
    findPlayable(db, film.id),
    listExcerptsOfDocumentary(db, film.id),
    findImagesByIds(db, film.posterId ? [film.posterId] : []),
  ])
  const ready = video?.status === 'ready' ? video : undefined
  const first = excerpts[0]
  const trailer = first
    ? { title: first.title, startSeconds: first.startSeconds, endSeconds: first.endSeconds }
    : ready
      ? { title: 'The opening', startSeconds: 0, endSeconds: Math.min(OPENING_SECONDS, ready.durationSeconds) }
      : undefined
  return { film, poster: film.posterId ? images.get(film.posterId) : undefined, video: ready, trailer }
}

/** Registers /documentaries. */
export function registerDocumentaryListRoute(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.get(
    '/documentaries',
    { schema: { querystring: ListQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const page = request.query.page ?? 1
      const topicSlug = request.query.topic || undefined
      const year = request.query.year ? Number(request.query.year) : undefined
      const topic = topicSlug ? await findTopicBySlug(deps.db, topicSlug) : undefined
      if (topicSlug && !topic)
        throw new InvalidInput(`There is no topic “${topicSlug}”. Choose one from the list on /documentaries.`)
      const filtered = Boolean(topic || year)
      const featuredFilm = filtered ? undefined : await findFeaturedDocumentary(deps.db)
      const [list, choices, featured] = await Promise.all([
        listFilteredDocumentaries(deps.db, { topicId: topic?.id, year, excludeId: featuredFilm?.id }, page, PER_PAGE),
        listDocumentaryFilterChoices(deps.db),
        featuredFilm && page === 1 ? loadFeatured(deps.db, featuredFilm) : undefined,
      ])
      if (page > list.pageCount) throw new NotFound('page of documentaries', page)
      const [teasers, topics, { settings }] = await Promise.all([
        loadDocumentaryTeasers(deps.db, list.items),
        findTopicsByIds(deps.db, choices.topicIds),
        deps.chrome(),
      ])
      const filter = { topic, year }
      const title = ['Documentaries', topic ? `on ${topic.name}` : '', year ? `from ${year}` : '']
        .filter(Boolean)
        .join(' ')
      return sendPage(deps, request, reply, {
        player: featured?.video !== undefined,
        tags: [
          'list:documentaries',
          ...documentaryTeaserTags(teasers),
          ...(featured ? [`documentary:${featured.film.id}`] : []),
          ...choices.topicIds.map(id => `topic:${id}`),
        ],
        content: (
          <DocumentariesPage
            featured={featured}
            teasers={teasers}
            page={page}
            pageCount={list.pageCount}
            filter={filter}
            topics={[...topics.values()].sort((a, b) => a.name.localeCompare(b.name))}
            years={choices.years}
          />
        ),
        meta: {
          title: page > 1 ? `${title}, page ${page}` : title,
          description: `Feature documentaries from ${settings.name}, free to stream in full.`,
          path: documentariesHref(filter, page),
          prev: page > 1 ? documentariesHref(filter, page - 1) : undefined,
          next: page < list.pageCount ? documentariesHref(filter, page + 1) : undefined,
          jsonLd: [
            breadcrumbLd([
              { name: settings.name, url: `${deps.publicUrl}/` },
              { name: 'Documentaries', url: `${deps.publicUrl}/documentaries` },
            ]),
          ],
        },
      })
    },
  )
}
