// Whether a request's body is JSON: the pages' islands post JSON and want JSON back, while the
// same route answers a plain form post with a page.
import type { FastifyRequest } from 'fastify'

/** Whether the request was posted as JSON (an island's fetch) rather than as a form. */
export function postedJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
}
