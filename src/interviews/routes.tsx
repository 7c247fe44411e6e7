// The reader's interview pages: /interviews and /interviews/:slug (being built, issue 13).
import type { FastifyInstance } from 'fastify'
import type { PublicDeps } from '../site/index.js'

/** Registers the public interview pages. */
export function registerInterviewRoutes(_app: FastifyInstance, _deps: PublicDeps): void {}
