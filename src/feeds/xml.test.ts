import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { el, escapeXml, rfc822, xmlDocument } from './xml.js'

describe('escapeXml', () => {
  test('escapes the five characters XML gives meaning to', () => {
    assert.equal(
      escapeXml(`<script>alert(1)</script> & "quotes" 'too'`),
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;too&apos;',
    )
  })

  test('drops characters XML 1.0 forbids but keeps tabs, newlines and every other letter', () => {
    assert.equal(escapeXml('a\u0000b\u0007c\u001Bd\u007Fe\uFFFEf\tg\nh\ri'), 'abcdef\tg\nh\ri')
    assert.equal(escapeXml('Émigré “quotes” — 東京 🎬'), 'Émigré “quotes” — 東京 🎬')
  })

  test('drops a lone surrogate but keeps a pair', () => {
    assert.equal(escapeXml('x\uD800y\uDC00z'), 'xyz')
    assert.equal(escapeXml('\uD83C\uDFAC'), '🎬')
  })
})

describe('el', () => {
  test('escapes text children and attribute values, never built elements', () => {
    const inner = el('b', { title: 'a "b" & c' }, '1 < 2')
    assert.equal(el('a', null, 'x & y', inner).xml, '<a>x &amp; y<b title="a &quot;b&quot; &amp; c">1 &lt; 2</b></a>')
  })

  test('leaves out undefined attributes and children, and closes an empty element itself', () => {
    assert.equal(el('link', { href: '/x', rel: undefined }, undefined, []).xml, '<link href="/x"/>')
  })

  test('puts child elements one per line and nested lists in order', () => {
    assert.equal(el('r', null, [el('a', null), [el('b', null)]]).xml, '<r>\n<a/>\n<b/>\n</r>')
  })

  test('a document starts with the XML declaration', () => {
    assert.equal(xmlDocument(el('r', null)), '<?xml version="1.0" encoding="UTF-8"?>\n<r/>\n')
  })
})

test('rfc822 writes RSS dates in GMT', () => {
  assert.equal(rfc822('2026-11-24T15:05:00.000Z'), 'Tue, 24 Nov 2026 15:05:00 GMT')
})
