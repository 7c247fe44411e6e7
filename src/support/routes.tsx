// /support: how a reader supports the newsroom, as the newsroom set it up (src/settings keeps it).
import type { FastifyInstance } from 'fastify'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'
import { SupportPage } from './views/support-page.js'

/** Registers /support. */
export function registerSupportRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/support', { config: { cache: 'public' } }, async (request, reply) => {
    const { settings, funders } = await deps.chrome()
    const { support } = settings
    return sendPage(deps, request, reply, {
      // The settings and the site-wide funders come with the chrome, whose tags every page carries.
      tags: [],
      // The funders' credits band follows the page directly: no sign-up band between.
      hideNewsletter: true,
      content: (
        <SupportPage
          support={support}
          siteName={settings.name}
          language={settings.language}
          hasCredits={funders.length > 0}
        />
      ),
      meta: {
        title: support.heading,
        description: `How to support ${settings.name}: ${support.appeal.split('\n')[0]!.slice(0, 200)}`,
        path: '/support',
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Support', url: `${deps.publicUrl}/support` },
          ]),
        ],
      },
    })
  })
}
