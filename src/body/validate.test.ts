import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { DomainError } from '../platform/errors.js'
import { emptyBody, parseBody, validateBody } from './index.js'
import type { BodyDocument } from './index.js'

/** A document using every node and mark type, already in normal form. */
function richDocument(): BodyDocument {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Who paid for the dam?' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The ' },
          {
            type: 'text',
            text: 'ledger',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/ledger', title: 'Ledger' } }, { type: 'bold' }],
          },
          { type: 'hardBreak' },
          { type: 'text', text: 'shows it.', marks: [{ type: 'italic' }] },
        ],
      },
      { type: 'paragraph' },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'One', marks: [{ type: 'link', attrs: { href: '/stories/one' } }] }],
              },
            ],
          },
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] },
              {
                type: 'orderedList',
                attrs: { start: 3 },
                content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'Mail us',
                    marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.org' } }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'blockquote',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'See below', marks: [{ type: 'link', attrs: { href: '#notes' } }] }],
          },
        ],
      },
      {
        type: 'pullQuote',
        attrs: { attribution: 'A farmer' },
        content: [{ type: 'text', text: 'The water never came.' }],
      },
      { type: 'pullQuote', attrs: {}, content: [{ type: 'text', text: 'Unattributed.' }] },
      {
        type: 'image',
        attrs: { imageId: 4, alt: 'A dry riverbed', caption: 'The river in May', credit: 'Photo: A. Reporter' },
      },
      { type: 'image', attrs: { imageId: 5 } },
      { type: 'excerpt', attrs: { excerptId: 9 } },
      { type: 'documentaryCard', attrs: { documentaryId: 2 } },
      { type: 'horizontalRule' },
    ],
  }
}

function doc(...content: unknown[]): unknown {
  return { type: 'doc', content }
}

function paragraphWith(...inlines: unknown[]): unknown {
  return doc({ type: 'paragraph', content: inlines })
}

function linkTo(href: string): unknown {
  return paragraphWith({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] })
}

function errorsOf(input: unknown): string[] {
  const result = validateBody(input)
  assert.equal(result.ok, false, 'expected the document to be refused')
  return result.ok ? [] : result.errors
}

function nestedLists(levels: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] }
  for (let i = 0; i < levels; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] }
  return doc(node)
}

