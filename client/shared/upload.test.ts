// The browser's Upload-Metadata header as the server reads it: every value survives the trip,
// whatever its script, and empty values are left out rather than sent blank.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseMetadata } from '../../src/media/upload-routes.js'
import { uploadMetadata } from './upload.js'

describe('upload metadata', () => {
  it('alt, caption and credit in any script reach the server as they were typed', () => {
    const fields = {
      kind: 'image', filename: 'Zoë’s ferry, 東京.png', alt: 'A ferry on Lake Ohrid — Охридско Езеро, at dawn',
      caption: 'The 06:10 sailing, “on time” again.', credit: 'Photo: Zoë Ångström / The Long View',
    }
    assert.deepEqual(parseMetadata(uploadMetadata(fields)), fields)
  })

  it('an empty caption or credit is left out', () => {
    const header = uploadMetadata({ kind: 'image', filename: 'a.png', alt: 'A picture', caption: '', credit: '' })
    assert.deepEqual(Object.keys(parseMetadata(header)), ['kind', 'filename', 'alt'])
  })
})
