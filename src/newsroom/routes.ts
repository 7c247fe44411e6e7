// Registers the newsroom's routes in order.
import type { FastifyInstance } from 'fastify'
import type { NewsroomDeps } from './deps.js'
import { registerSignInRoutes } from './sign-in.js'
import { registerAccountRoutes } from './account.js'
import { registerAdminRoutes } from './admin.js'

/** Every newsroom route; the auth guard must already be installed as a preHandler. */
export function registerNewsroomRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  registerSignInRoutes(app, deps)
  registerAccountRoutes(app, deps)
  registerAdminRoutes(app, deps)
}
