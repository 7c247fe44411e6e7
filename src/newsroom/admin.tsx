// Admin pages: staff accounts and roles, invitations, the audit log and the mail outbox.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError, InvalidInput } from '../platform/errors.js'
import { listOutbox, readOutboxMessage } from '../platform/mail/index.js'
import { normalizeEmail } from '../platform/email.js'
import { actorOf } from './acting.js'
import { changeStaffAccess, inviteStaff } from './actions.js'
import { ROLES } from './schema.js'
import { listAccounts, listAudit } from './store.js'
import type { NewsroomDeps } from './deps.js'
import { sendNewsroomPage } from './send-page.js'
import { AuditPage } from './views/audit-page.js'
import { MailPage } from './views/mail-page.js'
import { StaffPage } from './views/staff-page.js'

const RoleSchema = Type.Union(ROLES.map(role => Type.Literal(role)))
const AUDIT_PAGE = 100

/** /newsroom/staff: the accounts, invitations, and each account's role and status. */
export function registerStaffRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/staff',
    {
      config: { auth: 'admin' },
      schema: { querystring: Type.Object({ invited: Type.Optional(Type.String({ maxLength: 320 })) }) },
    },
    async (request, reply) => {
      const staff = request.staff
      return sendNewsroomPage(deps, request, reply, {
        title: 'Staff',
        path: '/newsroom/staff',
        staff,
        children: (
          <StaffPage
            accounts={await listAccounts(deps.db)}
            csrf={staff.session.csrfToken}
            invited={request.query.invited}
          />
        ),
      })
    },
  )

  r.post(
    '/newsroom/staff',
    {
      config: { auth: 'admin' },
      schema: {
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          email: Type.String({ maxLength: 320 }),
          role: RoleSchema,
          _csrf: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email)
      if (!email) throw new InvalidInput('Please enter a valid email address.')
      await inviteStaff(deps, actorOf(request), { name: request.body.name.trim(), email, role: request.body.role })
      return reply.redirect(`/newsroom/staff?invited=${encodeURIComponent(email)}`, 303)
    },
  )

  r.post(
    '/newsroom/staff/:id',
    {
      config: { auth: 'admin' },
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({
          role: RoleSchema,
          active: Type.Union([Type.Literal('0'), Type.Literal('1')]),
          _csrf: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (request, reply) => {
      await changeStaffAccess(deps, actorOf(request), request.params.id, {
        role: request.body.role,
        active: request.body.active === '1',
      })
      return reply.redirect('/newsroom/staff', 303)
    },
  )
}

/** /newsroom/audit: the audit log, a hundred entries a page. */
export function registerAuditRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/audit',
    {
      config: { auth: 'admin' },
      schema: { querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }) },
    },
    async (request, reply) => {
      const page = request.query.page ?? 1
      const [entries, accounts] = await Promise.all([
        listAudit(deps.db, AUDIT_PAGE, (page - 1) * AUDIT_PAGE),
        listAccounts(deps.db),
      ])
      const names = new Map(accounts.map(a => [a.id, a.name]))
      return sendNewsroomPage(deps, request, reply, {
        title: 'Audit log',
        path: '/newsroom/audit',
        staff: request.staff,
        children: (
          <AuditPage entries={entries} names={names} olderPage={entries.length === AUDIT_PAGE ? page + 1 : undefined} />
        ),
      })
    },
  )
}

/** /newsroom/mail: where mail goes, and the outbox when there is no SMTP server. */
export function registerMailRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/mail', { config: { auth: 'admin' } }, async (request, reply) => {
    const transport = deps.mailer.transport
    const messages = transport === 'file' ? await listOutbox(deps.outboxDir, { limit: 200 }) : []
    return sendNewsroomPage(deps, request, reply, {
      title: 'Mail',
      path: '/newsroom/mail',
      staff: request.staff,
      children: <MailPage transport={transport} messages={messages} />,
    })
  })

  r.get(
    '/newsroom/mail/:file',
    { config: { auth: 'admin' }, schema: { params: Type.Object({ file: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const raw = await readOutboxMessage(deps.outboxDir, request.params.file)
      if (raw === undefined) throw new DomainError('not_found', 'No such message.')
      // Shown as plain text: a message is never rendered as HTML in the newsroom's origin.
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(raw)
    },
  )
}