describe('validateBody', () => {
  test('a rich document round-trips unchanged, as a fresh copy', () => {
    const input = richDocument()
    const result = validateBody(input)
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'))
    assert.deepEqual(result.doc, input)
    assert.notEqual(result.doc, input)
    assert.notEqual(result.doc.content[0], input.content[0])
  })

  test('a document given as a JSON string gives the same document as the parsed value', () => {
    const result = validateBody(JSON.stringify(richDocument()))
    assert.ok(result.ok)
    assert.deepEqual(result.doc, richDocument())
  })

  test('normalizing orders marks link-bold-italic, lower-cases schemes and drops what means nothing', () => {
    const result = validateBody(
      doc(
        { type: 'paragraph', content: [] },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'pullQuote', content: [{ type: 'text', text: 'q', marks: [] }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'italic' }, { type: 'bold' }, { type: 'link', attrs: { href: 'HTTPS://Example.org/A' } }],
            },
          ],
        },
      ),
    )
    assert.ok(result.ok)
    assert.deepEqual(result.doc, {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'pullQuote', attrs: {}, content: [{ type: 'text', text: 'q' }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'https://Example.org/A' } }, { type: 'bold' }, { type: 'italic' }],
            },
          ],
        },
      ],
    })
  })

  test('an empty document is valid, and emptyBody gives a new one each time', () => {
    assert.deepEqual(validateBody('{"type":"doc","content":[]}'), { ok: true, doc: { type: 'doc', content: [] } })
    assert.deepEqual(emptyBody(), { type: 'doc', content: [] })
    assert.notEqual(emptyBody(), emptyBody())
  })

  test('every kind of link a newsroom needs is accepted', () => {
    for (const href of [
      'http://example.org',
      'https://example.org/a?b=1&c=2#d',
      'mailto:desk@example.org',
      '/stories/dam',
      '/',
      '#notes',
    ]) {
      assert.ok(validateBody(linkTo(href)).ok, href)
    }
  })

  test('a javascript: link is refused with the place it was found', () => {
    assert.deepEqual(errorsOf(linkTo('javascript:alert(1)')), [
      'content[0].content[0].marks[0].attrs.href: links must be http(s), mailto or a path on this site ("javascript:alert(1)" is not allowed)',
    ])
  })

  test('disguised and dangerous link addresses are all refused', () => {
    const hostile = [
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'JaVaScRiPt:alert(1)',
      '//evil.example/',
      '/\\evil.example',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript\n:alert(1)',
      '\u0000javascript:alert(1)',
      'https://exa\u200bmple.org',
      'javascript&#58;alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'https://bank.example@evil.example/',
      'https:evil.example',
      'ftp://example.org',
      'example.org',
      '',
      `https://example.org/${'a'.repeat(2000)}`,
    ]
    for (const href of hostile) {
      const errors = errorsOf(linkTo(href))
      assert.equal(errors.length, 1, href)
      assert.match(errors[0] ?? '', /^content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href: /, href)
    }
  })

  test('unknown node and mark types are refused by name', () => {
    assert.deepEqual(errorsOf(doc({ type: 'video' })), ['content[0]: unknown node type "video"'])
    assert.deepEqual(errorsOf(paragraphWith({ type: 'text', text: 'x', marks: [{ type: 'underline' }] })), [
      'content[0].content[0].marks[0]: unknown mark type "underline" (marks can be bold, italic or link)',
    ])
  })

  test('properties the schema does not list are refused wherever they appear', () => {
    assert.deepEqual(errorsOf({ type: 'doc', content: [], html: '<p>' }), ['html: the document has no "html" property'])
    assert.deepEqual(errorsOf(doc({ type: 'paragraph', class: 'x' })), [
      'content[0].class: a paragraph has no "class" property',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'image', attrs: { imageId: 1, onerror: 'x' } })), [
      'content[0].attrs.onerror: an image\'s attrs has no "onerror" property',
    ])
    assert.deepEqual(errorsOf(paragraphWith({ type: 'text', text: 'x', marks: [{ type: 'bold', attrs: {} }] })), [
      'content[0].content[0].marks[0].attrs: a bold mark has no "attrs" property',
    ])
    assert.deepEqual(
      errorsOf(
        paragraphWith({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '/', target: '_top' } }] }),
      ),
      ['content[0].content[0].marks[0].attrs.target: a link has no "target" property'],
    )
  })

  test('__proto__ and constructor keys are refused, not followed', () => {
    assert.deepEqual(errorsOf('{"type":"doc","content":[],"__proto__":{"polluted":true}}'), [
      '__proto__: the property "__proto__" is never allowed',
    ])
    assert.deepEqual(errorsOf('{"type":"doc","content":[{"type":"horizontalRule","constructor":{}}]}'), [
      'content[0].constructor: the property "constructor" is never allowed',
    ])
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
  })

  test('a heading of level 1 or 5, or a level given as text, is refused', () => {
    for (const level of [1, 5, '2']) {
      const errors = errorsOf(doc({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: 'T' }] }))
      assert.equal(errors.length, 1)
      assert.match(errors[0] ?? '', /^content\[0\]\.attrs\.level: a heading's level must be 2, 3 or 4/)
    }
  })

  test('a listItem outside a list, or anything but listItems inside one, is refused', () => {
    assert.deepEqual(errorsOf(doc({ type: 'listItem', content: [{ type: 'paragraph' }] })), [
      'content[0]: a listItem can only sit directly inside a bulletList or orderedList',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'bulletList', content: [{ type: 'paragraph' }] })), [
      'content[0].content[0]: a list can only hold listItem nodes (found "paragraph")',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'bulletList', content: [] })), [
      'content[0].content: a list needs at least one listItem',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'text', text: 'loose' })), [
      'content[0]: a text node cannot sit directly in the document; put it inside a paragraph',
    ])
  })

  test('an image without an imageId, or with an id that is not a whole number above 0, is refused', () => {
    assert.deepEqual(errorsOf(doc({ type: 'image', attrs: { alt: 'x' } })), [
      'content[0].attrs.imageId: an image needs "imageId", a whole number above 0 (it is missing)',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'image' })), ['content[0].attrs: an image needs attrs with "imageId"'])
    assert.deepEqual(errorsOf(doc({ type: 'excerpt', attrs: { excerptId: -3 } })), [
      'content[0].attrs.excerptId: an excerpt needs "excerptId", a whole number above 0 (got -3)',
    ])
    for (const documentaryId of [0, 1.5, '7', null]) {
      assert.equal(errorsOf(doc({ type: 'documentaryCard', attrs: { documentaryId } })).length, 1)
    }
  })

  test('wrongly typed or overlong attributes are refused', () => {
    assert.deepEqual(errorsOf(doc({ type: 'image', attrs: { imageId: 1, caption: 5 } })), [
      'content[0].attrs.caption: must be text, not 5',
    ])
    assert.deepEqual(
      errorsOf(
        doc({ type: 'pullQuote', attrs: { attribution: 'a'.repeat(201) }, content: [{ type: 'text', text: 'q' }] }),
      ),
      ['content[0].attrs.attribution: is limited to 200 characters (this one has 201)'],
    )
    assert.deepEqual(
      errorsOf(
        doc({
          type: 'orderedList',
          attrs: { start: 0 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
        }),
      ),
      ["content[0].attrs.start: a list's start must be a whole number from 1 (got 0)"],
    )
  })

  test('a text node must hold some text, a pull quote some text, and marks may not repeat', () => {
    assert.deepEqual(errorsOf(paragraphWith({ type: 'text', text: '' })), [
      'content[0].content[0].text: a text node cannot be empty; leave the node out instead',
    ])
    assert.deepEqual(errorsOf(doc({ type: 'pullQuote', attrs: {}, content: [] })), [
      'content[0].content: a pullQuote needs some text',
    ])
    assert.deepEqual(
      errorsOf(paragraphWith({ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'bold' }] })),
      ['content[0].content[0].marks[1]: this text already has a bold mark'],
    )
    assert.deepEqual(errorsOf(doc({ type: 'paragraph', content: [{ type: 'image', attrs: { imageId: 1 } }] })), [
      'content[0].content[0]: a paragraph can only hold text and hardBreak nodes (found "image")',
    ])
  })
})

