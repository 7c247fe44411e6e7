// What a file is, read from its first bytes (magic numbers), never from its name.
// Anything that looks like markup (SVG, HTML, XML) is refused outright: a browser could run it.

/** What an upload is for; each kind has its own size limit and accepted types. */
export type UploadKind = 'image' | 'video' | 'audio' | 'captions'

/** A recognised file type. */
export interface SniffedType {
  kind: UploadKind
  contentType: string
  extension: string
}

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 512

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1')

/** Whether the bytes start like markup (after a BOM and whitespace): SVG, HTML, XML. */
export function looksLikeMarkup(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, SNIFF_BYTES)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase()
  return text.startsWith('<') || /<(svg|html|script|!doctype|\?xml|body|iframe)\b/.test(text)
}

/** The type the bytes show, or undefined when they are not one we accept. */
export function sniff(bytes: Buffer): SniffedType | undefined {
  if (looksLikeMarkup(bytes)) return undefined
  const b = (i: number) => bytes[i] ?? -1
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff)
    return { kind: 'image', contentType: 'image/jpeg', extension: 'jpg' }
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'image', contentType: 'image/png', extension: 'png' }
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return { kind: 'image', contentType: 'image/gif', extension: 'gif' }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { kind: 'image', contentType: 'image/webp', extension: 'webp' }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE')
    return { kind: 'audio', contentType: 'audio/wav', extension: 'wav' }
  if (ascii(bytes, 0, 4) === 'fLaC') return { kind: 'audio', contentType: 'audio/flac', extension: 'flac' }
  if (ascii(bytes, 0, 4) === 'OggS') return { kind: 'audio', contentType: 'audio/ogg', extension: 'ogg' }
  if (ascii(bytes, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(bytes, 8, 12)))
    return { kind: 'audio', contentType: 'audio/aiff', extension: 'aiff' }
  if (ascii(bytes, 4, 8) === 'ftyp') return sniffFtyp(ascii(bytes, 8, 12))
  if (b(0) === 0x1a && b(1) === 0x45 && b(2) === 0xdf && b(3) === 0xa3) {
    const webm = ascii(bytes, 0, 64).includes('webm')
    return { kind: 'video', contentType: webm ? 'video/webm' : 'video/x-matroska', extension: webm ? 'webm' : 'mkv' }
  }
  if (ascii(bytes, 0, 3) === 'ID3' || (b(0) === 0xff && (b(1) & 0xe0) === 0xe0))
    return { kind: 'audio', contentType: 'audio/mpeg', extension: 'mp3' }
  if (/^(\uFEFF)?WEBVTT([ \t\r\n]|$)/.test(bytes.subarray(0, 16).toString('utf8')))
    return { kind: 'captions', contentType: 'text/vtt', extension: 'vtt' }
  return undefined
}

/** ISO base media files: AVIF/HEIF are images, M4A audio, the rest video (MP4, MOV...). */
function sniffFtyp(brand: string): SniffedType {
  if (brand === 'avif' || brand === 'avis') return { kind: 'image', contentType: 'image/avif', extension: 'avif' }
  if (['heic', 'heix', 'mif1', 'msf1', 'hevc', 'heim', 'heis'].includes(brand))
    return { kind: 'image', contentType: 'image/heif', extension: 'heic' }
  if (brand === 'qt  ') return { kind: 'video', contentType: 'video/quicktime', extension: 'mov' }
  if (brand === 'M4A ' || brand === 'M4B ') return { kind: 'audio', contentType: 'audio/mp4', extension: 'm4a' }
  return { kind: 'video', contentType: 'video/mp4', extension: 'mp4' }
}
