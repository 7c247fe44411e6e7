import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { bodyReferences, bodyToPlainText, bodyWordCount, emptyBody, parseBody } from './index.js'

const paragraph = (...texts: string[]): unknown => ({
  type: 'paragraph',
  content: texts.map(text => ({ type: 'text', text })),
})

describe('bodyReferences', () => {
  test('images, excerpts, documentaries and interviews are collected once each, in document order', () => {
    const doc = parseBody({
      type: 'doc',
      content: [
        { type: 'image', attrs: { imageId: 7 } },
        { type: 'documentaryCard', attrs: { documentaryId: 2 } },
        { type: 'excerpt', attrs: { excerptId: 30 } },
        { type: 'image', attrs: { imageId: 3, caption: 'again, differently captioned' } },
        { type: 'image', attrs: { imageId: 7 } },
        { type: 'excerpt', attrs: { excerptId: 12 } },
        { type: 'excerpt', attrs: { excerptId: 30 } },
        { type: 'documentaryCard', attrs: { documentaryId: 2 } },
        { type: 'interviewExcerpt', attrs: { interviewId: 9, startSeconds: 10, endSeconds: 20 } },
        {
          type: 'pullQuote',
          attrs: { source: { interviewId: 4, startSeconds: 3 } },
          content: [{ type: 'text', text: 'Said.' }],
        },
        {
          type: 'blockquote',
          attrs: { source: { interviewId: 9, startSeconds: 40 } },
          content: [paragraph('Said again.')],
        },
      ],
    })
    assert.deepEqual(bodyReferences(doc), {
      imageIds: [7, 3],
      excerptIds: [30, 12],
      documentaryIds: [2],
      interviewIds: [9, 4],
    })
  })

  test('a body without embeds refers to nothing', () => {
    assert.deepEqual(bodyReferences(emptyBody()), {
      imageIds: [],
      excerptIds: [],
      documentaryIds: [],
      interviewIds: [],
    })
  })
})

describe('bodyToPlainText and bodyWordCount', () => {
  const doc = parseBody({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The dam' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Water ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'never came', marks: [{ type: 'link', attrs: { href: '/x' } }] },
          { type: 'hardBreak' },
          { type: 'text', text: '— not once.' },
        ],
      },
      { type: 'paragraph' },
      { type: 'image', attrs: { imageId: 1, caption: 'Not body prose' } },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph('first item')] },
          {
            type: 'listItem',
            content: [
              paragraph('second'),
              { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('nested')] }] },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [paragraph('“We waited,” she said.')] },
      { type: 'pullQuote', attrs: { attribution: 'A farmer' }, content: [{ type: 'text', text: 'We waited.' }] },
      { type: 'horizontalRule' },
    ],
  })

  test('plain text keeps the prose without markup, one block per paragraph separated by blank lines', () => {
    assert.equal(
      bodyToPlainText(doc),
      [
        'The dam',
        'Water never came\n— not once.',
        'first item',
        'second',
        'nested',
        '“We waited,” she said.',
        'We waited.',
      ].join('\n\n'),
    )
  })

  test('words are counted from the plain text, leaving out lone punctuation', () => {
    assert.equal(bodyWordCount(doc), 17)
    assert.equal(bodyWordCount(emptyBody()), 0)
  })

  test('words count as the \\S+ runs holding a letter or digit, in any script and with any space', () => {
    const samples = [
      'Café — 2\u00a0500 · naïve',
      '𝒜bc ‥ 東京\u3000tokyo ‐ x\u2009y',
      '  - • 42 -- ... ¡Sí! \t\n',
      '\u{1F600} 😀x ٣ ٤٥',
    ]
    for (const text of samples) {
      const expected = [...text.matchAll(/\S+/g)].filter(m => /[\p{L}\p{N}]/u.test(m[0])).length
      assert.equal(bodyWordCount(parseBody({ type: 'doc', content: [paragraph(text)] })), expected, text)
    }
  })
})