describe('validateBody on hostile or oversized input', () => {
  test('anything but a JSON object is refused with a plain explanation', () => {
    for (const input of [null, undefined, 42, true, [], '[]', '"doc"', 'null', new Date(), new Map()]) {
      const errors = errorsOf(input)
      assert.equal(errors.length, 1)
      assert.match(errors[0] ?? '', /^The body document must be a JSON object like/)
    }
    assert.deepEqual(errorsOf({ type: 'page', content: [] }), ['type: the document\'s type must be "doc" (got "page")'])
    assert.deepEqual(errorsOf({ type: 'doc' }), ['content: the document needs a content list (it may be empty)'])
  })

  test('a string that is not JSON is refused as invalid JSON', () => {
    const errors = errorsOf('{"type":"doc",')
    assert.equal(errors.length, 1)
    assert.match(errors[0] ?? '', /^The body document is not valid JSON \(/)
  })

  test('a JSON string over 200,000 bytes is refused before it is parsed', () => {
    // Not even valid JSON: the size check must come first.
    assert.deepEqual(errorsOf(`{${' '.repeat(200_001)}`), [
      'The body document is larger than 200,000 bytes; split it into several stories or pages.',
    ])
    // Short in characters, long in UTF-8 bytes.
    const wide = JSON.stringify(
      paragraphWith(...Array.from({ length: 8 }, () => ({ type: 'text', text: '€'.repeat(9_000) }))),
    )
    assert.ok(wide.length < 200_000)
    assert.match(errorsOf(wide)[0] ?? '', /larger than 200,000 bytes/)
  })

  test('an already-parsed object is held to the same size limit as its JSON', () => {
    const inlines = Array.from({ length: 8 }, () => ({ type: 'text', text: '€'.repeat(9_000) }))
    assert.deepEqual(errorsOf(paragraphWith(...inlines)), [
      'The body document is larger than 200,000 bytes; split it into several stories or pages.',
    ])
  })

  test('nesting deeper than 12 levels is refused at the first level too deep', () => {
    assert.ok(validateBody(nestedLists(5)).ok)
    const errors = errorsOf(nestedLists(7))
    assert.equal(errors.length, 1)
    assert.match(errors[0] ?? '', /: nodes are nested more than 12 levels deep here$/)
  })

  test('a document of more than 5,000 nodes is refused', () => {
    const paragraphs = Array.from({ length: 5_001 }, () => ({ type: 'horizontalRule' }))
    assert.deepEqual(errorsOf(doc(...paragraphs)), [
      'content[5000]: the document has more than 5,000 nodes; split it or simplify it',
    ])
    assert.ok(validateBody(doc(...paragraphs.slice(1))).ok)
  })

  test('a text node over 20,000 characters, or more than 150,000 characters of text in all, is refused', () => {
    assert.deepEqual(errorsOf(paragraphWith({ type: 'text', text: 'a'.repeat(20_001) })), [
      'content[0].content[0].text: a text node is limited to 20,000 characters (this one has 20,001)',
    ])
    const paragraphs = Array.from({ length: 8 }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'a'.repeat(19_000) }],
    }))
    assert.deepEqual(errorsOf(doc(...paragraphs)), [
      'The body document has more than 150,000 characters of text; split it into several stories or pages.',
    ])
  })

  test('no more than 20 problems are reported, however many there are', () => {
    const errors = errorsOf(doc(...Array.from({ length: 100 }, () => ({ type: 'video' }))))
    assert.equal(errors.length, 20)
    assert.equal(errors[19], 'content[19]: unknown node type "video"')
  })
})

describe('parseBody', () => {
  test('a valid document comes back as a fresh copy', () => {
    const input = richDocument()
    const parsed = parseBody(input)
    assert.deepEqual(parsed, input)
    assert.notEqual(parsed, input)
  })

  test('an invalid document throws invalid_document listing each problem', () => {
    assert.throws(
      () => parseBody(linkTo('javascript:alert(1)')),
      (error: unknown) => {
        assert.ok(error instanceof DomainError)
        assert.equal(error.code, 'invalid_document')
        assert.equal(error.message, 'The body document is not valid.')
        assert.equal(error.details.length, 1)
        assert.match(error.details[0] ?? '', /javascript:alert\(1\)/)
        return true
      },
    )
  })
})
