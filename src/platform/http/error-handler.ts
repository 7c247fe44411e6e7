// One error handler (STYLE rule 12): maps domain codes to statuses, answers HTML to
// browsers and JSON to the API, and never shows a 5xx's message or stack to a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, type ErrorCode } from '../errors.js'
import { applySecurityHeaders } from './security-headers.js'

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  invalid_document: 400,
  slug_taken: 409,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
  too_large: 413,
  unsupported_media_type: 415,
}

/** Plain words for Fastify's own refusals, whose messages are written for developers. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'That address is not valid: it contains a broken %-encoded character.',
  FST_ERR_MAX_PARAM_LENGTH: 'That address is too long.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This kind of request body is not accepted here.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
}

/** What a person is told about a failed request. */
export interface ErrorView {
  status: number
  code: string
  message: string
  details: readonly string[]
}

/** Renders an error page in the site's design; must not throw (fall back to plain text). */
export type ErrorPageRenderer = (request: FastifyRequest, error: ErrorView) => Promise<string>

/** Answers a failed request; also what Fastify's `frameworkErrors` (malformed URLs) should call. */
export type ErrorResponder = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply>

/** Where a path that found nothing has moved to, if anywhere (platform/moved-paths). */
export type MovedPathFinder = (path: string) => Promise<string | undefined>

/**
 * A path prefix whose errors answer differently from the reader's pages: with a part's own
 * renderer (the newsroom inside its shell), or as JSON (`render` left out: an API under it).
 * Handed in by app.ts, so platform never imports the part.
 */
export interface ErrorSection {
  /** Matched at a segment boundary: `/newsroom` covers `/newsroom` and `/newsroom/…`, not `/newsroomx`. */
  prefix: string
  render?: ErrorPageRenderer
}

/**
 * Installs the error and not-found handlers on the app and returns the responder they share.
 * Given `findMoved`, a GET or HEAD that would answer 404 is first looked up there, and an
 * address that moved answers 301 to its new one. The longest matching `sections` prefix picks
 * how an error under it is answered; elsewhere `renderPage` draws it.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  renderPage: ErrorPageRenderer,
  findMoved?: MovedPathFinder,
  sections: readonly ErrorSection[] = [],
): ErrorResponder {
  const byLength = [...sections].sort((a, b) => b.prefix.length - a.prefix.length)
  const send = (request: FastifyRequest, reply: FastifyReply, view: ErrorView) =>
    answer(request, reply, view, sectionOf(request, byLength) ?? { prefix: '', render: renderPage })
  const notFoundOrMoved = async (request: FastifyRequest, reply: FastifyReply, view: ErrorView) => {
    const moved = findMoved ? await movedTo(request, findMoved) : undefined
    if (moved === undefined) return send(request, reply, view)
    applySecurityHeaders(request, reply)
    return reply.header('cache-control', 'public, max-age=300').redirect(moved, 301)
  }
  const respond: ErrorResponder = async (error, request, reply) => {
    const view = describe(error)
    if (view.status >= 500) request.log.error({ err: error }, 'request failed')
    if (view.status === 404) return notFoundOrMoved(request, reply, view)
    return send(request, reply, view)
  }
  app.setErrorHandler(respond)
  app.setNotFoundHandler(async (request, reply) => {
    const view: ErrorView = { status: 404, code: 'not_found', message: 'We could not find that page.', details: [] }
    return notFoundOrMoved(request, reply, view)
  })
  return respond
}

/** The address (with the request's query) that this request's path moved to; never throws. */
async function movedTo(request: FastifyRequest, findMoved: MovedPathFinder): Promise<string | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  const at = request.url.indexOf('?')
  const [path, query] = at < 0 ? [request.url, ''] : [request.url.slice(0, at), request.url.slice(at)]
  try {
    const moved = await findMoved(path)
    return moved === undefined ? undefined : moved + query
  } catch (err) {
    // A lookup that fails must not turn a 404 into a 500.
    request.log.error({ err }, 'moved-address lookup failed')
    return undefined
  }
}

function describe(error: FastifyError): ErrorView {
  if (error instanceof DomainError) {
    return { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message, details: error.details }
  }
  if (error.validation) {
    const where =
      error.validationContext === 'querystring'
        ? 'query parameter'
        : error.validationContext === 'params'
          ? 'address'
          : 'field'
    const details = error.validation.map(v => {
      const name =
        v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        (v.params as { missingProperty?: string }).missingProperty ||
        ''
      return name
        ? `The ${where} “${name}” ${v.message ?? 'is not valid'}.`
        : `The ${where}s ${v.message ?? 'are not valid'}.`
    })
    return { status: 400, code: 'invalid_input', message: details[0] ?? 'The request is not valid.', details }
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const message = FRAMEWORK_MESSAGES[error.code] ?? error.message
    return { status, code: error.code?.toLowerCase() ?? 'bad_request', message, details: [] }
  }
  return {
    status: 500,
    code: 'internal',
    message: 'Something went wrong on our side. It has been logged; please try again shortly.',
    details: [],
  }
}

/** The section whose prefix holds the request's path (the longest first), if any. */
function sectionOf(request: FastifyRequest, byLength: readonly ErrorSection[]): ErrorSection | undefined {
  const path = request.url.split('?')[0] ?? ''
  return byLength.find(s => path === s.prefix || path.startsWith(`${s.prefix}/`))
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true
  const accept = request.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

async function answer(request: FastifyRequest, reply: FastifyReply, view: ErrorView, section: ErrorSection) {
  // Malformed addresses never reach the onRequest hook, so the headers are set here too.
  applySecurityHeaders(request, reply)
  reply.code(view.status).header('cache-control', 'no-store')
  // A section without a renderer is an API: it answers JSON whatever the request accepts.
  if (!section.render || wantsJson(request)) {
    return reply
      .type('application/json; charset=utf-8')
      .send({ error: { code: view.code, message: view.message, details: view.details } })
  }
  let html: string
  try {
    html = await section.render(request, view)
  } catch (err) {
    request.log.error({ err }, 'error page failed to render')
    html = `<!doctype html><meta charset="utf-8"><title>Error ${view.status}</title><h1>Error ${view.status}</h1>`
  }
  return reply.type('text/html; charset=utf-8').send(html)
}
