// Public story pages: one story, and the list of articles.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { oneRead } from '../db/index.js'
import { bodyToPlainText, bodyWordCount } from '../body/index.js'
import { truncate } from '../platform/format.js'
import { breadcrumbLd, newsArticleLd } from '../platform/seo/json-ld.js'
import { imageUrl } from '../media/index.js'
import { personUrl } from '../people/index.js'
import { loadStoryPage, type StoryPageData } from './story-page-data.js'
import { findRedirect } from './draft-store.js'
import type { SiteSettings } from '../settings/index.js'
import { listPublishedStories } from './published-list-store.js'
import { loadStoryTeasers, storyTeaserTags } from './teasers.js'
import { sectionLabel, storyUrl } from './urls.js'
import { StoryPage } from './views/story-page.js'
import { ArticlesPage } from './views/articles-page.js'
import { sendPage, type PageToSend } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const ARTICLES_PER_PAGE = 12

/** The story page as sent: content, head metadata and cache tags. Previews use it too. */
export function storyPageToSend(
  data: StoryPageData,
  settings: SiteSettings,
  publicUrl: string,
  options: { preview?: boolean } = {},
): PageToSend {
  const { story } = data
  const url = `${publicUrl}${storyUrl(story.slug)}`
  const image = data.hero
    ? {
        url: `${publicUrl}${imageUrl(data.hero)}`,
        width: data.hero.width,
        height: data.hero.height,
        alt: data.hero.alt,
      }
    : undefined
  const description = story.dek || truncate(bodyToPlainText(story.body), 200)
  const primary = data.topics[0]
  return {
    tags: data.tags,
    player: data.player,
    content: <StoryPage data={data} timeZone={settings.timeZone} preview={options.preview} />,
    meta: {
      title: story.title,
      description,
      path: storyUrl(story.slug),
      type: 'article',
      image,
      noindex: options.preview,
      publishedTime: story.publishedAt,
      modifiedTime: story.updatedAt,
      section: primary?.name ?? sectionLabel(story.section),
      jsonLd: [
        newsArticleLd({
          url,
          headline: story.title,
          description,
          image: image?.url,
          datePublished: story.publishedAt ?? story.updatedAt,
          dateModified: story.updatedAt,
          section: primary?.name,
          keywords: data.topics.map(t => t.name),
          wordCount: bodyWordCount(story.body),
          authors: data.authors.map(({ person }) => ({
            name: person.name,
            url: `${publicUrl}${personUrl(person.slug)}`,
            jobTitle: person.jobTitle,
          })),
          publisher: { name: settings.name, url: publicUrl },
          corrections: data.corrections.map(c => ({ kind: c.kind, text: c.body, date: c.publishedAt })),
          ethicsPolicy: `${publicUrl}/standards`,
        }),
        breadcrumbLd([
          { name: settings.name, url: `${publicUrl}/` },
          ...(primary ? [{ name: primary.name, url: `${publicUrl}/topics/${primary.slug}` }] : []),
          { name: story.title, url },
        ]),
      ],
    },
  }
}

/** Registers /stories/:slug and /articles. */
export function registerStoryRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/stories/:slug', { schema: { params: SlugParams }, config: { cache: 'public' } }, async (request, reply) => {
    const { settings, topics } = await deps.chrome()
    const data = await oneRead(deps.db, db => loadStoryPage(db, request.params.slug, topics))
    if (!data) {
      // A story whose slug changed keeps its old address alive.
      const moved = await findRedirect(deps.db, request.params.slug)
      if (moved) return reply.header('cache-control', 'public, max-age=300').redirect(storyUrl(moved), 301)
      throw new NotFound('story', request.params.slug)
    }
    return sendPage(deps, request, reply, storyPageToSend(data, settings, deps.publicUrl))
  })

  r.get('/articles', { schema: { querystring: PageQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const page = request.query.page ?? 1
    const list = await listPublishedStories(deps.db, { page, pageSize: ARTICLES_PER_PAGE })
    if (page > list.pageCount) throw new NotFound('page of articles', page)
    const teasers = await loadStoryTeasers(deps.db, list.items)
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['list:stories', ...storyTeaserTags(teasers)],
      content: <ArticlesPage teasers={teasers} page={page} pageCount={list.pageCount} timeZone={settings.timeZone} />,
      meta: {
        title: page > 1 ? `Articles, page ${page}` : 'Articles',
        description: `Investigations, explainers and reporting from ${settings.name}.`,
        path: pageHref('/articles', page),
        prev: page > 1 ? pageHref('/articles', page - 1) : undefined,
        next: page < list.pageCount ? pageHref('/articles', page + 1) : undefined,
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Articles', url: `${deps.publicUrl}/articles` },
          ]),
        ],
      },
    })
  })
}
