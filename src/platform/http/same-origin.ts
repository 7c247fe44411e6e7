// Cross-site request forgery guard for every state-changing request: a browser always says
// where a request comes from (Origin, or Sec-Fetch-Site), and a form posted from another
// site is refused. Works on cached pages, where no per-visitor token can be embedded.
// Forms behind a session add a token of their own on top of this.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../errors.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A preHandler hook refusing cross-site POST/PUT/PATCH/DELETE from browsers. */
export function sameOriginGuard(publicUrl: string) {
  const allowed = new URL(publicUrl).origin
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.crossSite === 'allow') return
    const origin = request.headers.origin
    const selfOrigin = `${request.protocol}://${request.host}`
    if (origin !== undefined) {
      if (origin !== allowed && origin !== selfOrigin)
        throw new DomainError('forbidden', 'This form was sent from another website, so it was not accepted.')
      return
    }
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw new DomainError('forbidden', 'This form was sent from another website, so it was not accepted.')
  }
}
