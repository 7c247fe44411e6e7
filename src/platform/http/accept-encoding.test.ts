import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chooseEncoding } from './accept-encoding.js'

describe('choosing a compression from Accept-Encoding', () => {
  it('prefers brotli when the client takes both, and gzip when it takes only gzip', () => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br')
    assert.equal(chooseEncoding('gzip'), 'gzip')
    assert.equal(chooseEncoding('deflate'), undefined)
    assert.equal(chooseEncoding(undefined), undefined)
    assert.equal(chooseEncoding(''), undefined)
  })

  it('honours q-values: q=0 refuses an encoding, and a higher q wins', () => {
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip')
    assert.equal(chooseEncoding('br;q=0, gzip;q=0'), undefined)
    assert.equal(chooseEncoding('br;q=0.2, gzip;q=0.8'), 'gzip')
    assert.equal(chooseEncoding('gzip;q=0.5, br;q=0.9'), 'br')
    assert.equal(chooseEncoding('identity'), undefined)
  })
})
