// /newsletter/issues/:id: the web version of a campaign ("view in your browser"), public once it
// started going out and a 404 before. It is the mail's own HTML (inline styles), so it carries a
// policy of its own: the shared page cache's hits carry the site's, which allows no inline style,
// so this route keeps its copy in the same cache (purged by the same tags) and answers itself.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { encodedBody, makeCachedPage } from '../../platform/cache/page-cache.js'
import { NotFound } from '../../platform/errors.js'
import { CHROME_TAGS, type PublicDeps } from '../../site/index.js'
import { campaignContentTags, loadCampaignContent } from './content.js'
import { renderCampaignWebVersion } from './mail.js'
import { findCampaignById } from './store.js'
import { IdParams } from '../../platform/http/integer-inputs.js'

// Mail HTML: inline styles and images, nothing that runs, posts or frames it elsewhere.
const WEB_VERSION_CSP =
  "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"

/** The cache key of an issue's web version (never the raw URL, so query strings cannot fill the cache). */
export const issueCacheKey = (id: number) => `newsletter-issue:${id}`

/** Registers GET /newsletter/issues/:id. */
export function registerCampaignRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsletter/issues/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const { cache } = deps.pages
    const key = issueCacheKey(request.params.id)
    let page = cache.get(key)
    if (!page) {
      const campaign = await findCampaignById(deps.db, request.params.id)
      // Drafts, scheduled and cancelled campaigns are not public: the same 404 as no campaign at all.
      if (!campaign || (campaign.status !== 'sending' && campaign.status !== 'sent'))
        throw new NotFound('newsletter issue', request.params.id)
      const content = await loadCampaignContent(deps.db, campaign, deps.publicUrl)
      page = makeCachedPage(renderCampaignWebVersion(content), 'text/html; charset=utf-8', [
        ...campaignContentTags(content),
        ...CHROME_TAGS,
      ])
      cache.set(key, page)
    }
    reply
      .header('content-security-policy', WEB_VERSION_CSP)
      .header('x-robots-tag', 'noindex')
      .header('content-type', page.contentType)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', 'public, max-age=0, must-revalidate')
      .header('surrogate-control', 'max-age=600')
      .header('surrogate-key', page.surrogateKey)
      .header('etag', page.etag)
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
    const { data, encoding } = encodedBody(page, request.headers['accept-encoding'])
    if (encoding) reply.header('content-encoding', encoding)
    return reply.send(data)
  })
}
