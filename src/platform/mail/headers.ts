// Reads the header block of a message we wrote ourselves, enough to list it: unfolds long lines
// and decodes RFC 2047 encoded words, since nodemailer writes a non-ASCII subject as `=?UTF-8?Q?...?=`.

/** Header values by lower-case name (the first occurrence wins), with encoded words decoded. */
export function readHeaders(message: string): Map<string, string> {
  const end = message.search(/\r?\n\r?\n/)
  const block = (end === -1 ? message : message.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()))
  }
  return headers
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g

/** Decodes `=?charset?B|Q?text?=` words; whitespace between two encoded words is dropped (RFC 2047 §6.2). */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[BbQq]\?)/g, '$1')
    .replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text)
      try {
        // RFC 2231 lets a language follow the charset: `UTF-8*en`.
        return new TextDecoder(charset.split('*')[0]).decode(bytes)
      } catch {
        return word
      }
    })
}

// The Q encoding: `_` is a space and `=XX` a byte in hex.
function decodeQ(text: string): Buffer {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    const hex = text.slice(i + 1, i + 3)
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(char === '_' ? 0x20 : text.charCodeAt(i) & 0xff)
    }
  }
  return Buffer.from(bytes)
}
