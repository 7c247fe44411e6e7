// A staff member's own account: the first admin's set-up, password reset by emailed link,
// and the list of signed-in sessions with revoke. (The dashboard is src/dashboard.)
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError, InvalidInput } from '../platform/errors.js'
import { Clock } from './views/clock.js'
import { normalizeEmail } from '../platform/email.js'
import { hashPassword, passwordProblem } from './passwords.js'
import { countAdmins, findUsableToken, hitRateLimit, insertAccount, insertAudit, listLiveSessions, revokeAllSessions, revokeSession, updateAccount, useToken } from './store.js'
import { enqueuePasswordReset, RESET_MINUTES } from './password-reset.js'
import { checkFormToken, formToken } from './sign-in.js'
import type { NewsroomDeps } from './deps.js'
import { sendNewsroomPage } from './send-page.js'
import { Csrf, } from './views/layout.js'

const TokenQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) })
const PasswordFields = {
  password: Type.String({ maxLength: 1024 }),
  confirm: Type.String({ maxLength: 1024 }),
  _csrf: Type.String({ maxLength: 200 }),
}

/** Checks a new password and its confirmation; returns the problem, or undefined. */
function newPasswordProblem(password: string, confirm: string): string | undefined {
  return passwordProblem(password) ?? (password !== confirm ? 'The two passwords do not match.' : undefined)
}

