// The Fastify server under the site and what runs around every request: apart from app.ts so
// that file reads as the wiring of the parts and the route table, not as server plumbing.
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import formbody from '@fastify/formbody'
import type { Config } from './config.js'
import type { PageResponder } from './platform/http/page-responder.js'
import { applySecurityHeaders } from './platform/http/security-headers.js'
import type { ErrorResponder } from './platform/http/error-handler.js'
import { OneLineLogController, lazyChildLogger, loggerOptions } from './platform/http/logging.js'
import { trustProxyOption } from './platform/http/trust-proxy.js'
import { sameOriginGuard } from './platform/http/same-origin.js'
import { lazySchemaCompilers } from './platform/http/lazy-schemas.js'
import { decorateStaff, type Auth } from './newsroom/index.js'

/** A Fastify server whose framework errors wait for the error responder bound once the site can render error pages. */
export function createServer(config: Config): {
  app: FastifyInstance
  bindErrorResponder(respond: ErrorResponder): void
} {
  // Bound by buildApp, once the site can render error pages.
  let respondToError: ErrorResponder = async (_error, _request, reply) => reply.code(400).send()
  // A developer's terminal (`npm start`) gets a pretty log, one line per request; production keeps JSON.
  const pretty = config.env === 'development'
  const app = Fastify({
    logger: loggerOptions(config.logLevel, { pretty }),
    ...(config.logLevel === 'silent' ? {} : { childLoggerFactory: lazyChildLogger }),
    ...(pretty ? { logController: new OneLineLogController() } : {}),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Malformed addresses (bad percent-encoding, over-long parameters) go through the one error handler too.
    frameworkErrors: (error, request, reply) => void respondToError(error, request, reply),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    // Each route's schemas compile at its first request, not all at start (a third of a restart's CPU).
    schemaController: { compilersFactory: lazySchemaCompilers() },
  })
  return {
    app,
    bindErrorResponder(respond) {
      respondToError = respond
    },
  }
}

/** A route that needs a signed-in role: its method, address and the role it asks for. */
export interface StaffRoute {
  method: string
  url: string
  role: string
}

/** Every route that needs a signed-in role, as registered (the role matrix test walks these). */
export function recordStaffRoutes(app: FastifyInstance): StaffRoute[] {
  const staffRoutes: StaffRoute[] = []
  app.addHook('onRoute', route => {
    const role = route.config?.auth
    if (!role) return
    for (const method of [route.method].flat())
      if (method !== 'HEAD') staffRoutes.push({ method, url: route.url, role })
  })
  return staffRoutes
}

/** What runs around every request: the cache, security headers, compression, forms, the same-origin and staff guards. */
export async function addRequestHooks(
  app: FastifyInstance,
  deps: { pages: PageResponder; auth: Auth; publicUrl: string },
): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    // A cache hit carries its own complete header block, security headers included.
    if (deps.pages.answerFromCache(request, reply) !== undefined) return
    applySecurityHeaders(request, reply)
    done()
  })
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] })
  // Story and page bodies are posted as forms: their JSON may be a few hundred kilobytes.
  await app.register(formbody, { bodyLimit: 1024 * 1024 })
  app.addHook('preHandler', sameOriginGuard(deps.publicUrl))
  // Before validation, so a refused caller learns nothing about what the route expects.
  app.addHook('preValidation', deps.auth.guard)
  // What the guard found is `request.staff` in every staff route's handler.
  decorateStaff(app)
}
