// Headers every response carries. The policy allows no inline script: islands are files
// served from our own origin, and JSON-LD blocks are data, not script.
import type { FastifyReply, FastifyRequest } from 'fastify'

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** The fixed security headers, one object so adding them costs one call per response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
})

const HSTS = 'max-age=31536000; includeSubDomains'

const WITH_HSTS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'strict-transport-security': HSTS,
})

/** The security headers for a response over HTTPS (with HSTS) or plain HTTP. */
export function securityHeadersFor(https: boolean): Readonly<Record<string, string>> {
  return https ? WITH_HSTS : SECURITY_HEADERS
}

/** Adds the security headers; HSTS only when the request came over HTTPS. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(securityHeadersFor(request.protocol === 'https'))
}
