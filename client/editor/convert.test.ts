// The editor's JSON and body documents: whatever the editor holds must come out as a document
// the server accepts, and a stored body must survive a trip through the editor unchanged.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Node as PMNode } from 'prosemirror-model'
import { validateBody } from '../../src/body/index.js'
import type { BodyDocument } from '../../src/body/index.js'
import { fromEditorJson, toEditorJson } from './convert.js'
import type { BodyJson, JsonNode } from './convert.js'
import { checkLinkHref } from './href.js'
import { schema } from './schema.js'

const text = (t: string, ...marks: JsonNode['marks'] & object): JsonNode =>
  marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t }
const p = (...content: JsonNode[]): JsonNode =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
const li = (...content: JsonNode[]): JsonNode => ({ type: 'listItem', content })

/** A body with every node and mark type, in places the server allows them. */
const RICH = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Where the money went')] },
    p(
      text('The council '),
      text('approved', { type: 'bold' }),
      text(' the '),
      text('plan', { type: 'italic' }),
      text(' in '),
      text(
        'March',
        { type: 'link', attrs: { href: 'https://example.org/minutes', title: 'Minutes' } },
        { type: 'bold' },
        { type: 'italic' },
      ),
      { type: 'hardBreak' },
      text('see '),
      text('below', { type: 'link', attrs: { href: '#budget' } }),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 3 }, content: [text('Three '), text('findings', { type: 'italic' })] },
    { type: 'heading', attrs: { level: 4 } },
    {
      type: 'bulletList',
      content: [li(p(text('One'))), li(p(text('Two')), { type: 'orderedList', content: [li(p(text('Nested')))] })],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [li(p(text('Third'))), li(p(text('Fourth'), { type: 'hardBreak' }, text('line')))],
    },
    { type: 'orderedList', content: [li(p(text('From one')))] },
    {
      type: 'blockquote',
      content: [
        p(text('A quoted passage with a '), text('link', { type: 'link', attrs: { href: '/about' } })),
        { type: 'bulletList', content: [li(p())] },
      ],
    },
    {
      type: 'pullQuote',
      attrs: { attribution: 'Halina Brezan, station editor' },
      content: [text('We are the only ones left.')],
    },
    { type: 'pullQuote', attrs: {}, content: [text('Unattributed', { type: 'bold' })] },
    { type: 'image', attrs: { imageId: 12 } },
    {
      type: 'image',
      attrs: {
        imageId: 13,
        alt: 'A generator at night',
        caption: 'The station at night.',
        credit: 'Photo: A. Reporter',
      },
    },
    { type: 'excerpt', attrs: { excerptId: 4 } },
    { type: 'interviewExcerpt', attrs: { interviewId: 3, startSeconds: 63.25, endSeconds: 95.5 } },
    {
      type: 'pullQuote',
      attrs: { attribution: 'Ona Varga, port engineer', source: { interviewId: 3, startSeconds: 63.25 } },
      content: [text('The gates never closed.')],
    },
    {
      type: 'blockquote',
      attrs: { source: { interviewId: 3, startSeconds: 12 } },
      content: [p(text('We kept the logbook.'))],
    },
    { type: 'documentaryCard', attrs: { documentaryId: 2 } },
    { type: 'horizontalRule' },
    p(text('Write to '), text('the desk', { type: 'link', attrs: { href: 'mailto:desk@example.org' } })),
    p(),
  ],
}

function normal(input: unknown): BodyDocument {
  const result = validateBody(input)
  assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'))
  return result.doc
}

/** Body → editor JSON → ProseMirror document (checked against the schema) → JSON → body. */
function roundTrip(body: BodyJson): BodyJson {
  const doc = PMNode.fromJSON(schema, toEditorJson(body))
  doc.check()
  return fromEditorJson(doc.toJSON() as JsonNode)
}

