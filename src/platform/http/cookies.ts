// Reading and writing cookies: small enough to own, and it keeps us off a dependency that
// wants a newer Node.

/** The request's cookies by name; malformed pairs are skipped, later duplicates ignored. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!name || name in cookies) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      cookies[name] = decodeURIComponent(value)
    } catch {
      // A value that is not valid percent-encoding is not ours.
    }
  }
  return cookies
}

export interface CookieOptions {
  maxAgeSeconds?: number
  secure: boolean
  httpOnly?: boolean
  sameSite?: 'Lax' | 'Strict'
  path?: string
}

/** A Set-Cookie value. A max age of 0 deletes the cookie. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    `SameSite=${options.sameSite ?? 'Lax'}`,
  ]
  if (options.httpOnly !== false) parts.push('HttpOnly')
  if (options.secure) parts.push('Secure')
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  return parts.join('; ')
}
