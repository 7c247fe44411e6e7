// The site's error pages, drawn in its design.
import type { FastifyRequest } from 'fastify'
import type { ErrorView } from '../platform/http/error-handler.js'
import { DEFAULT_SETTINGS } from '../settings/index.js'
import type { Chrome } from './chrome.js'
import { renderDocument } from './views/layout.js'
import { ErrorPage } from './views/error-page.js'

/** Renders an error page in the site's design, even when the database is what failed. */
export function createErrorPageRenderer(
  chrome: () => Promise<Chrome>,
  fallback: Omit<Chrome, 'settings' | 'topics' | 'funders'>,
) {
  return async (request: FastifyRequest, error: ErrorView): Promise<string> => {
    const current = await chrome().catch(() => ({ ...fallback, settings: DEFAULT_SETTINGS, topics: [], funders: [] }))
    return renderDocument({
      chrome: current,
      meta: {
        title: error.status === 404 ? 'Page not found' : `Error ${error.status}`,
        description: error.message,
        path: request.url.split('?')[0] ?? '/',
        noindex: true,
      },
      children: <ErrorPage error={error} />,
      hideNewsletter: true,
    })
  }
}
