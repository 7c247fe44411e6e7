// Admin pages: staff accounts and roles, invitations, the audit log and the mail outbox.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError, InvalidInput } from '../platform/errors.js'
import { Clock } from './views/clock.js'
import { listOutbox, readOutboxMessage } from '../platform/mail/index.js'
import { isUniqueViolation } from '../db/index.js'
import { normalizeEmail } from '../platform/email.js'
import { createPasswordLink } from './password-reset.js'
import { ROLES, type Role } from './schema.js'
import { countAdmins, findAccountById, insertAccount, insertAudit, listAccounts, listAudit, revokeAllSessions, updateAccount } from './store.js'
import type { NewsroomDeps } from './deps.js'
import { sendNewsroomPage } from './send-page.js'
import { Csrf, Notice } from './views/layout.js'

const INVITE_DAYS = 7
const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)))

export function registerAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/staff', { config: { auth: 'admin' }, schema: { querystring: Type.Object({ invited: Type.Optional(Type.String({ maxLength: 320 })) }) } }, async (request, reply) => {
    const staff = request.staff
    const accounts = await listAccounts(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Staff', path: '/newsroom/staff', staff,
      children: (
        <>
          {request.query.invited ? <Notice kind="ok">An invitation has been sent to {request.query.invited}.</Notice> : null}
          <table class="nr-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Last sign-in</th></tr></thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.email}</td>
                  <td>
                    <form class="nr-inline-form" method="post" action={`/newsroom/staff/${a.id}`}>
                      <Csrf token={staff.session.csrfToken} />
                      <label class="visually-hidden" for={`role-${a.id}`}>Role of {a.name}</label>
                      <select id={`role-${a.id}`} name="role">{ROLES.map((role) => <option key={role} value={role} selected={role === a.role}>{role}</option>)}</select>
                      <select name="active" aria-label={`Status of ${a.name}`}>
                        <option value="1" selected={a.active}>active</option>
                        <option value="0" selected={!a.active}>disabled</option>
                      </select>
                      <button class="nr-button nr-button--quiet" type="submit">Save</button>
                    </form>
                  </td>
                  <td>{a.active ? (a.hasPassword ? 'Active' : 'Invited') : 'Disabled'}</td>
                  <td>{a.lastSignInAt ? <Clock iso={a.lastSignInAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <section class="nr-section nr-narrow">
            <h2>Invite someone</h2>
            <form class="nr-form" method="post" action="/newsroom/staff">
              <Csrf token={staff.session.csrfToken} />
              <div class="nr-field"><label for="invite-name">Name</label><input id="invite-name" name="name" required maxLength={200} /></div>
              <div class="nr-field"><label for="invite-email">Email</label><input id="invite-email" name="email" type="email" required /></div>
              <div class="nr-field"><label for="invite-role">Role</label><select id="invite-role" name="role">{ROLES.map((role) => <option key={role} value={role}>{role}</option>)}</select></div>
              <div><button class="nr-button" type="submit">Send the invitation</button></div>
            </form>
          </section>
        </>
      ),
    })
  })

  r.post('/newsroom/staff', {
    config: { auth: 'admin' },
    schema: { body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ maxLength: 320 }), role: RoleSchema, _csrf: Type.String({ maxLength: 200 }) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const email = normalizeEmail(request.body.email)
    if (!email) throw new InvalidInput('Please enter a valid email address.')
    let accountId: number
    try {
      const account = await insertAccount(deps.db, { email, name: request.body.name.trim(), role: request.body.role, passwordHash: null })
      accountId = account.id
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('conflict', `An account with the address ${email} already exists.`)
      throw err
    }
    const link = await createPasswordLink(deps, accountId, 'invite', INVITE_DAYS * 24 * 60)
    await deps.mailer.send({
      to: email, subject: 'You are invited to the newsroom',
      text: `${staff.account.name} invited you to the newsroom as ${request.body.role}.\n\nChoose your password here (the link works once, for ${INVITE_DAYS} days):\n${link}`,
    })
    await insertAudit(deps.db, { accountId: staff.account.id, action: 'account-invited', subject: `account:${accountId}`, detail: { role: request.body.role, email }, ip: request.ip })
    return reply.redirect(`/newsroom/staff?invited=${encodeURIComponent(email)}`, 303)
  })

  r.post('/newsroom/staff/:id', {
    config: { auth: 'admin' },
    schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Type.Object({ role: RoleSchema, active: Type.Union([Type.Literal('0'), Type.Literal('1')]), _csrf: Type.String({ maxLength: 200 }) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const target = await findAccountById(deps.db, request.params.id)
    if (!target) throw new DomainError('not_found', 'No such account.')
    const role: Role = request.body.role
    const active = request.body.active === '1'
    const losesAdmin = target.role === 'admin' && target.active && (role !== 'admin' || !active)
    if (losesAdmin && (await countAdmins(deps.db)) <= 1) throw new DomainError('conflict', 'The newsroom needs at least one active admin; make someone else admin first.')
    await deps.db.transaction().execute(async (trx) => {
      await updateAccount(trx, target.id, { role, active })
      if (!active) await revokeAllSessions(trx, target.id)
      if (role !== target.role) await insertAudit(trx, { accountId: staff.account.id, action: 'role-changed', subject: `account:${target.id}`, detail: { from: target.role, to: role }, ip: request.ip })
      if (active !== target.active) await insertAudit(trx, { accountId: staff.account.id, action: active ? 'account-enabled' : 'account-disabled', subject: `account:${target.id}`, ip: request.ip })
    })
    return reply.redirect('/newsroom/staff', 303)
  })

  r.get('/newsroom/audit', { config: { auth: 'admin' }, schema: { querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }) } }, async (request, reply) => {
    const staff = request.staff
    const page = request.query.page ?? 1
    const [entries, accounts] = await Promise.all([listAudit(deps.db, 100, (page - 1) * 100), listAccounts(deps.db)])
    const names = new Map(accounts.map((a) => [a.id, a.name]))
    return sendNewsroomPage(deps, request, reply, {
      title: 'Audit log', path: '/newsroom/audit', staff,
      children: (
        <>
          <table class="nr-table">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">Details</th><th scope="col">Address</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td><Clock iso={e.at} /></td>
                  <td>{e.accountId ? names.get(e.accountId) ?? `#${e.accountId}` : '—'}</td>
                  <td>{e.action}</td>
                  <td>{e.subject}</td>
                  <td>{Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</td>
                  <td>{e.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 100 ? <p><a href={`/newsroom/audit?page=${page + 1}`}>Older entries</a></p> : null}
        </>
      ),
    })
  })

  r.get('/newsroom/mail', { config: { auth: 'admin' } }, async (request, reply) => {
    const staff = request.staff
    const messages = deps.mailer.transport === 'file' ? await listOutbox(deps.outboxDir, { limit: 200 }) : []
    return sendNewsroomPage(deps, request, reply, {
      title: 'Mail', path: '/newsroom/mail', staff,
      children: deps.mailer.transport === 'smtp'
        ? <p>Mail is sent through the SMTP server set in <code>SMTP_URL</code>.</p>
        : (
          <>
            <p>No <code>SMTP_URL</code> is set, so mail is written to files here instead of being sent. Newest first.</p>
            <table class="nr-table">
              <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.file}><td><Clock iso={m.date} /></td><td>{m.to}</td><td><a href={`/newsroom/mail/${encodeURIComponent(m.file)}`}>{m.subject}</a></td></tr>
                ))}
              </tbody>
            </table>
          </>
        ),
    })
  })

  r.get('/newsroom/mail/:file', { config: { auth: 'admin' }, schema: { params: Type.Object({ file: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
    const raw = await readOutboxMessage(deps.outboxDir, request.params.file)
    if (raw === undefined) throw new DomainError('not_found', 'No such message.')
    // Shown as plain text: a message is never rendered as HTML in the newsroom's origin.
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', 'inline').send(raw)
  })
}
