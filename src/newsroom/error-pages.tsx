// Errors under /newsroom answer inside the newsroom's shell, with its navigation for the signed-in
// person and links back to what they were doing. app.ts hands this renderer to the platform's
// error handler for the /newsroom prefix, so platform never imports the newsroom.
import type { FastifyRequest } from 'fastify'
import type { ErrorView } from '../platform/http/error-handler.js'
import { hasRole, type Auth, type Staff } from './auth.js'
import type { Role } from './schema.js'
import { renderNewsroomPage, SECTIONS } from './views/layout.js'
import type { NewsroomShell } from './deps.js'
import { errorTitle, NewsroomErrorPage, type WayBack } from './views/error-page.js'

/** Addresses outside a navigation section's path that belong to one: the list an object lives in. */
const BELONGS_TO: readonly { prefix: string; href: string; label: string; role: Role }[] = [
  { prefix: '/newsroom/episodes', href: '/newsroom/podcasts', label: 'Podcasts', role: 'editor' },
  { prefix: '/newsroom/excerpts', href: '/newsroom/documentaries', label: 'Documentaries', role: 'editor' },
  { prefix: '/newsroom/corrections', href: '/newsroom/stories', label: 'Stories', role: 'contributor' },
  {
    prefix: '/newsroom/newsletter/subscribers',
    href: '/newsroom/newsletter/subscribers',
    label: 'Subscribers',
    role: 'editor',
  },
  { prefix: '/newsroom/newsletter', href: '/newsroom/newsletter/campaigns', label: 'Newsletter', role: 'editor' },
]

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

/** The list a newsroom address belongs to, if the person may open it: /newsroom/stories/99 → Stories. */
export function listOf(path: string, role: Role): WayBack | undefined {
  const sections = SECTIONS.filter(s => s.href !== '/newsroom').map(s => ({ ...s, prefix: s.href }))
  const found = [...sections, ...BELONGS_TO]
    .filter(s => under(path, s.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0]
  if (!found || !hasRole(role, found.role)) return undefined
  return { href: found.href, label: `Back to ${found.label}` }
}

/** The newsroom page a form was sent from, when the browser says so and it is ours. */
function cameFrom(request: FastifyRequest): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const referer = request.headers.referer
  if (!referer) return undefined
  try {
    const url = new URL(referer)
    // Through URL on both sides, so a default port written out (":80") compares equal.
    const self = new URL(`${request.protocol}://${request.host}`)
    if (url.origin !== self.origin || !under(url.pathname, '/newsroom')) return undefined
    return url.pathname + url.search
  } catch {
    return undefined
  }
}

/** Where to go from an error: the page the form came from, the object's list, the dashboard. */
function waysBack(request: FastifyRequest, path: string, staff: Staff | undefined): WayBack[] {
  if (!staff)
    return [
      { href: `/newsroom/sign-in`, label: 'Sign in to the newsroom' },
      { href: '/', label: 'The site' },
    ]
  const ways: WayBack[] = []
  const from = cameFrom(request)
  if (from && from !== path) ways.push({ href: from, label: 'Back to the page you were on' })
  const list = listOf(path, staff.account.role)
  if (list && list.href !== path && list.href !== from) ways.push(list)
  if (path !== '/newsroom') ways.push({ href: '/newsroom', label: 'Dashboard' })
  return ways
}

/** Renders newsroom error pages; given to the error handler for the /newsroom prefix. */
export function createNewsroomErrorRenderer(deps: { auth: Auth; shell: () => Promise<NewsroomShell> }) {
  return async (request: FastifyRequest, error: ErrorView): Promise<string> => {
    // A failing session lookup (the database is down) still gets a page, without navigation.
    const staff = await deps.auth.staffOf(request).catch(() => undefined)
    const path = request.url.split('?')[0] ?? request.url
    const title = errorTitle(error.status)
    return renderNewsroomPage({
      shell: await deps.shell(),
      title,
      path,
      staff,
      children: (
        <NewsroomErrorPage
          status={error.status}
          message={error.message}
          details={error.details}
          waysBack={waysBack(request, path, staff)}
        />
      ),
    })
  }
}
