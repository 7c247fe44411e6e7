import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sniff } from './sniff.js'

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('reading a file’s type from its bytes', () => {
  it('recognises images, video, audio and captions by their magic numbers', () => {
    const cases: [Buffer, string][] = [
      [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
      [bytes('\x89PNG\r\n\x1a\n'), 'image/png'],
      [bytes('GIF89a'), 'image/gif'],
      [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
      [bytes([0, 0, 0, 0x1c], 'ftypavif'), 'image/avif'],
      [bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/heif'],
      [bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
      [bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
      [bytes([0x1a, 0x45, 0xdf, 0xa3], '\x42\x82\x84webm'), 'video/webm'],
      [bytes([0x1a, 0x45, 0xdf, 0xa3], '\x42\x82\x88matroska'), 'video/x-matroska'],
      [bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
      [bytes('ID3', [4, 0]), 'audio/mpeg'],
      [bytes('\uFEFFWEBVTT\n\n'.replace('\uFEFF', '\xef\xbb\xbf')), 'text/vtt'],
      [bytes('WEBVTT - English\n'), 'text/vtt'],
    ]
    for (const [data, type] of cases) assert.equal(sniff(data)?.contentType, type, type)
  })

  it('refuses SVG, HTML and anything markup-looking, and unknown bytes', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '  <?xml version="1.0"?><svg/>',
      '<!DOCTYPE html><p>',
      '\uFEFF<html>',
      'WEBVTTX',
      'hello',
    ]) {
      assert.equal(sniff(Buffer.from(text)), undefined, text)
    }
  })
})
