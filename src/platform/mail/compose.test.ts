// The bulk composer: the message a real SMTP server receives parses back to what was sent.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { composeMessage, encodeWords, quotedPrintable } from './compose.js'
import { readHeaders } from './headers.js'

/** Decodes quoted-printable as a mail reader does. */
function decodeQp(text: string): string {
  const bytes: number[] = []
  const joined = text.replace(/=\r\n/g, '')
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(joined.charCodeAt(i))
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n')
}

describe('composing bulk mail', () => {
  it('quoted-printable keeps every line within 76 characters and decodes back exactly', () => {
    const samples = [
      'plain ascii',
      `${'x'.repeat(300)}\nshort\n`,
      'Ünïcödé — “quotes” and emoji 🎬 '.repeat(20),
      'trailing space \nand tab\t\n.leading dot\n=equals=\n',
      `<a href="https://news.example.org/newsletter/unsubscribe?s=12&c=3&sig=${'A'.repeat(43)}">Unsubscribe</a>`,
    ]
    for (const sample of samples) {
      const encoded = quotedPrintable(sample)
      for (const line of encoded.split('\r\n')) assert.ok(line.length <= 76, `line of ${line.length}: ${line}`)
      assert.doesNotMatch(encoded, /[ \t]\r\n/, 'no bare whitespace at a line end')
      assert.equal(decodeQp(encoded), sample.replace(/\r\n/g, '\n'))
    }
  })

  it('encodes non-ASCII headers as encoded words and leaves ASCII alone', () => {
    assert.equal(encodeWords('The week'), 'The week')
    const encoded = encodeWords('Überblick: la semaine — 週')
    assert.match(encoded, /^=\?UTF-8\?B\?/)
    for (const word of encoded.split(' ')) assert.ok(word.length <= 75)
    assert.equal(readHeaders(`Subject: ${encoded}\r\n\r\n`).get('subject'), 'Überblick: la semaine — 週')
  })

  it('makes a multipart/alternative message with the headers given', () => {
    const raw = composeMessage(
      'The Long “View” <news@longview.example>',
      {
        to: 'reader@example.org',
        subject: 'Week 47',
        text: 'Hello\n',
        html: '<p>Hello</p>',
        messageId: '<n.1.2@longview.example>',
        headers: {
          'List-Unsubscribe': '<https://news.example.org/u?s=1>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      new Date('2026-11-25T10:00:00Z'),
    ).toString('utf8')
    const headers = readHeaders(raw)
    assert.equal(headers.get('from'), 'The Long “View” <news@longview.example>')
    assert.equal(headers.get('to'), 'reader@example.org')
    assert.equal(headers.get('date'), 'Wed, 25 Nov 2026 10:00:00 +0000')
    assert.equal(headers.get('message-id'), '<n.1.2@longview.example>')
    assert.equal(headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    assert.match(headers.get('content-type') ?? '', /^multipart\/alternative; boundary="=_nr_[0-9a-f]+"$/)
    assert.match(
      raw,
      /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHello\r\n/,
    )
    assert.match(
      raw,
      /Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>Hello<\/p>/,
    )
    assert.doesNotMatch(raw, /[^\r]\n/, 'CRLF line ends only')
  })
})
