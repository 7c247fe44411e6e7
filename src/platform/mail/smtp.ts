// The SMTP side: turning SMTP_URL into pooled-transport options, and turning nodemailer's
// failures into errors that are safe to log. SMTP_URL holds a password; nothing here repeats it.
import type { SMTPPoolOptions } from 'nodemailer'

/**
 * Whose fault a failed delivery is. `transport`: the relay could not be reached or would not take
 * mail at all (refused or timed-out connections, a bad greeting or sign-in, a 421, a refused
 * sender): every message would fail the same way, so a bulk sender waits and tries again rather
 * than blaming the recipient. `recipient`: the relay answered for this one message (its RCPT TO
 * or its DATA), so the answer is about this address or this message.
 */
export type MailFault = 'transport' | 'recipient'

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
  /** The relay's fault or this recipient's; see MailFault. */
  readonly fault: MailFault
  constructor(
    message: string,
    details: {
      code: string | undefined
      responseCode: number | undefined
      permanent: boolean
      ambiguous?: boolean
      fault?: MailFault
    },
  ) {
    super(message)
    this.name = 'MailDeliveryError'
    this.code = details.code
    this.responseCode = details.responseCode
    this.permanent = details.permanent
    this.ambiguous = details.ambiguous ?? false
    this.fault = details.fault ?? 'transport'
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
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
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
  const source = (error ?? {}) as NodemailerFailure & { message?: unknown; permanent?: unknown }
  const code = typeof source.code === 'string' ? source.code : undefined
  const responseCode = typeof source.responseCode === 'number' ? source.responseCode : undefined
  const permanent =
    typeof source.permanent === 'boolean' ? source.permanent : responseCode !== undefined && responseCode >= 500
  const message = typeof source.message === 'string' ? scrub(source.message, secretsOf(smtpUrl)) : 'unknown error'
  const { fault, ambiguous } = classifyFailure(source)
  return new MailDeliveryError(`Sending mail over SMTP failed: ${message}`, {
    code,
    responseCode,
    permanent,
    ambiguous,
    fault,
  })
}

/** The fields of a nodemailer error that say where the exchange broke. */
export interface NodemailerFailure {
  code?: unknown
  /** The errno behind a connection failure (ECONNREFUSED, ENOTFOUND, ...). */
  originalCode?: unknown
  responseCode?: unknown
  /** The SMTP command in flight: `CONN`, `MAIL FROM`, `RCPT TO`, `DATA`, `AUTH PLAIN`... */
  command?: unknown
  /** Which timer ran out: `CONNECTION_TIMEOUT`, `GREETING_TIMEOUT`, `SOCKET_TIMEOUT`... */
  timeoutType?: unknown
  message?: unknown
}

// Failures of setting a connection up: no message was on it yet.
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ENETDOWN',
])
const SETUP_TIMEOUTS = new Set(['CONNECTION_TIMEOUT', 'GREETING_TIMEOUT', 'DNS_TIMEOUT'])
// Codes of a connection that broke (or went silent) once it was up: a message may have been on it.
const BROKEN = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT'])

/**
 * Whose fault a nodemailer failure is, and whether the message may have arrived anyway.
 * Only a reply to this message's RCPT TO or DATA is the recipient's; a 421 (the relay closing),
 * anything before the envelope (greeting, EHLO, AUTH, TLS) and a refused sender are the relay's.
 * Without a reply, a connection that could not be made sent nothing; one that broke once up
 * may have broken after the message went out and before the relay said so: that is ambiguous.
 */
export function classifyFailure(failure: NodemailerFailure): { fault: MailFault; ambiguous: boolean } {
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined
  const command = typeof failure.command === 'string' ? failure.command : ''
  if (responseCode !== undefined) {
    // A negative reply: the relay did not take the message, so it never arrived.
    const aboutThisMessage = command === 'RCPT TO' || command === 'DATA'
    return { fault: responseCode !== 421 && aboutThisMessage ? 'recipient' : 'transport', ambiguous: false }
  }
  const code = typeof failure.code === 'string' ? failure.code : ''
  // nodemailer's own checks of the envelope or message (an address it cannot send to).
  if ((code === 'EENVELOPE' || code === 'EMESSAGE') && command === 'API')
    return { fault: 'recipient', ambiguous: false }
  if (!BROKEN.has(code)) return { fault: 'transport', ambiguous: false }
  const neverConnected =
    NOT_CONNECTED.has(String(failure.originalCode ?? '')) ||
    SETUP_TIMEOUTS.has(String(failure.timeoutType ?? '')) ||
    // The pool gave up on a message it re-queued because not a byte of it had been sent.
    (typeof failure.message === 'string' && failure.message.startsWith('Reached maximum number of retries'))
  return { fault: 'transport', ambiguous: !neverConnected }
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
  ].filter(secret => secret.length > 0)
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
