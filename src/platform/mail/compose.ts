// Builds an RFC 5322 message (a text and an HTML part, quoted-printable) in one pass over
// strings and bytes. nodemailer's composer is general and stream-based and costs milliseconds
// a message; a newsletter sends hundreds a second, each the same but for a few links, so bulk
// mail is composed here. The values were checked by `checkOutgoingMail` before they get here.
import { randomBytes } from 'node:crypto'
import type { OutgoingMail } from './message.js'
import { parseMailbox } from './message.js'

const CRLF = '\r\n'
const HEX = '0123456789ABCDEF'

/** The complete message, CRLF line ends, ready for SMTP DATA or an .eml file. */
export function composeMessage(from: string, mail: OutgoingMail & { messageId: string }, date = new Date()): Buffer {
  const boundary = `=_nr_${randomBytes(12).toString('hex')}`
  const headers = [
    `From: ${mailbox(from)}`,
    `To: ${mailbox(mail.to)}`,
    `Subject: ${encodeWords(mail.subject)}`,
    `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: ${mail.messageId}`,
    'MIME-Version: 1.0',
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${encodeWords(value)}`),
  ]
  const text = part('text/plain', mail.text)
  if (mail.html === undefined) return Buffer.from([...headers, ...text].join(CRLF) + CRLF, 'utf8')
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      ...text,
      `--${boundary}`,
      ...part('text/html', mail.html),
      `--${boundary}--`,
      '',
    ].join(CRLF),
    'ascii',
  )
}

function part(type: string, body: string): string[] {
  return [
    `Content-Type: ${type}; charset=utf-8`,
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(body),
  ]
}

/** `Name <address>` with the name quoted or encoded as needed. */
function mailbox(value: string): string {
  const box = parseMailbox(value)
  if (!box) throw new Error('not one mailbox')
  if (!box.name) return box.address
  // eslint-disable-next-line no-control-regex
  const name = /[^\x20-\x7e]/.test(box.name)
    ? encodeWords(box.name)
    : /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(box.name)
      ? box.name
      : `"${box.name.replace(/["\\]/g, '\\$&')}"`
  return `${name} <${box.address}>`
}

/** RFC 2047: text with non-ASCII characters as base64 encoded-words of at most 75 characters. */
export function encodeWords(value: string): string {
  if (!/[^\x20-\x7e]/.test(value)) return value
  const words: string[] = []
  let chunk = ''
  for (const char of value) {
    // 45 bytes of UTF-8 make 60 characters of base64, inside the 75-character limit.
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk)
      chunk = ''
    }
    chunk += char
  }
  if (chunk) words.push(chunk)
  return words.map(w => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ')
}

/** Quoted-printable (RFC 2045) with CRLF line ends and soft breaks keeping lines within 76 characters. */
export function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text.replace(/\r\n?/g, '\n'), 'utf8')
  let out = ''
  let line = ''
  const flush = (soft: boolean) => {
    out += line + (soft ? `=${CRLF}` : CRLF)
    line = ''
  }
  // Whitespace at the end of a line would be lost in transit: it goes encoded.
  const endLine = () => {
    const last = line.charCodeAt(line.length - 1)
    if (last !== 0x20 && last !== 0x09) return
    line = line.slice(0, -1)
    if (line.length + 3 > 75) flush(true)
    line += `=${HEX[last >> 4]}${HEX[last & 15]}`
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x0a) {
      endLine()
      flush(false)
      continue
    }
    const plain = (b >= 33 && b <= 126 && b !== 61) || b === 0x20 || b === 0x09
    // A dot alone at a line start is safe in DATA (nodemailer dot-stuffs), but encode it anyway for old relays.
    const piece = plain && !(b === 0x2e && line.length === 0) ? String.fromCharCode(b) : `=${HEX[b >> 4]}${HEX[b & 15]}`
    if (line.length + piece.length > 75) flush(true)
    line += piece
  }
  endLine()
  return out + line
}
