// What the newsroom's routes are given.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/index.js'
import type { ContentEvents } from '../platform/events.js'
import type { PageResponder } from '../platform/http/page-responder.js'
import type { Mailer } from '../platform/mail/index.js'
import type { Auth, Staff } from './auth.js'
import { renderNewsroomPage, type NewsroomPageProps, type NewsroomShell } from './views/layout.js'

/** The newsroom's dependencies, built once in app.ts. */
export interface NewsroomDeps {
  db: Db
  auth: Auth
  pages: PageResponder
  events: ContentEvents
  mailer: Mailer
  publicUrl: string
  /** Where mail is written when there is no SMTP server. */
  outboxDir: string
  shell: () => Promise<NewsroomShell>
}

/** Renders a newsroom page and sends it, never cached. */
export async function sendNewsroomPage(
  deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply,
  page: Omit<NewsroomPageProps, 'shell'> & { status?: number },
): Promise<FastifyReply> {
  const html = renderNewsroomPage({ ...page, shell: await deps.shell() })
  return deps.pages.send(request, reply, html, { tags: [], status: page.status })
}

export type { Staff }
