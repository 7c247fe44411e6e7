import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMailer, isMessageId } from './index.js'
import type { Mailer, OutgoingMail } from './index.js'

describe('mail the mailer refuses', () => {
  let outbox: string
  let mailer: Mailer
  before(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'newsreel-mail-'))
    mailer = createMailer({ from: 'newsroom@news.example.org', outboxDir: outbox })
  })
  after(async () => {
    await mailer.close()
    await rm(outbox, { recursive: true, force: true })
  })

  const good: OutgoingMail = { to: 'ada@example.org', subject: 'Hello', text: 'Body' }
  const refusals: Array<[string, Partial<OutgoingMail>, RegExp]> = [
    [
      'a line break in the subject',
      { subject: 'Hello\r\nBcc: all@example.org' },
      /subject must be text without line breaks/,
    ],
    ['a bare LF in the subject', { subject: 'Hello\nX-Evil: 1' }, /subject/],
    ['a line break in the recipient', { to: 'ada@example.org\r\nBcc: all@example.org' }, /exactly one email address/],
    ['two recipients with a comma', { to: 'ada@example.org, bob@example.org' }, /exactly one email address/],
    ['two recipients with a semicolon', { to: 'ada@example.org; bob@example.org' }, /exactly one email address/],
    ['two recipients with a space', { to: 'ada@example.org bob@example.org' }, /exactly one email address/],
    ['a group of recipients', { to: 'desk: ada@example.org, bob@example.org;' }, /exactly one email address/],
    ['no address at all', { to: 'Ada' }, /exactly one email address/],
    ['a Message-ID without brackets', { messageId: 'abc@example.org' }, /Message-ID must look like/],
    ['a Message-ID without a host', { messageId: '<abc>' }, /Message-ID must look like/],
    ['a Message-ID with a line break', { messageId: '<a@b>\r\nBcc: x@y.z' }, /Message-ID must look like/],
    [
      'a line break in a header value',
      { headers: { 'List-Unsubscribe': '<https://x.org/u>\r\nBcc: x@y.z' } },
      /List-Unsubscribe header/,
    ],
    ['a colon in a header name', { headers: { 'X-A: b\r\nBcc': 'x' } }, /not a valid header name/],
    ['a header the mailer owns', { headers: { Bcc: 'all@example.org' } }, /sets the Bcc header itself/],
  ]
  for (const [what, change, message] of refusals) {
    it(`refuses ${what} with a clear error and writes nothing`, async () => {
      await assert.rejects(mailer.send({ ...good, ...change }), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'invalid_input')
        assert.match(error.message, message)
        return true
      })
      assert.deepEqual(await readdir(outbox), [])
    })
  }

  it('accepts a name with the address, a tab in the subject and unicode text', async () => {
    await mailer.send({ ...good, to: '"Müller, Jörg" <jorg@example.org>', subject: 'Grüße\tund mehr' })
    assert.equal((await readdir(outbox)).length, 1)
  })

  it('refuses to send once closed', async () => {
    const closing = createMailer({ from: 'newsroom@news.example.org', outboxDir: outbox })
    await closing.close()
    await assert.rejects(closing.send(good), /closed/)
  })
})

describe('isMessageId', () => {
  it('accepts <local@host> ids and nothing looser', () => {
    assert.equal(isMessageId('<issue-12.ada+x@news.example.org>'), true)
    for (const bad of ['issue@x', '<issue>', '<a@b@c>', '<a b@c>', '<a@b>x', `<${'a'.repeat(300)}@b>`]) {
      assert.equal(isMessageId(bad), false, bad)
    }
  })
})
