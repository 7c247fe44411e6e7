// Signed links (previews of unpublished stories, later subscriber links): an HMAC over the
// link's meaning and its expiry, with a key from SECRET_KEY or kept in the data folder.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The signing key: SECRET_KEY when set (needed when several machines serve), else a file made once. */
export function loadSigningKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return Buffer.from(secretKey)
  const file = join(dataDir, 'secret.key')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  return Buffer.from(readFileSync(file, 'utf8').trim())
}

/** Signs `message` valid until `expiresAt` (ms): returns the expiry and signature for a query string. */
export function sign(key: Buffer, message: string, expiresAt: number): { exp: string; sig: string } {
  const exp = String(Math.floor(expiresAt / 1000))
  return { exp, sig: createHmac('sha256', key).update(`${message}|${exp}`).digest('base64url') }
}

/** Whether a signature is genuine and unexpired. */
export function verifySignature(key: Buffer, message: string, exp: string, sig: string): boolean {
  return signatureState(key, message, exp, sig) === 'valid'
}

/** Whether a signature is ours and still in time, ours but past its time, or not ours. */
export function signatureState(key: Buffer, message: string, exp: string, sig: string): 'valid' | 'expired' | 'forged' {
  if (!/^\d{1,12}$/.test(exp)) return 'forged'
  const expected = Buffer.from(createHmac('sha256', key).update(`${message}|${exp}`).digest('base64url'))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  return Number(exp) * 1000 < Date.now() ? 'expired' : 'valid'
}

/**
 * Signs `message` with no expiry, for links that must keep working in an old mail (leaving a
 * newsletter). Such a link grants only what its message names.
 */
export function signLasting(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(`lasting|${message}`).digest('base64url')
}

/** Whether a lasting signature is genuine. */
export function verifyLasting(key: Buffer, message: string, sig: string): boolean {
  const expected = Buffer.from(signLasting(key, message))
  const given = Buffer.from(String(sig))
  return expected.length === given.length && timingSafeEqual(expected, given)
}
