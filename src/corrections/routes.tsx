// /corrections: every correction and clarification, newest first, linked to its story.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findPublishedStoriesByIds } from '../stories/index.js'
import { listCorrections } from './store.js'
import { sendPage } from '../site/views.js'
import { type PublicDeps, PageQuery, pageHref } from '../site/index.js'
import { CorrectionsPage } from './views/corrections-page.js'

const PER_PAGE = 25

/** Registers /corrections. */
export function registerCorrectionRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/corrections', { schema: { querystring: PageQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const page = request.query.page ?? 1
    const list = await listCorrections(deps.db, page, PER_PAGE)
    if (page > list.pageCount) throw new NotFound('page of corrections', page)
    const stories = await findPublishedStoriesByIds(
      deps.db,
      list.items.map(c => c.storyId),
    )
    // A correction to a story that is no longer public is not shown.
    const shown = list.items.flatMap(c => {
      const story = stories.get(c.storyId)
      return story ? [{ correction: c, story }] : []
    })
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['list:corrections', 'list:stories', ...[...stories.keys()].map(id => `story:${id}`)],
      content: <CorrectionsPage shown={shown} page={page} pageCount={list.pageCount} timeZone={settings.timeZone} />,
      meta: {
        title: 'Corrections and clarifications',
        description: `Every correction and clarification ${settings.name} has published.`,
        path: pageHref('/corrections', page),
        prev: page > 1 ? pageHref('/corrections', page - 1) : undefined,
        next: page < list.pageCount ? pageHref('/corrections', page + 1) : undefined,
        feeds: [{ title: `${settings.name}: corrections`, href: '/corrections/feed.xml' }],
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Corrections', url: `${deps.publicUrl}/corrections` },
          ]),
        ],
      },
    })
  })
}
