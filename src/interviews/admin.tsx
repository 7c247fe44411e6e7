// The newsroom's interview pages (being built, issue 13).
import type { FastifyInstance } from 'fastify'
import type { NewsroomDeps } from '../newsroom/index.js'

/** Registers the newsroom's interview pages. */
export function registerInterviewAdminRoutes(_app: FastifyInstance, _deps: NewsroomDeps): void {}
