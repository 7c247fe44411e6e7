// The dashboard's route: /newsroom, for every role.
import type { FastifyInstance } from 'fastify'
import type { NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { loadDashboard } from './dashboard-data.js'
import { DashboardPage } from './views/dashboard-page.js'

/** Registers the newsroom's front page. */
export function registerDashboardRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.get('/newsroom', { config: { auth: 'contributor' } }, async (request, reply) => {
    const staff = request.staff
    const dashboard = await loadDashboard(deps.db, staff.account)
    return sendNewsroomPage(deps, request, reply, {
      title: `Welcome, ${staff.account.name}`,
      path: '/newsroom',
      staff,
      children: <DashboardPage dashboard={dashboard} email={staff.account.email} role={staff.account.role} />,
    })
  })
}