export function registerAccountRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/setup', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const usable = await findUsableToken(deps.db, request.query.token, 'setup')
    if (!usable || (await countAdmins(deps.db)) > 0) throw new DomainError('not_found', 'This set-up link has expired or has already been used.')
    const csrf = formToken(request, reply)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Set up the first admin account', path: '/newsroom/setup',
      children: (
        <form class="nr-form nr-narrow" method="post" action={`/newsroom/setup?token=${encodeURIComponent(request.query.token)}`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="nr-field"><label for="name">Your name</label><input id="name" name="name" required maxLength={200} autocomplete="name" /></div>
          <div class="nr-field"><label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="username" /></div>
          <PasswordInputs />
          <div><button class="nr-button" type="submit">Create the admin account</button></div>
        </form>
      ),
    })
  })

  r.post('/newsroom/setup', {
    schema: { querystring: TokenQuery, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ maxLength: 320 }), ...PasswordFields }) },
  }, async (request, reply) => {
    checkFormToken(request, request.body._csrf)
    const usable = await findUsableToken(deps.db, request.query.token, 'setup')
    if (!usable || (await countAdmins(deps.db)) > 0) throw new DomainError('not_found', 'This set-up link has expired or has already been used.')
    const email = normalizeEmail(request.body.email)
    if (!email) throw new InvalidInput('Please enter a valid email address.')
    const problem = newPasswordProblem(request.body.password, request.body.confirm)
    if (problem) throw new InvalidInput(problem)
    const passwordHash = await hashPassword(request.body.password)
    const account = await deps.db.transaction().execute(async (trx) => {
      if (!(await useToken(trx, usable.id))) throw new DomainError('conflict', 'This set-up link has just been used.')
      const created = await insertAccount(trx, { email, name: request.body.name.trim(), role: 'admin', passwordHash })
      await insertAudit(trx, { accountId: created.id, action: 'account-created', subject: `account:${created.id}`, detail: { role: 'admin', via: 'setup link' }, ip: request.ip })
      return created
    })
    await deps.auth.signIn(request, reply, account)
    return reply.redirect('/newsroom', 303)
  })

  r.get('/newsroom/forgot', async (request, reply) => {
    const csrf = formToken(request, reply)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Reset your password', path: '/newsroom/forgot',
      children: (
        <form class="nr-form nr-narrow" method="post" action="/newsroom/forgot">
          <input type="hidden" name="_csrf" value={csrf} />
          <p>Enter the email of your newsroom account. If it exists, we will email it a link to choose a new password. The link works once, for {RESET_MINUTES} minutes.</p>
          <div class="nr-field"><label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="username" /></div>
          <div><button class="nr-button" type="submit">Email me a link</button></div>
        </form>
      ),
    })
  })

  r.post('/newsroom/forgot', { schema: { body: Type.Object({ email: Type.String({ maxLength: 320 }), _csrf: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
    checkFormToken(request, request.body._csrf)
    const email = normalizeEmail(request.body.email)
    if (!email) throw new InvalidInput('Please enter a valid email address.')
    const [byAccount, byAddress] = [await hitRateLimit(deps.db, `reset:account:${email}`, 3_600_000), await hitRateLimit(deps.db, `reset:ip:${request.ip}`, 3_600_000)]
    // No lookup and no mail here: the job does both after the answer, so its timing says nothing.
    if (byAccount <= 3 && byAddress <= 20) await enqueuePasswordReset(deps.db, { email, ip: request.ip })
    // The same answer whether or not the account exists, or the request was throttled.
    return sendNewsroomPage(deps, request, reply, {
      title: 'Check your email', path: '/newsroom/forgot',
      children: <p class="nr-narrow">If an account uses that address, we have sent it a link to choose a new password. The link works once, for {RESET_MINUTES} minutes.</p>,
    })
  })

  r.get('/newsroom/reset', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const usable = (await findUsableToken(deps.db, request.query.token, 'reset')) ?? (await findUsableToken(deps.db, request.query.token, 'invite'))
    if (!usable) throw new DomainError('not_found', 'This link has expired or has already been used. Ask for a new one.')
    const csrf = formToken(request, reply)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Choose a new password', path: '/newsroom/reset',
      children: (
        <form class="nr-form nr-narrow" method="post" action={`/newsroom/reset?token=${encodeURIComponent(request.query.token)}`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <PasswordInputs />
          <div><button class="nr-button" type="submit">Save the password</button></div>
        </form>
      ),
    })
  })

  r.post('/newsroom/reset', { schema: { querystring: TokenQuery, body: Type.Object(PasswordFields) } }, async (request, reply) => {
    checkFormToken(request, request.body._csrf)
    const usable = (await findUsableToken(deps.db, request.query.token, 'reset')) ?? (await findUsableToken(deps.db, request.query.token, 'invite'))
    if (!usable?.accountId) throw new DomainError('not_found', 'This link has expired or has already been used. Ask for a new one.')
    const problem = newPasswordProblem(request.body.password, request.body.confirm)
    if (problem) throw new InvalidInput(problem)
    const passwordHash = await hashPassword(request.body.password)
    const accountId = usable.accountId
    await deps.db.transaction().execute(async (trx) => {
      if (!(await useToken(trx, usable.id))) throw new DomainError('conflict', 'This link has just been used.')
      await updateAccount(trx, accountId, { passwordHash })
      // A new password ends every session that may have been opened with the old one.
      await revokeAllSessions(trx, accountId)
      await insertAudit(trx, { accountId, action: 'password-changed', subject: `account:${accountId}`, ip: request.ip })
    })
    return reply.redirect('/newsroom/sign-in?reset=1', 303)
  })

  r.get('/newsroom/sessions', { config: { auth: 'contributor' } }, async (request, reply) => {
    const staff = request.staff
    const sessions = await listLiveSessions(deps.db, staff.account.id)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Your sessions', path: '/newsroom/sessions', staff,
      children: (
        <>
          <p>Every browser signed in to your account. Revoke any you do not recognise.</p>
          <table class="nr-table">
            <thead><tr><th scope="col">Browser</th><th scope="col">Address</th><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.userAgent || 'Unknown'}{s.id === staff.session.id ? ' (this browser)' : ''}</td>
                  <td>{s.ip}</td>
                  <td><Clock iso={s.createdAt} /></td>
                  <td><Clock iso={s.lastSeenAt} /></td>
                  <td>
                    <form class="nr-inline-form" method="post" action="/newsroom/sessions/revoke">
                      <Csrf token={staff.session.csrfToken} />
                      <input type="hidden" name="session" value={s.id} />
                      <button class="nr-button nr-button--quiet" type="submit">Revoke</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    })
  })

  r.post('/newsroom/sessions/revoke', { config: { auth: 'contributor' }, schema: { body: Type.Object({ session: Type.String({ maxLength: 100 }), _csrf: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
    const staff = request.staff
    await revokeSession(deps.db, request.body.session, staff.account.id)
    await insertAudit(deps.db, { accountId: staff.account.id, action: 'session-revoked', subject: `account:${staff.account.id}`, ip: request.ip })
    return reply.redirect(request.body.session === staff.session.id ? '/newsroom/sign-in' : '/newsroom/sessions', 303)
  })

}

/** The new-password and confirmation fields. */
function PasswordInputs() {
  return (
    <>
      <div class="nr-field">
        <label for="password">New password</label>
        <input id="password" name="password" type="password" required minLength={12} autocomplete="new-password" aria-describedby="password-hint" />
        <p id="password-hint" class="nr-hint">At least 12 characters. A few unrelated words make a good one.</p>
      </div>
      <div class="nr-field"><label for="confirm">Repeat the password</label><input id="confirm" name="confirm" type="password" required minLength={12} autocomplete="new-password" /></div>
    </>
  )
}
