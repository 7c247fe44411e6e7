// A stored body read for a public page is parsed once per stored text and shared, frozen: a
// reader cannot change what another reader holds, and an edited story reads its new body at once.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bodyToPlainText, bodyWordCount, emptyBody, readStoredBody, renderBody, sharedStoredBody } from './index.js'

const stored = (words: string) =>
  JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: words, marks: [{ type: 'italic' }] }] }],
  })

test('two reads of the same text share one document, equal to a fresh read', () => {
  const text = stored('The ledger was kept in pencil.')
  const first = sharedStoredBody(text)
  assert.equal(sharedStoredBody(text), first)
  assert.deepEqual(first, readStoredBody(text))
})

test('the shared document cannot be changed at any depth, and a fresh read is still a copy to edit', () => {
  const text = stored('Nobody signed for the delivery.')
  const shared = sharedStoredBody(text)
  assert.throws(() => shared.content.push({ type: 'horizontalRule' } as never), TypeError)
  const paragraph = shared.content[0] as { content: { text: string; marks: unknown[] }[] }
  assert.throws(() => {
    paragraph.content[0]!.text = 'changed'
  }, TypeError)
  assert.throws(() => paragraph.content[0]!.marks.pop(), TypeError)
  assert.equal(sharedStoredBody(text), shared)
  assert.equal(paragraph.content[0]!.text, 'Nobody signed for the delivery.')
  const copy = readStoredBody(text)
  copy.content.push({ type: 'horizontalRule' } as never)
  assert.equal(copy.content.length, 2)
})

test('an edited body is a new text, read at once', () => {
  const before = sharedStoredBody(stored('The first draft.'))
  const after = sharedStoredBody(stored('The corrected draft.'))
  assert.notEqual(after, before)
  assert.match(JSON.stringify(after), /corrected/)
})

test('an unreadable stored text reads as an empty body, as readStoredBody does', () => {
  assert.deepEqual(sharedStoredBody('{not json'), emptyBody())
  assert.deepEqual(sharedStoredBody('{"type":"list"}'), emptyBody())
})

test('at most 64 texts are kept, the oldest going first, and a very long text is parsed every time', () => {
  const oldest = stored('kept first')
  const kept = sharedStoredBody(oldest)
  for (let i = 0; i < 64; i++) sharedStoredBody(stored(`filler ${i}`))
  const again = sharedStoredBody(oldest)
  assert.notEqual(again, kept)
  assert.deepEqual(again, kept)
  const long = stored('word '.repeat(20_000))
  const once = sharedStoredBody(long)
  assert.notEqual(sharedStoredBody(long), once)
  assert.ok(Object.isFrozen(once))
})

test('a shared body renders, counts and reads as text the same as a fresh copy, every time', () => {
  const text = JSON.stringify({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What "the clerk" said' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fees -- and fines ' },
          { type: 'text', text: 'doubled', marks: [{ type: 'bold' }] },
          { type: 'text', text: " by '24." },
        ],
      },
    ],
  })
  const shared = sharedStoredBody(text)
  const fresh = readStoredBody(text)
  const context = { images: new Map(), excerpts: new Map(), documentaries: new Map(), interviews: new Map() }
  for (let i = 0; i < 2; i++) {
    assert.equal(renderBody(shared, context as never), renderBody(fresh, context as never))
    assert.equal(bodyWordCount(shared), bodyWordCount(fresh))
    assert.equal(bodyToPlainText(shared), bodyToPlainText(fresh))
  }
  assert.match(renderBody(shared, context as never), /<p>Fees — and fines <strong>doubled<\/strong> by ’24\.<\/p>/)
  assert.equal(bodyWordCount(shared), 10)
})
