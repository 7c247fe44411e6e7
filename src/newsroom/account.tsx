// A staff member's own account: the first admin's set-up, password reset by emailed link,
// and the list of signed-in sessions with revoke. (The dashboard is src/dashboard.)
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError, InvalidInput } from '../platform/errors.js'
import { normalizeEmail } from '../platform/email.js'
import { actorOf } from './acting.js'
import {
  PASSWORD_LINK_GONE,
  requestPasswordReset,
  resetPassword,
  revokeOwnSession,
  SETUP_LINK_GONE,
  setUpFirstAdmin,
} from './actions.js'
import { passwordProblem } from './passwords.js'
import { listLiveSessions } from './session-store.js'
import { RESET_MINUTES, usablePasswordToken, usableSetupToken } from './password-reset.js'
import { checkFormToken, formToken } from './sign-in.js'
import type { NewsroomDeps } from './deps.js'
import { sendNewsroomPage } from './send-page.js'
import { ForgotPage, ForgotSentPage, ResetPage, SetupPage } from './views/password-pages.js'
import { SessionsPage } from './views/sessions-page.js'

const TokenQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) })
const PasswordFields = {
  password: Type.String({ maxLength: 1024 }),
  confirm: Type.String({ maxLength: 1024 }),
  _csrf: Type.String({ maxLength: 200 }),
}

/** Checks a new password and its confirmation; refuses with the problem (400). */
function checkNewPassword(password: string, confirm: string): void {
  const problem = passwordProblem(password) ?? (password !== confirm ? 'The two passwords do not match.' : undefined)
  if (problem) throw new InvalidInput(problem)
}

/** /newsroom/setup: the first admin's account, from the one-time set-up link. */
export function registerSetupRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/setup', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    if (!(await usableSetupToken(deps.db, request.query.token))) throw new DomainError('not_found', SETUP_LINK_GONE)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Set up the first admin account',
      path: '/newsroom/setup',
      children: <SetupPage token={request.query.token} csrf={formToken(request, reply)} />,
    })
  })

  r.post(
    '/newsroom/setup',
    {
      schema: {
        querystring: TokenQuery,
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          email: Type.String({ maxLength: 320 }),
          ...PasswordFields,
        }),
      },
    },
    async (request, reply) => {
      checkFormToken(request, request.body._csrf)
      const { name, password, confirm } = request.body
      const email = normalizeEmail(request.body.email)
      if (!email) throw new InvalidInput('Please enter a valid email address.')
      checkNewPassword(password, confirm)
      const account = await setUpFirstAdmin(deps, request.ip, {
        token: request.query.token,
        name: name.trim(),
        email,
        password,
      })
      await deps.auth.signIn(request, reply, account)
      return reply.redirect('/newsroom', 303)
    },
  )
}

/** /newsroom/forgot and /newsroom/reset: asking for a reset link, and choosing the new password. */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/forgot', async (request, reply) => {
    return sendNewsroomPage(deps, request, reply, {
      title: 'Reset your password',
      path: '/newsroom/forgot',
      children: <ForgotPage csrf={formToken(request, reply)} minutes={RESET_MINUTES} />,
    })
  })

  r.post(
    '/newsroom/forgot',
    {
      schema: { body: Type.Object({ email: Type.String({ maxLength: 320 }), _csrf: Type.String({ maxLength: 200 }) }) },
    },
    async (request, reply) => {
      checkFormToken(request, request.body._csrf)
      const email = normalizeEmail(request.body.email)
      if (!email) throw new InvalidInput('Please enter a valid email address.')
      await requestPasswordReset(deps.db, { email, ip: request.ip })
      // The same answer whether or not the account exists, or the request was throttled.
      return sendNewsroomPage(deps, request, reply, {
        title: 'Check your email',
        path: '/newsroom/forgot',
        children: <ForgotSentPage minutes={RESET_MINUTES} />,
      })
    },
  )

  r.get('/newsroom/reset', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    if (!(await usablePasswordToken(deps.db, request.query.token)))
      throw new DomainError('not_found', PASSWORD_LINK_GONE)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Choose a new password',
      path: '/newsroom/reset',
      children: <ResetPage token={request.query.token} csrf={formToken(request, reply)} />,
    })
  })

  r.post(
    '/newsroom/reset',
    { schema: { querystring: TokenQuery, body: Type.Object(PasswordFields) } },
    async (request, reply) => {
      checkFormToken(request, request.body._csrf)
      checkNewPassword(request.body.password, request.body.confirm)
      await resetPassword(deps, request.ip, { token: request.query.token, password: request.body.password })
      return reply.redirect('/newsroom/sign-in?reset=1', 303)
    },
  )
}

/** /newsroom/sessions: the signed-in person's own browsers, each revocable. */
export function registerSessionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/sessions', { config: { auth: 'contributor' } }, async (request, reply) => {
    const staff = request.staff
    return sendNewsroomPage(deps, request, reply, {
      title: 'Your sessions',
      path: '/newsroom/sessions',
      staff,
      children: (
        <SessionsPage
          sessions={await listLiveSessions(deps.db, staff.account.id)}
          currentId={staff.session.id}
          csrf={staff.session.csrfToken}
        />
      ),
    })
  })

  r.post(
    '/newsroom/sessions/revoke',
    {
      config: { auth: 'contributor' },
      schema: {
        body: Type.Object({ session: Type.String({ maxLength: 100 }), _csrf: Type.String({ maxLength: 200 }) }),
      },
    },
    async (request, reply) => {
      await revokeOwnSession(deps, actorOf(request), request.body.session)
      return reply.redirect(
        request.body.session === request.staff.session.id ? '/newsroom/sign-in' : '/newsroom/sessions',
        303,
      )
    },
  )
}
