// Public topic pages: the list of topics and one topic's stories and films.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { listPublishedStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import { StoryList } from '../stories/views.js'
import { DocumentaryGrid } from '../documentaries/views.js'
import { documentaryTeaserTags, listPublishedDocumentariesByTopic, loadDocumentaryTeasers } from '../documentaries/index.js'
import { findTopicBySlug, listTopics } from './store.js'
import { sendPage, Pagination } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const PER_PAGE = 10

/** Registers /topics and /topics/:slug. */
export function registerTopicRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/topics', { config: { cache: 'public' } }, async (request, reply) => {
    const topics = await listTopics(deps.db)
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['topics'],
      content: (
        <div class="wrap list-page">
          <header class="list-page__header">
            <h1>Topics</h1>
            <p class="list-page__intro">Every subject we cover, from the economy to war and conflict.</p>
          </header>
          <ul class="topic-index">
            {topics.map((t) => (
              <li key={t.id}>
                <h2 class="topic-index__name"><a href={`/topics/${t.slug}`}>{t.name}</a></h2>
                <p>{t.description}</p>
              </li>
            ))}
          </ul>
        </div>
      ),
      meta: {
        title: 'Topics', description: `The subjects ${settings.name} covers.`, path: '/topics',
        jsonLd: [breadcrumbLd([{ name: settings.name, url: `${deps.publicUrl}/` }, { name: 'Topics', url: `${deps.publicUrl}/topics` }])],
      },
    })
  })

  r.get('/topics/:slug', { schema: { params: SlugParams, querystring: PageQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const topic = await findTopicBySlug(deps.db, request.params.slug)
    if (!topic) throw new NotFound('topic', request.params.slug)
    const page = request.query.page ?? 1
    const [list, films] = await Promise.all([
      listPublishedStories(deps.db, { page, pageSize: PER_PAGE, topicId: topic.id }),
      page === 1 ? listPublishedDocumentariesByTopic(deps.db, topic.id, 3).then((d) => loadDocumentaryTeasers(deps.db, d)) : Promise.resolve([]),
    ])
    if (page > list.pageCount) throw new NotFound('page of this topic', page)
    const teasers = await loadStoryTeasers(deps.db, list.items)
    const { settings } = await deps.chrome()
    const path = `/topics/${topic.slug}`
    return sendPage(deps, request, reply, {
      tags: [`topic:${topic.id}`, 'list:stories', 'list:documentaries', ...storyTeaserTags(teasers), ...documentaryTeaserTags(films)],
      content: (
        <div class="wrap list-page">
          <header class="list-page__header">
            <p class="kicker">Topic</p>
            <h1>{topic.name}</h1>
            <p class="list-page__intro">{topic.description}</p>
            <p class="feed-link"><a href={`${path}/feed.xml`}>RSS feed for {topic.name}</a></p>
          </header>
          {films.length ? (
            <section aria-labelledby="topic-films" class="related__section">
              <h2 id="topic-films" class="section-heading">Documentaries</h2>
              <DocumentaryGrid teasers={films} />
            </section>
          ) : null}
          <section aria-labelledby="topic-stories">
            <h2 id="topic-stories" class="section-heading">Stories</h2>
            {teasers.length ? <StoryList teasers={teasers} timeZone={settings.timeZone} /> : <p>No stories under this topic yet.</p>}
          </section>
          <Pagination path={path} page={page} pageCount={list.pageCount} />
        </div>
      ),
      meta: {
        title: page > 1 ? `${topic.name}, page ${page}` : topic.name,
        description: topic.description || `Stories and documentaries about ${topic.name}.`,
        path: pageHref(path, page),
        prev: page > 1 ? pageHref(path, page - 1) : undefined,
        next: page < list.pageCount ? pageHref(path, page + 1) : undefined,
        feeds: [{ title: `${settings.name}: ${topic.name}`, href: `${path}/feed.xml` }, { title: `${settings.name}: ${topic.name} (Atom)`, href: `${path}/feed.atom`, type: 'atom' }],
        jsonLd: [breadcrumbLd([
          { name: settings.name, url: `${deps.publicUrl}/` },
          { name: 'Topics', url: `${deps.publicUrl}/topics` },
          { name: topic.name, url: `${deps.publicUrl}${path}` },
        ])],
      },
    })
  })
}
