// /funders: who supports the newsroom, by tier.
import type { FastifyInstance } from 'fastify'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findImagesByIds } from '../media/index.js'
import { listFunders } from './store.js'
import { FundersPage } from './views/funders-page.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'

/** Registers /funders. */
export function registerFunderRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/funders', { config: { cache: 'public' } }, async (request, reply) => {
    const funders = await listFunders(deps.db)
    const logos = await findImagesByIds(
      deps.db,
      funders.flatMap(f => (f.logoId ? [f.logoId] : [])),
    )
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['funders'],
      content: <FundersPage funders={funders} logos={logos} siteName={settings.name} />,
      meta: {
        title: 'Our funders',
        description: `Who supports ${settings.name}.`,
        path: '/funders',
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Funders', url: `${deps.publicUrl}/funders` },
          ]),
        ],
      },
    })
  })
}
