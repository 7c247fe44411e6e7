// Whose fault a failed send is, against a real SMTP server misbehaving in each way a relay can:
// a bulk sender pauses on the relay's faults and blames an address only for its own refusal.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { createMailer, MailDeliveryError } from './index.js'

const FROM = 'Newsroom <newsroom@news.example.org>'
const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code })

/** Starts a server with `options`, sends one message to it, stops it; answers the error. */
async function failureFrom(
  options: SMTPServerOptions,
  o: { smtpUrl?: (port: number) => string; started?: (server: SMTPServer) => void } = {},
): Promise<MailDeliveryError> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    ...options,
  })
  o.started?.(server)
  server.on('error', () => {})
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  try {
    return await failedSend(o.smtpUrl?.(port) ?? `smtp://127.0.0.1:${port}`)
  } finally {
    await new Promise<void>(resolve => server.close(() => resolve()))
  }
}

async function failedSend(smtpUrl: string): Promise<MailDeliveryError> {
  const mailer = createMailer({ smtpUrl, from: FROM, outboxDir: '/nonexistent' })
  try {
    const error = await mailer
      .sendBulk({
        to: 'ada@example.org',
        subject: 'Issue 12',
        text: 'Hello',
        messageId: '<issue-12.ada@news.example.org>',
      })
      .then(
        () => assert.fail('the send should fail'),
        (e: unknown) => e,
      )
    assert.ok(error instanceof MailDeliveryError, String(error))
    return error
  } finally {
    await mailer.close()
  }
}

describe('whose fault a failed send is', () => {
  it('a relay that refuses the connection is the transport’s fault, and nothing was sent', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    const error = await failedSend(`smtp://127.0.0.1:${port}`)
    assert.deepEqual([error.fault, error.ambiguous], ['transport', false])
    assert.match(error.message, /ECONNREFUSED/)
  })

  it('a 421 greeting, a refused sign-in and a refused sender are the transport’s fault', async () => {
    const greeting = await failureFrom({ onConnect: (_s, callback) => callback(refusal(421, 'Too busy, try later')) })
    assert.deepEqual([greeting.fault, greeting.ambiguous], ['transport', false])
    const signIn = await failureFrom(
      {
        authOptional: false,
        allowInsecureAuth: true,
        onAuth: (_a, _s, callback) => callback(new Error('Bad credentials')),
      },
      { smtpUrl: port => `smtp://desk:wrong@127.0.0.1:${port}` },
    )
    assert.deepEqual([signIn.fault, signIn.ambiguous, signIn.code], ['transport', false, 'EAUTH'])
    const sender = await failureFrom({
      onMailFrom: (_a, _s, callback) => callback(refusal(550, 'Sender not allowed to relay')),
    })
    assert.deepEqual([sender.fault, sender.ambiguous], ['transport', false])
    const closing = await failureFrom({ onMailFrom: (_a, _s, callback) => callback(refusal(421, 'Shutting down')) })
    assert.deepEqual([closing.fault, closing.ambiguous], ['transport', false])
  })

  it('a refused recipient is that recipient’s fault: permanent for a 5xx, temporary for a 4xx', async () => {
    const gone = await failureFrom({ onRcptTo: (_a, _s, callback) => callback(refusal(550, 'No such mailbox')) })
    assert.deepEqual([gone.fault, gone.permanent, gone.ambiguous], ['recipient', true, false])
    const busy = await failureFrom({
      onRcptTo: (_a, _s, callback) => callback(refusal(451, 'Greylisted, try again later')),
    })
    assert.deepEqual([busy.fault, busy.permanent, busy.ambiguous], ['recipient', false, false])
  })

  it('a connection that breaks after the message went out is ambiguous: it may have arrived', async () => {
    const server: { current?: SMTPServer } = {}
    const error = await failureFrom(
      {
        onData(stream, session, _callback) {
          stream.on('data', () => {})
          // The whole message arrived; the relay dies before it answers.
          stream.on('end', () => {
            for (const connection of (
              server.current as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
            ).connections)
              if (connection.id === session.id) connection._socket.destroy()
          })
        },
      },
      {
        started: s => {
          server.current = s
        },
      },
    )
    assert.deepEqual([error.fault, error.ambiguous], ['transport', true])
  })
})
