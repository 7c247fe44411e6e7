// Logger options: structured request logs that never carry secrets, passwords or session ids.
import type { FastifyServerOptions, FastifyRequest } from 'fastify'
import { pino, type Logger } from 'pino'

const SECRET_PARAMS = /^(token|key|signature|sig|password|secret|code|session|sid|access_token|auth)$/i

/** A URL safe to log: values of secret-looking query parameters are replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const params = new URLSearchParams(url.slice(q + 1))
  for (const name of [...params.keys()]) if (SECRET_PARAMS.test(name)) params.set(name, '[redacted]')
  return `${url.slice(0, q)}?${params.toString()}`
}

const REDACT = {
  paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
  censor: '[redacted]',
}

/** Fastify logger options for a level. */
export function loggerOptions(level: string): NonNullable<FastifyServerOptions['logger']> {
  if (level === 'silent') return false
  return {
    level,
    redact: REDACT,
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: redactUrl(request.url), id: request.id, remoteAddress: request.ip }
      },
    },
  }
}

/** The logger of a process that serves no requests (`newsreel worker`), redacting the same fields. */
export function processLogger(level: string): Logger {
  return pino(level === 'silent' ? { level: 'silent' } : { level, redact: REDACT })
}
