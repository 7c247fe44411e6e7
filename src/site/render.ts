// Renders a public page inside the site layout and sends it through the page responder.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import type { CacheTag } from '../platform/events.js'
import type { PageMeta } from '../platform/seo/meta.js'
import { CHROME_TAGS } from './chrome.js'
import { renderDocument } from './views/layout.js'
import type { PublicDeps } from './deps.js'

/** One page to send: its head metadata, its content, and the tags of what it shows. */
export interface PageToSend {
  meta: PageMeta
  content: ComponentChildren
  tags: CacheTag[]
  status?: number | undefined
  hideNewsletter?: boolean | undefined
  /** The page holds a film player or an excerpt: its island and hls.js are loaded. */
  player?: boolean | undefined
}

/** Renders the page in the layout and sends it (cached when the route says so). */
export async function sendPage(
  deps: PublicDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageToSend,
): Promise<FastifyReply> {
  const chrome = await deps.chrome()
  const props = {
    chrome,
    meta: page.meta,
    children: page.content,
    hideNewsletter: page.hideNewsletter,
    signupScript: deps.signupScript,
    searchScript: deps.searchScript,
  }
  // Only pages that say they hold a film or an excerpt load the player island.
  const html = renderDocument({ ...props, player: page.player ? deps.player : undefined })
  // Every page shows the chrome, so a change to any part of it must drop every page.
  return deps.pages.send(request, reply, html, { tags: [...page.tags, ...CHROME_TAGS], status: page.status })
}
