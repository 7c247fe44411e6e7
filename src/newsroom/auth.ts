// Who is signed in, and whether they may do what they ask. Route facts are data: a route
// says `config: { auth: 'editor' }` and this one hook enforces it, CSRF included.
import 'fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/index.js'
import { DomainError } from '../platform/errors.js'
import { parseCookies, serializeCookie } from '../platform/http/cookies.js'
import type { Role } from './schema.js'
import { ROLES } from './schema.js'
import { findLiveSession, insertSession, revokeSession, touchSession, type Session } from './session-store.js'
import { insertAudit, updateAccount, type Account } from './store.js'
import { hashToken, newToken, sameSecret } from './tokens.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role that may use this route; unset means public. */
    auth?: Role
  }
  interface FastifyRequest {
    /**
     * The signed-in staff member. The guard loads it on every route with `config.auth`, so a
     * handler there reads it as it is; read anywhere else it answers 401.
     */
    readonly staff: Staff
  }
}

/** The session cookie over plain HTTP (a laptop, tests). */
export const SESSION_COOKIE = 'newsreel_session'
/**
 * The session cookie over HTTPS. Browsers accept a `__Host-` cookie only with Secure, Path=/
 * and no Domain, so a sibling subdomain or a plain-HTTP page cannot plant or shadow it.
 */
export const SECURE_SESSION_COOKIE = '__Host-newsreel_session'
/** A session ends after this long unused (each use pushes it back), and never outlives its absolute lifetime. */
const IDLE_DAYS = 14
const DAY_MS = 86_400_000
const TOUCH_EVERY_MS = 5 * 60_000

/** The signed-in staff member behind a request. */
export interface Staff {
  account: Account
  session: Session
}

/** Whether `role` includes everything `needed` may do. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed)
}

const staffByRequest = new WeakMap<FastifyRequest, Staff | null>()

/** Whether the request came over HTTPS, decided as for Secure cookies and HSTS (behind TRUST_PROXY, the proxy says). */
function overHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https'
}

/** The session cookie's name for this request's scheme. */
export function sessionCookieName(request: FastifyRequest): string {
  return overHttps(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE
}

/** How sessions last. */
export interface AuthOptions {
  /** The absolute lifetime of a session in days, however active (SESSION_MAX_DAYS); default 30. */
  sessionMaxDays?: number
}

/** The newsroom's authentication: sessions, sign-in, sign-out and the route guard. */
export function createAuth(db: Db, options: AuthOptions = {}) {
  const maxMs = (options.sessionMaxDays ?? 30) * DAY_MS

  /** Idle expiry from now, never past the session's absolute end. */
  function sessionExpiry(createdAt: number): string {
    return new Date(Math.min(Date.now() + IDLE_DAYS * DAY_MS, createdAt + maxMs)).toISOString()
  }

  /** The signed-in staff member, loaded once per request. */
  async function staffOf(request: FastifyRequest): Promise<Staff | undefined> {
    if (staffByRequest.has(request)) return staffByRequest.get(request) ?? undefined
    const token = parseCookies(request.headers.cookie)[sessionCookieName(request)]
    const found =
      token && token.length < 100
        ? await findLiveSession(db, token, new Date(Date.now() - maxMs).toISOString())
        : undefined
    if (found && Date.now() - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS)
      await touchSession(db, found.session.id, sessionExpiry(Date.parse(found.session.createdAt)))
    staffByRequest.set(request, found ?? null)
    return found
  }

  /** preHandler: enforces `config.auth` and, for changes, the session's CSRF token. */
  async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const needed = request.routeOptions.config.auth
    if (!needed) return
    const staff = await staffOf(request)
    if (!staff) {
      if (request.method === 'GET' && !request.url.startsWith('/newsroom/api/')) {
        return reply.redirect(`/newsroom/sign-in?next=${encodeURIComponent(request.url)}`, 303) as unknown as undefined
      }
      throw new DomainError('unauthorized', 'Please sign in to the newsroom first.')
    }
    if (!hasRole(staff.account.role, needed))
      throw new DomainError('forbidden', `This needs the ${needed} role; your account is ${staff.account.role}.`)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = request.body as Record<string, unknown> | undefined
      const sent = request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined)
      if (typeof sent !== 'string' || !sameSecret(sent, staff.session.csrfToken)) {
        throw new DomainError(
          'forbidden',
          'This form has expired or did not come from the newsroom. Reload the page and try again.',
        )
      }
    }
  }

  /** Starts a fresh session (a new token each sign-in) and sets its cookie. */
  async function signIn(request: FastifyRequest, reply: FastifyReply, account: Account): Promise<void> {
    const name = sessionCookieName(request)
    const old = parseCookies(request.headers.cookie)[name]
    if (old) await revokeSession(db, hashToken(old))
    const token = newToken()
    await insertSession(db, {
      token,
      accountId: account.id,
      csrfToken: newToken(),
      expiresAt: sessionExpiry(Date.now()),
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
    })
    await updateAccount(db, account.id, { signedIn: true })
    await insertAudit(db, {
      accountId: account.id,
      action: 'sign-in',
      subject: `account:${account.id}`,
      ip: request.ip,
    })
    // The cookie may live as long as the session could; the database ends it sooner when idle.
    reply.header(
      'set-cookie',
      serializeCookie(name, token, { secure: overHttps(request), maxAgeSeconds: maxMs / 1000 }),
    )
    staffByRequest.delete(request)
  }

  /** Ends the current session and clears its cookie. */
  async function signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const staff = await staffOf(request)
    if (staff) {
      await revokeSession(db, staff.session.id)
      await insertAudit(db, {
        accountId: staff.account.id,
        action: 'sign-out',
        subject: `account:${staff.account.id}`,
        ip: request.ip,
      })
    }
    reply.header(
      'set-cookie',
      serializeCookie(sessionCookieName(request), '', { secure: overHttps(request), maxAgeSeconds: 0 }),
    )
  }

  return { staffOf, guard, signIn, signOut }
}

export type Auth = ReturnType<typeof createAuth>

/**
 * Makes `request.staff` the staff member the guard found. A getter over the guard's per-request
 * record rather than a field set in a hook: Fastify keeps request shapes stable when a decoration
 * is declared once, and a route without `config.auth` gets a clear 401 instead of `undefined`.
 */
export function decorateStaff(app: FastifyInstance): void {
  app.decorateRequest('staff', {
    getter(this: FastifyRequest): Staff {
      const staff = staffByRequest.get(this)
      if (!staff) throw new DomainError('unauthorized', 'Please sign in to the newsroom first.')
      return staff
    },
  })
}