describe('converting between body documents and the editor', () => {
  it('a document with every node and mark type comes back equal to its normal form and valid', () => {
    const original = normal(RICH)
    const back = roundTrip(original as BodyJson)
    assert.deepEqual(normal(back), back, 'the editor already writes the normal form')
    assert.deepEqual(back, original)
    const types = new Set<string>()
    const visit = (n: JsonNode) => {
      types.add(n.type)
      for (const m of n.marks ?? []) types.add(m.type)
      for (const c of n.content ?? []) visit(c)
    }
    visit(back as JsonNode)
    for (const type of [...Object.keys(schema.nodes), ...Object.keys(schema.marks)])
      assert.ok(types.has(type), `the sample lacks ${type}`)
  })

  it('an empty body opens with a paragraph to type in and saves as empty again', () => {
    const editor = toEditorJson({ type: 'doc', content: [] })
    assert.deepEqual(editor.content, [{ type: 'paragraph' }])
    assert.deepEqual(roundTrip({ type: 'doc', content: [] }), { type: 'doc', content: [] })
  })

  it('an empty blockquote survives the trip although the editor needs a paragraph inside it', () => {
    const body = normal({ type: 'doc', content: [{ type: 'blockquote', content: [] }, p(text('after'))] })
    assert.deepEqual(roundTrip(body as BodyJson), body)
  })

  it('null, empty and default attributes the editor carries are left out', () => {
    const doc = schema.node('doc', null, [
      schema.node('image', { imageId: 5, alt: null, caption: '', credit: null }),
      schema.node('orderedList', { start: 1 }, [
        schema.node('listItem', null, [schema.node('paragraph', null, [schema.text('x')])]),
      ]),
      schema.node('pullQuote', { attribution: null }, [
        schema.text('Quote', [schema.marks.link.create({ href: '/x', title: null })]),
      ]),
    ])
    const body = fromEditorJson(doc.toJSON() as JsonNode)
    assert.deepEqual(body.content, [
      { type: 'image', attrs: { imageId: 5 } },
      {
        type: 'orderedList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }],
      },
      {
        type: 'pullQuote',
        attrs: {},
        content: [{ type: 'text', text: 'Quote', marks: [{ type: 'link', attrs: { href: '/x' } }] }],
      },
    ])
    assert.deepEqual(normal(body), body)
  })

  it('a link the server would refuse loses its link but keeps its words', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [
        schema.text('click me', [
          schema.marks.link.create({ href: 'javascript:alert(1)' }),
          schema.marks.bold.create(),
        ]),
        schema.text(' and '),
        schema.text('here', [schema.marks.link.create({ href: 'HTTPS://example.org/' })]),
      ]),
    ])
    const body = fromEditorJson(doc.toJSON() as JsonNode)
    assert.deepEqual(body.content[0]?.content, [
      { type: 'text', text: 'click me', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
    ])
    assert.deepEqual(normal(body), body)
  })

  it('a pull quote with no words is dropped rather than saved as something the server refuses', () => {
    const doc = schema.node('doc', null, [
      schema.node('pullQuote', { attribution: 'Nobody' }),
      schema.node('paragraph', null, [schema.text('Text')]),
    ])
    const body = fromEditorJson(doc.toJSON() as JsonNode)
    assert.deepEqual(body.content, [p(text('Text'))])
  })

  it('a very long pasted run of text is split into text nodes the server accepts', () => {
    const long = 'a'.repeat(45_000)
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text(long, [schema.marks.italic.create()])]),
    ])
    const body = fromEditorJson(doc.toJSON() as JsonNode)
    assert.equal(body.content[0]?.content?.length, 3)
    assert.equal(body.content[0]?.content?.map(n => n.text).join(''), long)
    normal(body)
  })

  it('the editor refuses exactly the link addresses the server refuses', () => {
    const samples = [
      'https://example.org/a?b=c#d',
      'http://example.org',
      'HTTPS://Example.org',
      'mailto:desk@example.org',
      '/stories/x',
      '#top',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '//evil.example',
      '/\\evil.example',
      'https:example.org',
      'https://user:pw@example.org',
      'mailto:',
      'java\u200bscript:alert(1)',
      'ftp://example.org',
      '&#106;avascript:alert(1)',
      'relative/path',
      'https://exa mple.org',
    ]
    for (const href of samples) {
      const server = validateBody({
        type: 'doc',
        content: [p(text('x', { type: 'link', attrs: { href: href.trim() } }))],
      })
      const client = checkLinkHref(href)
      assert.equal(client.ok, server.ok, `client and server disagree about ${JSON.stringify(href)}`)
    }
    assert.equal(checkLinkHref('javascript:alert(1)').ok, false)
  })

  it('a body with a node the editor does not know cannot be opened by it', () => {
    assert.throws(() =>
      PMNode.fromJSON(schema, toEditorJson({ type: 'doc', content: [{ type: 'video', attrs: { src: 'x' } }] })),
    )
  })
})
