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
export type ErrorResponder = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>

/** Installs the error and not-found handlers on the app and returns the responder they share. */
export function registerErrorHandling(app: FastifyInstance, renderPage: ErrorPageRenderer): ErrorResponder {
  const respond: ErrorResponder = async (error, request, reply) => {
    const view = describe(error)
    if (view.status >= 500) request.log.error({ err: error }, 'request failed')
    return answer(request, reply, view, renderPage)
  }
  app.setErrorHandler(respond)
  app.setNotFoundHandler(async (request, reply) => {
    const view: ErrorView = { status: 404, code: 'not_found', message: 'We could not find that page.', details: [] }
    return answer(request, reply, view, renderPage)
  })
  return respond
}

function describe(error: FastifyError): ErrorView {
  if (error instanceof DomainError) {
    return { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message, details: error.details }
  }
  if (error.validation) {
    const where = error.validationContext === 'querystring' ? 'query parameter' : error.validationContext === 'params' ? 'address' : 'field'
    const details = error.validation.map((v) => {
      const name = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as { missingProperty?: string }).missingProperty || ''
      return name ? `The ${where} “${name}” ${v.message ?? 'is not valid'}.` : `The ${where}s ${v.message ?? 'are not valid'}.`
    })
    return { status: 400, code: 'invalid_input', message: details[0] ?? 'The request is not valid.', details }
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const message = FRAMEWORK_MESSAGES[error.code] ?? error.message
    return { status, code: error.code?.toLowerCase() ?? 'bad_request', message, details: [] }
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. It has been logged; please try again shortly.', details: [] }
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true
  const accept = request.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

async function answer(request: FastifyRequest, reply: FastifyReply, view: ErrorView, renderPage: ErrorPageRenderer) {
  // Malformed addresses never reach the onRequest hook, so the headers are set here too.
  applySecurityHeaders(request, reply)
  reply.code(view.status).header('cache-control', 'no-store')
  if (wantsJson(request)) {
    return reply.type('application/json; charset=utf-8').send({ error: { code: view.code, message: view.message, details: view.details } })
  }
  let html: string
  try {
    html = await renderPage(request, view)
  } catch (err) {
    request.log.error({ err }, 'error page failed to render')
    html = `<!doctype html><meta charset="utf-8"><title>Error ${view.status}</title><h1>Error ${view.status}</h1>`
  }
  return reply.type('text/html; charset=utf-8').send(html)
}
