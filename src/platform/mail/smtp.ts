// The SMTP side: turning SMTP_URL into pooled-transport options, and turning nodemailer's
// failures into errors that are safe to log. SMTP_URL holds a password; nothing here repeats it.
import type { SMTPPoolOptions } from 'nodemailer'

/** A failed SMTP delivery. The message never holds the credentials of the SMTP URL. */
export class MailDeliveryError extends Error {
  /** nodemailer's code, such as `EAUTH`, `ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`. */
  readonly code: string | undefined
  /** The server's reply code, when it answered. */
  readonly responseCode: number | undefined
  /** True when sending the same message again would be refused again (a 5xx reply); a job should not retry. */
  readonly permanent: boolean
  /**
   * True when the connection failed after the message itself was sent and before the server
   * answered: it may have been delivered, so sending it again could deliver it twice.
   */
  readonly ambiguous: boolean
  constructor(message: string, details: { code: string | undefined; responseCode: number | undefined; permanent: boolean; ambiguous?: boolean }) {
    super(message)
    this.name = 'MailDeliveryError'
    this.code = details.code
    this.responseCode = details.responseCode
    this.permanent = details.permanent
    this.ambiguous = details.ambiguous ?? false
  }
}

/** Pooled SMTP options from `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://` (TLS from the start). */
export function smtpOptionsFromUrl(smtpUrl: string): SMTPPoolOptions & { pool: true } {
  let url: URL
  try {
    url = new URL(smtpUrl)
  } catch {
    throw new Error('The SMTP URL is not a valid URL (expected smtp://user:pass@host:587 or smtps://...:465).')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('The SMTP URL must start with smtp:// or smtps://.')
  }
  const secure = url.protocol === 'smtps:'
  return {
    pool: true,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    // A few connections reused across messages: newsletters send thousands, and relays
    // throttle clients that open a connection per message.
    maxConnections: 3,
    maxMessages: 100,
    // Fail within seconds rather than hang a job on a dead relay; the job retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    dnsTimeout: 10_000,
    socketTimeout: 60_000,
    // nodemailer's own logging could print the AUTH exchange; Newsreel logs outcomes itself.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/**
 * Rebuilds a nodemailer error as a MailDeliveryError with the credentials removed from its
 * message. Only the code and reply code are copied: the original (with its `command` and
 * `response` fields) is dropped rather than kept as `cause`, because loggers print causes.
 */
export function safeDeliveryError(error: unknown, smtpUrl: string): MailDeliveryError {
  const source = (error ?? {}) as { message?: unknown; code?: unknown; responseCode?: unknown; permanent?: unknown; command?: unknown }
  const code = typeof source.code === 'string' ? source.code : undefined
  const responseCode = typeof source.responseCode === 'number' ? source.responseCode : undefined
  const permanent = typeof source.permanent === 'boolean' ? source.permanent : responseCode !== undefined && responseCode >= 500
  const message = typeof source.message === 'string' ? scrub(source.message, secretsOf(smtpUrl)) : 'unknown error'
  // No reply to the end of DATA: the message went out, and nobody knows whether it was taken.
  const ambiguous = responseCode === undefined && source.command === 'DATA'
  return new MailDeliveryError(`Sending mail over SMTP failed: ${message}`, { code, responseCode, permanent, ambiguous })
}

// Every spelling in which the password could reach a message: as written in the URL, decoded,
// and inside the base64 of an AUTH PLAIN or AUTH LOGIN exchange.
function secretsOf(smtpUrl: string): string[] {
  let user = ''
  let pass = ''
  try {
    const url = new URL(smtpUrl)
    user = url.username
    pass = url.password
  } catch {
    return [smtpUrl]
  }
  if (!pass) return [smtpUrl]
  const plainPass = safeDecode(pass)
  const plainUser = safeDecode(user)
  return [
    smtpUrl,
    pass,
    plainPass,
    Buffer.from(plainPass).toString('base64'),
    Buffer.from(`\0${plainUser}\0${plainPass}`).toString('base64'),
  ].filter((secret) => secret.length > 0)
}

function scrub(text: string, secrets: string[]): string {
  // Longest first, so a URL is removed whole before the password inside it.
  return [...secrets].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join('***'), text)
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
