// Static pages at the root of the site: /standards, /about, /ethics-and-funding ...
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findPageBySlug } from './store.js'
import { StaticPage } from './views/static-page.js'
import { loadBodyContext, type PublicDeps, SlugParams } from '../site/index.js'
import { sendPage } from '../site/views.js'

/** Registers /:slug for static pages; registered last so every named route wins. */
export function registerPageRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/:slug', { schema: { params: SlugParams }, config: { cache: 'public' } }, async (request, reply) => {
    const page = await findPageBySlug(deps.db, request.params.slug)
    if (!page) throw new NotFound('page', request.params.slug)
    const body = await loadBodyContext(deps.db, page.body)
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: [`page:${page.id}`, ...body.tags],
      player: body.player,
      content: <StaticPage page={page} context={body.context} timeZone={settings.timeZone} />,
      meta: {
        title: page.title,
        description: page.summary || page.title,
        path: `/${page.slug}`,
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: page.title, url: `${deps.publicUrl}/${page.slug}` },
          ]),
        ],
      },
    })
  })
}
