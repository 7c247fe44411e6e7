// Public documentary pages: the list and one film.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd, movieLd, videoObjectLd } from '../platform/seo/json-ld.js'
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
  listPublishedDocumentaries,
} from './store.js'
import { documentaryTeaserTags, loadDocumentaryTeasers } from './teasers.js'
import { documentaryUrl } from './urls.js'
import { DocumentaryPage } from './views/documentary-page.js'
import { DocumentariesPage } from './views/documentaries-page.js'
import { findPlayable, type PlayableVideo } from '../embeds/index.js'
import { sendPage } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const PER_PAGE = 12

/** Registers /documentaries and /documentaries/:slug. */
export function registerDocumentaryRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/documentaries',
    { schema: { querystring: PageQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const page = request.query.page ?? 1
      const list = await listPublishedDocumentaries(deps.db, page, PER_PAGE)
      if (page > list.pageCount) throw new NotFound('page of documentaries', page)
      const teasers = await loadDocumentaryTeasers(deps.db, list.items)
      const { settings } = await deps.chrome()
      return sendPage(deps, request, reply, {
        tags: ['list:documentaries', ...documentaryTeaserTags(teasers)],
        content: <DocumentariesPage teasers={teasers} page={page} pageCount={list.pageCount} />,
        meta: {
          title: page > 1 ? `Documentaries, page ${page}` : 'Documentaries',
          description: `Feature documentaries from ${settings.name}, free to stream in full.`,
          path: pageHref('/documentaries', page),
          prev: page > 1 ? pageHref('/documentaries', page - 1) : undefined,
          next: page < list.pageCount ? pageHref('/documentaries', page + 1) : undefined,
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

  r.get(
    '/documentaries/:slug',
    { schema: { params: SlugParams }, config: { cache: 'public' } },
    async (request, reply) => {
      const film = await findPublishedDocumentaryBySlug(deps.db, request.params.slug)
      if (!film) throw new NotFound('documentary', request.params.slug)
      const [topicIds, funderIds, excerpts, stories, latest, video, interviews] = await Promise.all([
        documentaryTopicIds(deps.db, film.id),
        documentaryFunderIds(deps.db, film.id),
        listExcerptsOfDocumentary(deps.db, film.id),
        listPublishedStoriesAboutDocumentary(deps.db, film.id, 4).then(s => loadStoryTeasers(deps.db, s)),
        latestDocumentaries(deps.db, 3, [film.id]).then(d => loadDocumentaryTeasers(deps.db, d)),
        findPlayable(deps.db, film.id),
        listDocumentaryInterviews(deps.db, film.id, s => `${documentaryUrl(film.slug)}?t=${Math.floor(s)}#watch`),
      ])
      const [topics, funders, images] = await Promise.all([
        findTopicsByIds(deps.db, topicIds),
        findFundersByIds(deps.db, funderIds),
        findImagesByIds(deps.db, film.posterId ? [film.posterId] : []),
      ])
      const poster = film.posterId ? images.get(film.posterId) : undefined
      const { settings } = await deps.chrome()
      const url = `${deps.publicUrl}${documentaryUrl(film.slug)}`
      const image = poster
        ? { url: `${deps.publicUrl}${imageUrl(poster)}`, width: poster.width, height: poster.height, alt: poster.alt }
        : undefined
      const description = film.dek || truncate(film.synopsis, 200)
      const credited = (role: RegExp) => film.credits.filter(c => role.test(c.role)).map(c => c.name)
      const orderedTopics = topicIds.flatMap(id => topics.get(id) ?? [])
      const ready = video?.status === 'ready' ? video : undefined
      const absolute = (u: string) => (/^https?:/i.test(u) ? u : `${deps.publicUrl}${u}`)
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
            topics={orderedTopics}
            funders={funderIds.flatMap(id => funders.get(id) ?? [])}
            excerpts={excerpts}
            stories={stories}
            more={latest}
            timeZone={settings.timeZone}
            video={video}
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
          jsonLd: [
            movieLd({
              url,
              name: film.title,
              description,
              image: image?.url,
              dateCreated: film.releaseDate,
              datePublished: film.publishedAt,
              durationSeconds: film.runtimeSeconds,
              directors: credited(/director(?! of photography)/i),
              producers: credited(/producer/i),
              genre: ['Documentary', ...orderedTopics.map(t => t.name)],
              funders: funderIds.flatMap(id => {
                const f = funders.get(id)
                return f ? [{ name: f.name, url: f.url || undefined }] : []
              }),
            }),
            filmLd(
              videoObjectLd({
                url,
                name: film.title,
                description,
                thumbnailUrl: ready ? absolute(ready.posterUrl) : image?.url,
                uploadDate: film.publishedAt ?? film.releaseDate,
                durationSeconds: ready?.durationSeconds ? Math.round(ready.durationSeconds) : film.runtimeSeconds,
                contentUrl: ready ? absolute(ready.mp4Url) : undefined,
                embedUrl: ready ? `${deps.publicUrl}/embed/documentaries/${film.slug}` : undefined,
              }),
              url,
              ready,
            ),
            breadcrumbLd([
              { name: settings.name, url: `${deps.publicUrl}/` },
              { name: 'Documentaries', url: `${deps.publicUrl}/documentaries` },
              { name: film.title, url },
            ]),
          ],
        },
      })
    },
  )
}

/** Adds a ready film's chapters (schema.org Clip key moments) and seeking by `?t=` to its VideoObject. */
function filmLd(
  video: object,
  pageUrl: string,
  ready: Extract<PlayableVideo, { status: 'ready' }> | undefined,
): object {
  if (!ready) return video
  const chapters = [...ready.chapters].sort((a, b) => a.startSeconds - b.startSeconds)
  return {
    ...video,
    ...(chapters.length
      ? {
          hasPart: chapters.map((c, i) => ({
            '@type': 'Clip',
            name: c.title,
            startOffset: Math.floor(c.startSeconds),
            endOffset: Math.floor(chapters[i + 1]?.startSeconds ?? ready.durationSeconds),
            url: `${pageUrl}?t=${Math.floor(c.startSeconds)}`,
          })),
        }
      : {}),
    potentialAction: {
      '@type': 'SeekToAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${pageUrl}?t={seek_to_second_number}` },
      'startOffset-input': 'required name=seek_to_second_number',
    },
  }
}
