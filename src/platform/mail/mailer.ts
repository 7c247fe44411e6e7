// The one way Newsreel sends mail. With an SMTP URL messages go to the relay over pooled
// connections; without one they are written, complete, to the outbox folder as .eml files.
import type { SendMailOptions, Transporter } from 'nodemailer'
import { checkOutgoingMail, newMessageId, parseMailbox, toSendOptions } from './message.js'
import type { OutgoingMail } from './message.js'
import { writeOutboxMessage } from './outbox.js'
import { composeMessage } from './compose.js'
import { safeDeliveryError, smtpOptionsFromUrl } from './smtp.js'

/** What happened to a sent message. */
export interface SentMail {
  /** The Message-ID header, angle brackets included. */
  messageId: string
  transport: 'smtp' | 'file'
  /** The full path of the .eml file, when the message was written to the outbox. */
  file?: string
}

/** Sends mail; create one per process and close it on shutdown. */
export interface Mailer {
  /** Sends one message, or throws InvalidInput (bad input, nothing sent) or MailDeliveryError (SMTP refused or failed). */
  send(mail: OutgoingMail): Promise<SentMail>
  /**
   * Sends one of many near-identical messages (a newsletter): the same checks, but composed by
   * our own quick composer, with the caller's stable Message-ID.
   */
  sendBulk(mail: OutgoingMail & { messageId: string }): Promise<SentMail>
  /** Closes pooled SMTP connections; later sends are refused. */
  close(): Promise<void>
  readonly transport: 'smtp' | 'file'
}

/** Settings for createMailer; plain values, so tests and scripts need no full Config. */
export interface MailerOptions {
  /** smtp(s)://user:pass@host:port; without it, mail is written to `outboxDir`. */
  smtpUrl?: string | undefined
  /** The From header, e.g. `Newsroom <newsroom@example.org>`. */
  from: string
  /**
   * The sender's name, asked at each send (the site's name as the newsroom set it), for a `from`
   * that names no one, as the default MAIL_FROM does; a `from` with a name keeps its own.
   */
  senderName?: () => Promise<string>
  /** Where .eml files go without SMTP, e.g. `dataDir/mail`. */
  outboxDir: string
  /** Pooled SMTP connections (default 3); a newsletter sender keeps one message in flight on each. */
  maxConnections?: number
}

/** A mailer for SMTP when `smtpUrl` is set, else for the outbox folder. Throws if `from` is not one address. */
export function createMailer(options: MailerOptions): Mailer {
  const sender = parseMailbox(options.from)
  if (!sender) throw new Error('The mail From address must be one address, such as "Newsroom <newsroom@example.org>".')
  const fromAddress = sender.address
  const fromHeader = async (): Promise<string> => {
    if (sender.name || !options.senderName) return options.from
    // Quotes, backslashes and control characters cannot break out of the quoted name.
    const name = (await options.senderName().catch(() => ''))
      .replace(/["\\\x00-\x1f\x7f]/g, '')
      .trim()
      .slice(0, 100)
    const from = `"${name}" <${fromAddress}>`
    return name && parseMailbox(from) ? from : options.from
  }
  const channel = options.smtpUrl
    ? smtpChannel(options.smtpUrl, options.maxConnections)
    : fileChannel(options.outboxDir)
  let closed = false
  return {
    transport: channel.transport,
    async send(mail) {
      if (closed) throw new Error('The mailer is closed.')
      checkOutgoingMail(mail)
      // Settled here rather than by nodemailer, so the caller learns the id whichever way the mail goes.
      const messageId = mail.messageId ?? newMessageId(fromAddress)
      return channel.deliver(toSendOptions(mail, await fromHeader(), messageId), messageId)
    },
    async sendBulk(mail) {
      if (closed) throw new Error('The mailer is closed.')
      checkOutgoingMail(mail)
      const to = parseMailbox(mail.to)!.address
      return channel.deliverRaw({ from: fromAddress, to }, composeMessage(await fromHeader(), mail), mail.messageId)
    },
    async close() {
      if (closed) return
      closed = true
      channel.close()
    },
  }
}

/** One way out: the relay or the folder. */
interface Channel {
  readonly transport: 'smtp' | 'file'
  deliver(message: SendMailOptions, messageId: string): Promise<SentMail>
  /** Sends a message already composed, to the envelope's one recipient. */
  deliverRaw(envelope: { from: string; to: string }, raw: Buffer, messageId: string): Promise<SentMail>
  close(): void
}

function smtpChannel(smtpUrl: string, maxConnections?: number): Channel {
  // Read now, so a bad SMTP_URL stops the start rather than the first send.
  const options = { ...smtpOptionsFromUrl(smtpUrl), ...(maxConnections ? { maxConnections } : {}) }
  const pool = lazyTransport(nodemailer => {
    const transporter = nodemailer.createTransport(options)
    // A broken pooled connection is reported through the failing send; without a listener the
    // same event would crash the process instead.
    transporter.on('error', () => {})
    return transporter
  })
  const send = async (message: SendMailOptions) => {
    try {
      await (await pool.get()).sendMail(message)
    } catch (error) {
      throw safeDeliveryError(error, smtpUrl)
    }
  }
  return {
    transport: 'smtp',
    async deliver(message, messageId) {
      await send(message)
      return { messageId, transport: 'smtp' }
    },
    async deliverRaw(envelope, raw, messageId) {
      await send({ envelope: { from: envelope.from, to: [envelope.to] }, raw })
      return { messageId, transport: 'smtp' }
    },
    close: pool.close,
  }
}

function fileChannel(outboxDir: string): Channel {
  // CRLF line ends: the file is the exact RFC 5322 message an SMTP relay would have received.
  const composer = lazyTransport(nodemailer =>
    nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
      disableFileAccess: true,
      disableUrlAccess: true,
    }),
  )
  let lastWrite = 0
  const write = async (message: Buffer, messageId: string): Promise<SentMail> => {
    // Distinct, increasing instants keep two mails sent in one millisecond in order in the listing.
    lastWrite = Math.max(Date.now(), lastWrite + 1)
    const file = await writeOutboxMessage(outboxDir, message, new Date(lastWrite))
    return { messageId, transport: 'file', file }
  }
  return {
    transport: 'file',
    async deliver(message, messageId) {
      const info = await (await composer.get()).sendMail(message)
      if (!Buffer.isBuffer(info.message)) throw new Error('The mail composer returned no message bytes.')
      return write(info.message, messageId)
    },
    deliverRaw: (_envelope, raw, messageId) => write(raw, messageId),
    close: composer.close,
  }
}

type Nodemailer = typeof import('nodemailer')['default']

/**
 * A nodemailer transport made at the first message. nodemailer is imported then, not when the
 * process starts: most processes send no mail for hours, and its forty modules are about 3 MB of
 * heap (issue 15). A newsletter's own mails (bulk) are composed by compose.ts and need it only
 * for SMTP.
 */
function lazyTransport<T extends Transporter<unknown>>(make: (nodemailer: Nodemailer) => T) {
  let made: Promise<T> | undefined
  return {
    get: (): Promise<T> => {
      if (made) return made
      const making = import('nodemailer').then(module => make(module.default))
      // A failed import is tried again at the next message rather than remembered.
      making.catch(() => {
        made = undefined
      })
      made = making
      return making
    },
    close(): void {
      void made?.then(transport => transport.close())
    },
  }
}
