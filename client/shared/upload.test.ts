// The browser's Upload-Metadata header as the server reads it: every value survives the trip,
// whatever its script, and empty values are left out rather than sent blank. The header is the
// one tus-js-client writes (its encoding is the same in the browser and here), caught before it
// would leave.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Upload, type HttpRequest, type HttpStack } from 'tus-js-client'
import { parseMetadata } from '../../src/media/upload-routes.js'
import { uploadFields } from './upload.js'

/** The Upload-Metadata header tus-js-client sends when it starts an upload with these fields. */
function sentMetadata(fields: Record<string, string>): Promise<string | undefined> {
  return new Promise(resolve => {
    const capture: HttpStack = {
      getName: () => 'capture',
      createRequest(method, url): HttpRequest {
        const headers: Record<string, string> = {}
        return {
          getMethod: () => method,
          getURL: () => url,
          setHeader: (name, value) => {
            headers[name] = value
          },
          getHeader: name => headers[name],
          setProgressHandler: () => {},
          send: () => {
            resolve(headers['Upload-Metadata'])
            return Promise.reject(new Error('Not sent: the test only reads the headers.'))
          },
          abort: () => Promise.resolve(),
          getUnderlyingObject: () => null,
        }
      },
    }
    new Upload(Buffer.from('x'), {
      endpoint: 'http://uploads.invalid/',
      metadata: fields,
      httpStack: capture,
      retryDelays: null,
      onError: () => {},
    }).start()
  })
}

describe('upload metadata', () => {
  it('alt, caption and credit in any script reach the server as they were typed', async () => {
    const extra = {
      alt: 'A ferry on Lake Ohrid — Охридско Езеро, at dawn',
      caption: 'The 06:10 sailing, “on time” again.',
      credit: 'Photo: Zoë Ångström / The Long View',
    }
    const header = await sentMetadata(uploadFields('image', 'Zoë’s ferry, 東京.png', extra))
    assert.deepEqual(parseMetadata(header ?? ''), { kind: 'image', filename: 'Zoë’s ferry, 東京.png', ...extra })
  })

  it('an empty caption or credit is left out', async () => {
    const header = await sentMetadata(uploadFields('image', 'a.png', { alt: 'A picture', caption: '', credit: '' }))
    assert.deepEqual(Object.keys(parseMetadata(header ?? '')), ['kind', 'filename', 'alt'])
  })
})
