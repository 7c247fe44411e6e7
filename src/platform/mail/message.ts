// What a caller hands the mailer, and the checks that make header injection impossible: every
// value that ends up in a header is refused if it holds a line break or another control character,
// rather than cleaned, so a bug upstream shows up as an error instead of a silently altered mail.
import { randomUUID } from 'node:crypto'
import { domainToASCII } from 'node:url'
import addressparser from 'nodemailer/lib/addressparser'
import type { SendMailOptions } from 'nodemailer'
import { InvalidInput } from '../errors.js'

/** One message to one person. */
export interface OutgoingMail {
  /** One address, optionally with a name: `a@example.org` or `Ada <a@example.org>`. */
  to: string
  subject: string
  text: string
  html?: string
  /** Extra headers such as `List-Unsubscribe` or `Reply-To`; the structural ones are refused. */
  headers?: Record<string, string>
  /** A stable `<id@host>` the caller chooses, e.g. so a resent newsletter keeps its identity. */
  messageId?: string
}

// Headers the mailer itself owns: letting a caller set them would change who receives the
// message or how it is parsed.
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
])

// Any C0 control character or DEL; a tab is allowed in free text (it is folding whitespace).
const CONTROL = /[\x00-\x1f\x7f]/
const CONTROL_BUT_TAB = /[\x00-\x08\x0a-\x1f\x7f]/
// A dot-atom local part and domain (RFC 5322 atext), which is all a generated or sensible id needs.
const MESSAGE_ID = /^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+>$/
const ADDRESS = /^[^\s@<>(),;:\\"[\]]+@[^\s@<>(),;:\\"[\]]+$/
// RFC 5322 field-name: printable ASCII except the colon.
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/

/** The one mailbox in `value`, or undefined when it is not exactly one plain address. */
export function parseMailbox(value: string): { name: string; address: string } | undefined {
  if (typeof value !== 'string' || CONTROL.test(value) || value.length > 320) return undefined
  const parsed = addressparser(value)
  const only = parsed[0]
  if (parsed.length !== 1 || !only || only.group || !ADDRESS.test(only.address)) return undefined
  // addressparser reads `a@x.org b@y.org` as one address named "b@y.org"; that is two addresses.
  if (only.name.includes('@')) return undefined
  return { name: only.name, address: only.address }
}

/** Throws InvalidInput naming the first problem that could inject headers or misroute the mail. */
export function checkOutgoingMail(mail: OutgoingMail): void {
  if (!mail || typeof mail !== 'object') throw new InvalidInput('A mail needs to, subject and text.')
  if (!parseMailbox(mail.to)) {
    throw new InvalidInput('The recipient must be exactly one email address, without line breaks.')
  }
  if (typeof mail.subject !== 'string' || CONTROL_BUT_TAB.test(mail.subject)) {
    throw new InvalidInput('The subject must be text without line breaks or control characters.')
  }
  if (typeof mail.text !== 'string') throw new InvalidInput('A mail needs a plain-text body.')
  if (mail.html !== undefined && typeof mail.html !== 'string') throw new InvalidInput('The HTML body must be text.')
  if (mail.messageId !== undefined && (typeof mail.messageId !== 'string' || !isMessageId(mail.messageId))) {
    throw new InvalidInput('A Message-ID must look like <unique-part@host>.')
  }
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new InvalidInput(`“${printable(name)}” is not a valid header name.`)
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw new InvalidInput(`The mailer sets the ${name} header itself.`)
    if (typeof value !== 'string' || CONTROL_BUT_TAB.test(value)) {
      throw new InvalidInput(`The ${name} header must be text without line breaks or control characters.`)
    }
  }
}

/** True for a Message-ID of the form `<local@host>`. */
export function isMessageId(value: string): boolean {
  return value.length <= 250 && MESSAGE_ID.test(value)
}

/** A fresh, globally unique Message-ID on the sender's own domain, as RFC 5322 recommends. */
export function newMessageId(fromAddress: string): string {
  const domain = domainToASCII(fromAddress.slice(fromAddress.lastIndexOf('@') + 1)).toLowerCase()
  return `<${randomUUID()}@${/^[a-z0-9.-]+$/.test(domain) ? domain : 'localhost'}>`
}

/** The nodemailer message for a checked mail; `from` and `messageId` are already settled. */
export function toSendOptions(mail: OutgoingMail, from: string, messageId: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    ...(mail.headers ? { headers: { ...mail.headers } } : {}),
    messageId,
  }
}

// Names in error messages are shown without their control characters.
function printable(value: string): string {
  return value.replace(/[\x00-\x1f\x7f]/g, '?').slice(0, 60)
}
