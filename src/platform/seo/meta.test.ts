// Structured data inside a <script> element: nothing in it can close the element or open a
// comment, and it parses back to the same value.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { jsonForScript } from './meta.js'

describe('jsonForScript', () => {
  it('escapes what could end the script, and parses back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> <!-- & “quoted”', lines: 'a\u2028b\u2029c', n: 3 }
    const json = jsonForScript(value)
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/)
    assert.match(json, /\\u003c\/script\\u003e/)
    assert.deepEqual(JSON.parse(json), value)
  })

  it('leaves JSON without such characters as JSON.stringify writes it', () => {
    const value = { name: 'The Long View', sameAs: ['https://example.org/a?b=c'] }
    assert.equal(jsonForScript(value), JSON.stringify(value))
  })
})
