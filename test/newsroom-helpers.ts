// Signing in to the newsroom the way a browser does: fetch the form, post it with its
// cookie, keep the session cookie, read the CSRF token from a page.
import assert from 'node:assert/strict'
import type { testApp } from './helpers.js'
import { hashPassword, insertAccount, type Role } from '../src/newsroom/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** A signed-in browser: the cookie header to send and the CSRF token for forms. */
export interface Browser {
  cookie: string
  csrf: string
  email: string
}

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

/** Creates an account with TEST_PASSWORD. */
export async function makeAccount(
  t: TestApp,
  role: Role,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  return insertAccount(t.database.db, { email, name: `Test ${role}`, role, passwordHash: await passwordHash })
}

/** The value of a cookie in a response's set-cookie headers. */
export function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  for (const line of [setCookie ?? []].flat()) {
    const match = line.match(new RegExp(`^${name}=([^;]*)`))
    if (match) return match[1]
  }
  return undefined
}

/** The form token and its cookie from a signed-out form page. */
export async function formSession(t: TestApp, url = '/newsroom/sign-in') {
  const page = await t.app.inject(url)
  const token = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
  const cookie = `newsreel_form=${cookieFrom(page.headers['set-cookie'], 'newsreel_form') ?? token}`
  return { token, cookie }
}

/** Signs in with email and password and returns the browser state. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Browser> {
  const form = await formSession(t)
  const res = await t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: form.token }).toString(),
  })
  const session = cookieFrom(res.headers['set-cookie'], 'newsreel_session')
  if (res.statusCode !== 303 || !session)
    throw new Error(`sign-in failed with ${res.statusCode}: ${res.body.slice(0, 200)}`)
  const cookie = `newsreel_session=${session}`
  const page = await t.app.inject({ url: '/newsroom/sessions', headers: { cookie } })
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
  return { cookie, csrf, email }
}

/** Creates an account of a role and signs it in. */
export async function signInAs(t: TestApp, role: Role): Promise<Browser> {
  const account = await makeAccount(t, role)
  return signIn(t, account.email)
}

/** Posts a form as a signed-in browser (CSRF token included unless told otherwise); a list repeats its field. */
export function postForm(
  t: TestApp,
  browser: Browser | undefined,
  url: string,
  fields: Record<string, string | string[]>,
  options: { csrf?: boolean } = {},
) {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
  if (browser && options.csrf !== false) body.set('_csrf', browser.csrf)
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(browser ? { cookie: browser.cookie } : {}) },
  })
}

/** Requests a public page twice, so it is in the page cache, and returns the cached copy. */
export async function cachedPage(t: TestApp, url: string) {
  await t.app.inject(url)
  const res = await t.app.inject(url)
  assert.equal(res.headers['x-cache'], 'hit', `${url} should be cached`)
  return res
}

/** A public page fetched fresh after a change: it must not come from the cache. */
export async function freshPage(t: TestApp, url: string) {
  const res = await t.app.inject(url)
  assert.equal(res.headers['x-cache'], undefined, `${url} should have been dropped from the cache`)
  return res
}

/** The id a create or save redirected to (`/newsroom/<kind>/<id>?saved=1`). */
export function redirectedId(res: { statusCode: number; headers: Record<string, unknown>; body: string }): number {
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500))
  const id = /\/(\d+)\?saved=1$/.exec(String(res.headers.location))?.[1]
  assert.ok(id, `redirected to ${String(res.headers.location)}`)
  return Number(id)
}
