// A real SMTP server on 127.0.0.1 that keeps what it receives, for tests of everything that mails.
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { readHeaders } from '../src/platform/mail/headers.js'

/** One accepted message. */
export interface ReceivedMail {
  raw: string
  /** The envelope's sender (MAIL FROM), '' for none. */
  from: string
  to: string[]
  headers: Map<string, string>
}

export interface TestSmtp {
  port: number
  /** The SMTP_URL that reaches it. */
  url: string
  received: ReceivedMail[]
  /** Messages to one address, oldest first. */
  to(address: string): ReceivedMail[]
  close(): Promise<void>
}

/** Starts a server on a free port; `refuse` may answer an SMTP error for a recipient (e.g. 451 or 550). */
export async function startSmtpServer(
  options: {
    refuse?: (recipient: string) => { code: number; message: string } | undefined
    /** Waits this long before accepting each message, as a real relay takes a moment. */
    acceptDelayMs?: number
    server?: SMTPServerOptions
    /** Listens on this port (a relay coming back where it was) rather than a free one. */
    port?: number
  } = {},
): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    ...options.server,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address)
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const accept = () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
          received.push({ raw, from, to: session.envelope.rcptTo.map(r => r.address), headers: readHeaders(raw) })
          callback()
        }
        if (options.acceptDelayMs) setTimeout(accept, options.acceptDelayMs)
        else accept()
      })
    },
  })
  // A client killed mid-message resets its connection; that is a test's point, not a failure.
  server.on('error', () => {})
  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: address => received.filter(m => m.to.includes(address)),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
