import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createMailer, MailDeliveryError } from './index.js'
import type { Mailer } from './index.js'
import { readHeaders } from './headers.js'
import { startSmtpServer, type TestSmtp } from '../../../test/smtp-helpers.js'

const FROM = 'Newsroom <newsroom@news.example.org>'

describe('the mailer over SMTP', () => {
  let server: TestSmtp
  let mailer: Mailer
  before(async () => {
    server = await startSmtpServer()
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM, outboxDir: '/nonexistent' })
  })
  after(async () => {
    await mailer.close()
    await server.close()
  })

  it('delivers a message with both parts, its headers and a Message-ID on the sender’s domain', async () => {
    const sent = await mailer.send({
      to: 'Ada Reporter <ada@example.org>',
      subject: 'You are invited to the newsroom',
      text: 'Plain words for every mail client.',
      html: '<p>Rich <strong>words</strong> for the rest.</p>',
      headers: { 'X-Newsreel-Kind': 'invitation' },
    })
    assert.equal(sent.transport, 'smtp')
    assert.equal(sent.file, undefined)
    assert.match(sent.messageId, /^<[0-9a-f-]{36}@news\.example\.org>$/)

    assert.equal(server.received.length, 1)
    const [mail] = server.received
    assert.ok(mail)
    assert.equal(mail.from, 'newsroom@news.example.org')
    assert.deepEqual(mail.to, ['ada@example.org'])
    const headers = readHeaders(mail.raw)
    assert.equal(headers.get('from'), FROM)
    assert.equal(headers.get('to'), 'Ada Reporter <ada@example.org>')
    assert.equal(headers.get('subject'), 'You are invited to the newsroom')
    assert.equal(headers.get('message-id'), sent.messageId)
    assert.equal(headers.get('x-newsreel-kind'), 'invitation')
    assert.match(headers.get('content-type') ?? '', /^multipart\/alternative/)
    assert.match(mail.raw, /Content-Type: text\/plain[\s\S]*Plain words for every mail client\./)
    assert.match(mail.raw, /Content-Type: text\/html[\s\S]*<p>Rich <strong>words<\/strong> for the rest\.<\/p>/)
  })

  it('keeps the Message-ID a caller supplies, so a resent newsletter keeps its identity', async () => {
    const sent = await mailer.send({
      to: 'ada@example.org',
      subject: 'Issue 12',
      text: 'Hello',
      messageId: '<issue-12.ada@news.example.org>',
    })
    assert.equal(sent.messageId, '<issue-12.ada@news.example.org>')
    assert.equal(readHeaders(server.received.at(-1)?.raw ?? '').get('message-id'), '<issue-12.ada@news.example.org>')
  })

  it('refuses a header-injecting subject before anything reaches the server', async () => {
    const before = server.received.length
    await assert.rejects(
      mailer.send({ to: 'ada@example.org', subject: 'Hi\r\nBcc: everyone@example.org', text: 'x' }),
      /subject must be text without line breaks/,
    )
    assert.equal(server.received.length, before)
  })
})

describe('the mailer over SMTP with a password', () => {
  const PASSWORD = 'correct-horse-battery'
  let server: TestSmtp
  before(async () => {
    server = await startSmtpServer({
      server: {
        authOptional: false,
        allowInsecureAuth: true,
        onAuth(auth, _session, callback) {
          if (auth.username === 'desk' && auth.password === PASSWORD) return callback(null, { user: 'desk' })
          // A careless server that echoes what it was sent: the mailer must still not repeat it.
          callback(new Error(`Wrong password ${auth.password ?? ''} for ${auth.username ?? ''}`))
        },
      },
    })
  })
  after(() => server.close())

  it('signs in and delivers', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://desk:${PASSWORD}@127.0.0.1:${server.port}`,
      from: FROM,
      outboxDir: '/nonexistent',
    })
    try {
      await mailer.send({ to: 'ada@example.org', subject: 'Reset your password', text: 'Follow the link.' })
    } finally {
      await mailer.close()
    }
    assert.equal(readHeaders(server.received.at(-1)?.raw ?? '').get('subject'), 'Reset your password')
  })

  it('reports a refused sign-in without the password anywhere in the error', async () => {
    const wrong = 'hunter2-s3cret'
    const mailer = createMailer({
      smtpUrl: `smtp://desk:${wrong}@127.0.0.1:${server.port}`,
      from: FROM,
      outboxDir: '/nonexistent',
    })
    try {
      const error = await mailer.send({ to: 'ada@example.org', subject: 'x', text: 'x' }).then(
        () => assert.fail('the send should fail'),
        (e: unknown) => e,
      )
      assert.ok(error instanceof MailDeliveryError)
      assert.equal(error.code, 'EAUTH')
      assert.equal(error.permanent, true)
      assert.match(error.message, /Sending mail over SMTP failed/)
      const everything = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error.cause ?? '')}`
      assert.ok(!everything.includes(wrong), everything)
      assert.ok(!everything.includes(Buffer.from(`\0desk\0${wrong}`).toString('base64')), everything)
    } finally {
      await mailer.close()
    }
  })
})

describe('the mailer’s settings', () => {
  it('refuses a From that is not exactly one address', () => {
    assert.throws(
      () => createMailer({ from: 'a@example.org, b@example.org', outboxDir: '/tmp/x' }),
      /From address must be one address/,
    )
  })

  it('refuses an SMTP URL of another kind without repeating it', () => {
    assert.throws(
      () => createMailer({ smtpUrl: 'http://user:pw-secret@example.org', from: FROM, outboxDir: '/tmp/x' }),
      (error: Error) => /smtp:\/\/ or smtps:\/\//.test(error.message) && !error.message.includes('pw-secret'),
    )
  })
})
