// Sends a newsroom page: the staff shell around a route's content.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { NewsroomDeps } from './deps.js'
import { renderNewsroomPage, type NewsroomPageProps } from './views/layout.js'

/** Renders a newsroom page and sends it, never cached. */
export async function sendNewsroomPage(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: Omit<NewsroomPageProps, 'shell'> & { status?: number | undefined },
): Promise<FastifyReply> {
  const html = renderNewsroomPage({ ...page, shell: await deps.shell() })
  return deps.pages.send(request, reply, html, { tags: [], status: page.status })
}
