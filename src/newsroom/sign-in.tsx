// Signing in and out, throttled by account and address together (throttle.ts), with answers
// that are the same whether or not an account exists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { parseCookies, serializeCookie } from '../platform/http/cookies.js'
import { normalizeEmail } from '../platform/email.js'
import { DUMMY_HASH, verifyPassword } from './passwords.js'
import { findAccountForSignIn, insertAudit } from './store.js'
import { beginSignIn, humanWait, signInSucceeded, type Verdict } from './throttle.js'
import { newToken, sameSecret } from './tokens.js'
import type { NewsroomDeps } from './deps.js'
import { sendNewsroomPage } from './send-page.js'
import { SignInPage } from './views/sign-in-page.js'

/** Before a session exists, forms carry a token matching this cookie (double submit). */
export const FORM_COOKIE = 'newsreel_form'

const SignInBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1024 }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.String({ maxLength: 200 }),
})

/** The form token for pages shown before sign-in: reuses the cookie's or sets a new one. */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = parseCookies(request.headers.cookie)[FORM_COOKIE]
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing
  const token = newToken()
  reply.header(
    'set-cookie',
    serializeCookie(FORM_COOKIE, token, { secure: request.protocol === 'https', sameSite: 'Strict' }),
  )
  return token
}

/** Refuses a signed-out form whose token does not match its cookie. */
export function checkFormToken(request: FastifyRequest, sent: string): void {
  const cookie = parseCookies(request.headers.cookie)[FORM_COOKIE]
  if (!cookie || !sameSecret(cookie, sent))
    throw new DomainError('forbidden', 'This form has expired. Reload the page and try again.')
}

/** What a throttled attempt is told; the same whether or not the account exists. */
function throttledMessage(verdict: Verdict & { allowed: false }): string {
  const wait = humanWait(verdict.retryAfterMs)
  if (verdict.reason === 'account')
    return `This account has had many failed sign-ins recently, so each sign-in waits a moment. Wait ${wait}, then sign in again.`
  if (verdict.reason === 'address') return `Too many sign-in attempts from your network. Wait ${wait} and try again.`
  return `Too many sign-in attempts. Wait ${wait} and try again, or reset your password.`
}

/** Only newsroom addresses are followed after sign-in, never another site. */
function safeNext(next: string | undefined): string {
  return next && /^\/newsroom(\/|$|\?)/.test(next) && !next.includes('//') && !next.includes('\\') ? next : '/newsroom'
}

/** What the sign-in form may be shown with: a problem, the address typed, where to go next, a notice. */
interface SignInFormOptions {
  error?: string | undefined
  email?: string | undefined
  next?: string | undefined
  status?: number | undefined
  notice?: string | undefined
}

/** Sends the sign-in page, with a fresh or reused form token and only a newsroom address to go on to. */
function sendSignInForm(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, options: SignInFormOptions) {
  return sendNewsroomPage(deps, request, reply, {
    title: 'Sign in',
    path: '/newsroom/sign-in',
    status: options.status,
    children: (
      <SignInPage
        csrf={formToken(request, reply)}
        next={safeNext(options.next)}
        email={options.email}
        error={options.error}
        notice={options.notice}
      />
    ),
  })
}

export function registerSignInRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/sign-in',
    {
      schema: {
        querystring: Type.Object({
          next: Type.Optional(Type.String({ maxLength: 2000 })),
          reset: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const staff = await deps.auth.staffOf(request)
      if (staff) return reply.redirect(safeNext(request.query.next), 303)
      return sendSignInForm(deps, request, reply, {
        next: request.query.next,
        notice: request.query.reset ? 'Your password has been changed. Sign in with the new one.' : undefined,
      })
    },
  )

  r.post('/newsroom/sign-in', { schema: { body: SignInBody } }, async (request, reply) => {
    checkFormToken(request, request.body._csrf)
    const email = normalizeEmail(request.body.email) ?? request.body.email.trim().toLowerCase().slice(0, 320)
    const ticket = await beginSignIn(deps.db, { email, ip: request.ip })
    if (!ticket.allowed) {
      await insertAudit(deps.db, {
        accountId: null,
        action: 'sign-in-throttled',
        subject: `email:${email}`,
        detail: { reason: ticket.reason },
        ip: request.ip,
      })
      reply.header('retry-after', String(Math.ceil(ticket.retryAfterMs / 1000)))
      return sendSignInForm(deps, request, reply, {
        error: throttledMessage(ticket),
        email: request.body.email,
        next: request.body.next,
        status: 429,
      })
    }
    const found = await findAccountForSignIn(deps.db, email)
    // Always spend the time of a real check, so the answer's timing says nothing about the address.
    const matches = await verifyPassword(request.body.password, found?.passwordHash ?? DUMMY_HASH)
    if (!found || !matches || !found.account.active || !found.passwordHash) {
      await insertAudit(deps.db, {
        accountId: found?.account.id ?? null,
        action: 'sign-in-failed',
        subject: `email:${email}`,
        ip: request.ip,
      })
      return sendSignInForm(deps, request, reply, {
        error: 'That email and password do not match an active account.',
        email: request.body.email,
        next: request.body.next,
        status: 401,
      })
    }
    await signInSucceeded(deps.db, ticket)
    await deps.auth.signIn(request, reply, found.account)
    return reply.redirect(safeNext(request.body.next), 303)
  })

  r.post('/newsroom/sign-out', { config: { auth: 'contributor' } }, async (request, reply) => {
    await deps.auth.signOut(request, reply)
    return reply.redirect('/newsroom/sign-in', 303)
  })
}
