// Registers the newsroom's routes in order.
import type { FastifyInstance } from 'fastify'
import type { NewsroomDeps } from './deps.js'
import { registerSignInRoutes } from './sign-in.js'
import { registerPasswordResetRoutes, registerSessionRoutes, registerSetupRoutes } from './account.js'
import { registerAuditRoutes, registerMailRoutes, registerStaffRoutes } from './admin.js'

/** Every newsroom route; the auth guard must already be installed as a preHandler. */
export function registerNewsroomRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  registerSignInRoutes(app, deps)
  registerSetupRoutes(app, deps)
  registerPasswordResetRoutes(app, deps)
  registerSessionRoutes(app, deps)
  registerStaffRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerMailRoutes(app, deps)
}
