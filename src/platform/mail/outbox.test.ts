import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { createMailer, listOutbox, readOutboxMessage } from './index.js'
import type { Mailer } from './index.js'
import { readHeaders } from './headers.js'

const FROM = 'Newsroom <newsroom@news.example.org>'

describe('the mailer without SMTP', () => {
  let dir: string
  let outbox: string
  let mailer: Mailer
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsreel-mail-'))
    outbox = join(dir, 'mail') // not there yet: the first mail creates it
    mailer = createMailer({ from: FROM, outboxDir: outbox })
  })
  after(async () => {
    await mailer.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('lists nothing before the first mail, even without the folder', async () => {
    assert.deepEqual(await listOutbox(outbox), [])
  })

  it('writes the complete message as an .eml file in the outbox', async () => {
    assert.equal(mailer.transport, 'file')
    const sent = await mailer.send({
      to: 'Ada Reporter <ada@example.org>',
      subject: 'You are invited',
      text: 'Plain words.',
      html: '<p>Rich words.</p>',
      headers: { 'Reply-To': 'desk@news.example.org' },
    })
    assert.equal(sent.transport, 'file')
    assert.ok(sent.file)
    assert.equal(dirname(sent.file), outbox)
    assert.match(basename(sent.file), /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{8}\.eml$/)

    const raw = await readOutboxMessage(outbox, basename(sent.file))
    assert.ok(raw)
    assert.match(raw, /\r\n\r\n/, 'headers end with an empty CRLF line, as RFC 5322 has it')
    const headers = readHeaders(raw)
    assert.equal(headers.get('from'), FROM)
    assert.equal(headers.get('to'), 'Ada Reporter <ada@example.org>')
    assert.equal(headers.get('subject'), 'You are invited')
    assert.equal(headers.get('message-id'), sent.messageId)
    assert.equal(headers.get('reply-to'), 'desk@news.example.org')
    assert.ok(!Number.isNaN(Date.parse(headers.get('date') ?? '')))
    assert.match(headers.get('content-type') ?? '', /^multipart\/alternative; boundary=/)
    assert.match(raw, /Content-Type: text\/plain[\s\S]*Plain words\./)
    assert.match(raw, /Content-Type: text\/html[\s\S]*<p>Rich words\.<\/p>/)
    assert.deepEqual(
      (await readdir(outbox)).filter(name => !name.endsWith('.eml')),
      [],
      'no temporary file is left',
    )
  })

  it('lists the outbox newest first, with decoded subjects and names', async () => {
    const first = await mailer.send({ to: 'one@example.org', subject: 'First', text: 'x' })
    const second = await mailer.send({
      to: 'Jörg Müller <two@example.org>',
      subject: 'Grüße aus der Redaktion',
      text: 'x',
    })
    const listed = await listOutbox(outbox)
    assert.equal(listed.length, 3)
    const [newest, older] = listed
    assert.deepEqual(
      { to: newest?.to, subject: newest?.subject, messageId: newest?.messageId, file: newest?.file },
      {
        to: 'Jörg Müller <two@example.org>',
        subject: 'Grüße aus der Redaktion',
        messageId: second.messageId,
        file: basename(second.file ?? ''),
      },
    )
    assert.equal(older?.messageId, first.messageId)
    assert.ok(newest && newest.size > 0)
    assert.ok(newest && !Number.isNaN(Date.parse(newest.date)))
    assert.deepEqual(
      (await listOutbox(outbox, { limit: 1 })).map(m => m.messageId),
      [second.messageId],
    )
  })

  it('ignores files that are not its messages', async () => {
    await writeFile(join(outbox, 'notes.txt'), 'not mail')
    await writeFile(join(outbox, '.half-written.eml.tmp'), 'partial')
    assert.equal((await listOutbox(outbox)).length, 3)
  })

  it('reads only plain .eml names inside the outbox', async () => {
    for (const name of ['../x.eml', 'a/b.eml', 'a\\b.eml', 'x.txt', '.hidden.eml', '', '..']) {
      await assert.rejects(readOutboxMessage(outbox, name), { code: 'invalid_input' }, name)
    }
    assert.equal(await readOutboxMessage(outbox, '2000-01-01T00-00-00-000Z-00000000.eml'), undefined)
  })
})
