// The home page and the site's error pages.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { organizationLd } from '../platform/seo/json-ld.js'
import type { ErrorView } from '../platform/http/error-handler.js'
import { DEFAULT_SETTINGS } from '../settings/index.js'
import { latestStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import { documentaryTeaserTags, latestDocumentaries, loadDocumentaryTeasers } from '../documentaries/index.js'
import type { Chrome } from './chrome.js'
import { sendPage } from './render.js'
import type { PublicDeps } from './deps.js'
import { renderDocument } from './views/layout.js'
import { HomePage } from './views/home-page.js'
import { ErrorPage } from './views/error-page.js'

/** Registers the home page. */
export function registerHomeRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/', { config: { cache: 'public' } }, async (request, reply) => {
    const [stories, films, chrome] = await Promise.all([
      latestStories(deps.db, 11).then((s) => loadStoryTeasers(deps.db, s)),
      latestDocumentaries(deps.db, 4).then((d) => loadDocumentaryTeasers(deps.db, d)),
      deps.chrome(),
    ])
    const { settings } = chrome
    const [lead, ...latest] = stories
    return sendPage(deps, request, reply, {
      tags: ['home', 'list:stories', 'list:documentaries', ...storyTeaserTags(stories), ...documentaryTeaserTags(films)],
      content: <HomePage siteName={settings.name} lead={lead} latest={latest} documentaries={films} topics={chrome.topics} timeZone={settings.timeZone} />,
      meta: {
        title: settings.name, description: settings.description, path: '/',
        jsonLd: [organizationLd({ name: settings.name, url: deps.publicUrl, sameAs: settings.socials.map((s) => s.url) })],
      },
    })
  })
}

/** Renders an error page in the site's design, even when the database is what failed. */
export function createErrorPageRenderer(chrome: () => Promise<Chrome>, fallback: Omit<Chrome, 'settings' | 'topics' | 'funders'>) {
  return async (request: FastifyRequest, error: ErrorView): Promise<string> => {
    const current = await chrome().catch(() => ({ ...fallback, settings: DEFAULT_SETTINGS, topics: [], funders: [] }))
    return renderDocument({
      chrome: current,
      meta: { title: error.status === 404 ? 'Page not found' : `Error ${error.status}`, description: error.message, path: request.url.split('?')[0] ?? '/', noindex: true },
      children: <ErrorPage error={error} />,
      hideNewsletter: true,
    })
  }
}
