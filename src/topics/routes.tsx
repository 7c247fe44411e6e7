// Public topic pages: the list of topics and one topic's stories and films.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import type { PageMeta } from '../platform/seo/meta.js'
import { listPublishedStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import {
  documentaryTeaserTags,
  listPublishedDocumentariesByTopic,
  loadDocumentaryTeasers,
} from '../documentaries/index.js'
import type { SiteSettings } from '../settings/index.js'
import { findTopicBySlug, listTopics, type Topic } from './store.js'
import { TopicsPage } from './views/topics-page.js'
import { TopicPage } from './views/topic-page.js'
import { sendPage } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const PER_PAGE = 10

/** A topic page's head: paging links, its feeds and its breadcrumb. */
function topicPageMeta(
  topic: Topic,
  paging: { page: number; pageCount: number },
  settings: SiteSettings,
  publicUrl: string,
): PageMeta {
  const path = `/topics/${topic.slug}`
  const { page, pageCount } = paging
  return {
    title: page > 1 ? `${topic.name}, page ${page}` : topic.name,
    description: topic.description || `Stories and documentaries about ${topic.name}.`,
    path: pageHref(path, page),
    prev: page > 1 ? pageHref(path, page - 1) : undefined,
    next: page < pageCount ? pageHref(path, page + 1) : undefined,
    feeds: [
      { title: `${settings.name}: ${topic.name}`, href: `${path}/feed.xml` },
      { title: `${settings.name}: ${topic.name} (Atom)`, href: `${path}/feed.atom`, type: 'atom' },
    ],
    jsonLd: [
      breadcrumbLd([
        { name: settings.name, url: `${publicUrl}/` },
        { name: 'Topics', url: `${publicUrl}/topics` },
        { name: topic.name, url: `${publicUrl}${path}` },
      ]),
    ],
  }
}

/** Registers /topics and /topics/:slug. */
export function registerTopicRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/topics', { config: { cache: 'public' } }, async (request, reply) => {
    const topics = await listTopics(deps.db)
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['topics'],
      content: <TopicsPage topics={topics} />,
      meta: {
        title: 'Topics',
        description: `The subjects ${settings.name} covers.`,
        path: '/topics',
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Topics', url: `${deps.publicUrl}/topics` },
          ]),
        ],
      },
    })
  })

  r.get(
    '/topics/:slug',
    { schema: { params: SlugParams, querystring: PageQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const topic = await findTopicBySlug(deps.db, request.params.slug)
      if (!topic) throw new NotFound('topic', request.params.slug)
      const page = request.query.page ?? 1
      const [list, films] = await Promise.all([
        listPublishedStories(deps.db, { page, pageSize: PER_PAGE, topicId: topic.id }),
        page === 1
          ? listPublishedDocumentariesByTopic(deps.db, topic.id, 3).then(d => loadDocumentaryTeasers(deps.db, d))
          : Promise.resolve([]),
      ])
      if (page > list.pageCount) throw new NotFound('page of this topic', page)
      const teasers = await loadStoryTeasers(deps.db, list.items)
      const { settings } = await deps.chrome()
      return sendPage(deps, request, reply, {
        tags: [
          `topic:${topic.id}`,
          'list:stories',
          'list:documentaries',
          ...storyTeaserTags(teasers),
          ...documentaryTeaserTags(films),
        ],
        content: (
          <TopicPage
            topic={topic}
            path={`/topics/${topic.slug}`}
            films={films}
            teasers={teasers}
            page={page}
            pageCount={list.pageCount}
            timeZone={settings.timeZone}
          />
        ),
        meta: topicPageMeta(topic, { page, pageCount: list.pageCount }, settings, deps.publicUrl),
      })
    },
  )
}
