import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { renderToString } from 'preact-render-to-string'
import { h } from 'preact'
import { parseBody, type BodyDocument } from '../body/index.js'
import { diffRevisions, diffWords, type FieldDiff, type RevisionLike } from './revision-diff.js'
import { RevisionDiffView } from './views/revision-diff-view.js'

const body = (...paragraphs: string[]): BodyDocument =>
  parseBody({
    type: 'doc',
    content: paragraphs.map(text => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  })
/** The same, unvalidated: a single paragraph of 10,000 words is past the body's limits, not the diff's. */
const bigBody = (...paragraphs: string[]): BodyDocument => ({
  type: 'doc',
  content: paragraphs.map(text => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

const revision = (overrides: Partial<RevisionLike> = {}): RevisionLike => ({
  title: 'The dam that was never finished',
  slug: 'the-dam',
  dek: 'A town waits for water.',
  section: 'investigation',
  body: body('The river ran dry in August.', 'Nobody in town was surprised.', 'The council met twice.'),
  heroImageId: 4,
  authorIds: [1, 2],
  topicIds: [3],
  documentaryIds: [],
  ...overrides,
})

const bodyDiff = (diffs: FieldDiff[]) => {
  const found = diffs.find(d => d.field === 'body')
  assert.ok(found && found.kind === 'body', 'the body changed')
  return found.blocks
}

describe('diffRevisions', () => {
  test('identical revisions have no differences', () => {
    assert.deepEqual(diffRevisions(revision(), revision()), [])
  })

  test('a changed word in the headline shows as that word removed and its replacement added', () => {
    const diffs = diffRevisions(revision(), revision({ title: 'The dam that was never built' }))
    assert.deepEqual(diffs, [
      {
        field: 'title',
        label: 'Headline',
        kind: 'text',
        segments: [
          { kind: 'same', text: 'The dam that was never ' },
          { kind: 'removed', text: 'finished' },
          { kind: 'added', text: 'built' },
        ],
      },
    ])
  })

  test('neighbouring changed words read as one change, not as word-space-word fragments', () => {
    assert.deepEqual(diffWords('the quick brown fox', 'the slow red fox'), [
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick brown' },
      { kind: 'added', text: 'slow red' },
      { kind: 'same', text: ' fox' },
    ])
  })

  test('words in any script, and words with an apostrophe, change whole rather than letter by letter', () => {
    assert.deepEqual(diffWords('Он пришёл домой.', 'Она пришла домой.'), [
      { kind: 'removed', text: 'Он пришёл' },
      { kind: 'added', text: 'Она пришла' },
      { kind: 'same', text: ' домой.' },
    ])
    assert.deepEqual(diffWords("It isn't here.", "It wasn't here."), [
      { kind: 'same', text: 'It ' },
      { kind: 'removed', text: "isn't" },
      { kind: 'added', text: "wasn't" },
      { kind: 'same', text: ' here.' },
    ])
  })

  test('a change of spacing alone is a change, so the earlier text can still be read back', () => {
    assert.deepEqual(diffWords('two  spaces', 'two spaces'), [
      { kind: 'same', text: 'two' },
      { kind: 'removed', text: '  ' },
      { kind: 'added', text: ' ' },
      { kind: 'same', text: 'spaces' },
    ])
  })

  test('a changed word in the body marks only its block as changed', () => {
    const blocks = bodyDiff(
      diffRevisions(
        revision(),
        revision({
          body: body('The river ran dry in July.', 'Nobody in town was surprised.', 'The council met twice.'),
        }),
      ),
    )
    assert.deepEqual(
      blocks.map(b => b.kind),
      ['changed', 'same', 'same'],
    )
    assert.deepEqual(blocks[0]?.segments, [
      { kind: 'same', text: 'The river ran dry in ' },
      { kind: 'removed', text: 'August' },
      { kind: 'added', text: 'July' },
      { kind: 'same', text: '.' },
    ])
  })

  test('an added paragraph is added whole and the others stay the same', () => {
    const blocks = bodyDiff(
      diffRevisions(
        revision(),
        revision({
          body: body(
            'The river ran dry in August.',
            'A new paragraph about the pumps.',
            'Nobody in town was surprised.',
            'The council met twice.',
          ),
        }),
      ),
    )
    assert.deepEqual(
      blocks.map(b => [b.kind, b.segments.map(s => s.text).join('')]),
      [
        ['same', 'The river ran dry in August.'],
        ['added', 'A new paragraph about the pumps.'],
        ['same', 'Nobody in town was surprised.'],
        ['same', 'The council met twice.'],
      ],
    )
  })

  test('a moved paragraph shows as removed where it was and added where it went', () => {
    const blocks = bodyDiff(
      diffRevisions(
        revision(),
        revision({
          body: body('Nobody in town was surprised.', 'The council met twice.', 'The river ran dry in August.'),
        }),
      ),
    )
    assert.deepEqual(
      blocks.map(b => [b.kind, b.segments.map(s => s.text).join('')]),
      [
        ['removed', 'The river ran dry in August.'],
        ['same', 'Nobody in town was surprised.'],
        ['same', 'The council met twice.'],
        ['added', 'The river ran dry in August.'],
      ],
    )
  })

  test('an edited paragraph next to a new one is paired with its new version', () => {
    const blocks = bodyDiff(
      diffRevisions(
        revision(),
        revision({
          body: body(
            'Something else entirely happened first.',
            'The river ran dry in late August.',
            'Nobody in town was surprised.',
            'The council met twice.',
          ),
        }),
      ),
    )
    assert.deepEqual(
      blocks.map(b => b.kind),
      ['added', 'changed', 'same', 'same'],
    )
  })

  test('images and other embeds count as blocks of the body', () => {
    const withImage = parseBody({
      type: 'doc',
      content: [...revision().body.content, { type: 'image', attrs: { imageId: 9, caption: 'The empty reservoir' } }],
    })
    const blocks = bodyDiff(diffRevisions(revision(), revision({ body: withImage })))
    assert.deepEqual(blocks.at(-1), {
      kind: 'added',
      segments: [{ kind: 'added', text: '[Image 9: The empty reservoir]' }],
    })
  })

  test('other fields say what they were and what they became', () => {
    const diffs = diffRevisions(
      revision(),
      revision({ section: 'explainer', heroImageId: null, authorIds: [2, 5], topicIds: [3], slug: 'the-dam-2' }),
    )
    assert.deepEqual(
      diffs.map(d => d.field),
      ['slug', 'section', 'heroImageId', 'authorIds'],
    )
    assert.deepEqual(
      diffs.find(d => d.field === 'section'),
      { field: 'section', label: 'Section', kind: 'value', before: 'investigation', after: 'explainer' },
    )
    assert.deepEqual(
      diffs.find(d => d.field === 'authorIds'),
      { field: 'authorIds', label: 'Byline', kind: 'list', before: [1, 2], after: [2, 5], added: [5], removed: [1] },
    )
    const reordered = diffRevisions(revision(), revision({ authorIds: [2, 1] }))
    assert.deepEqual(
      reordered.map(d => (d.kind === 'list' ? [d.added, d.removed] : null)),
      [[[], []]],
    )
  })

  test('10,000-word bodies diff whether lightly edited or wholly rewritten', () => {
    // How fast is not asserted here (a busy machine would make it flaky); the inputs are the
    // sizes a long investigation reaches, so a diff that blew up on them would hang this test.
    const words = (seed: number, count: number) =>
      Array.from({ length: count }, (_, i) => `w${(i * 7919 + seed) % 5003}`).join(' ')
    const paragraphs = (seed: number) => Array.from({ length: 100 }, (_, i) => words(seed + i, 100))
    const original = paragraphs(1)
    const edited = original.map((p, i) => (i % 10 === 0 ? p.replace(/w\d+/, 'changed') : p))
    edited.splice(50, 1)
    for (const [a, b] of [
      [original, edited],
      [original, paragraphs(7)],
      [[words(1, 10_000)], [words(2, 10_000)]],
    ] as const) {
      const changes = diffRevisions(revision({ body: bigBody(...a) }), revision({ body: bigBody(...b) }))
      assert.equal(changes.length, 1)
    }
  })

  test('a diff always rebuilds both texts exactly', () => {
    const cases = [
      ['', 'new'],
      ['old', ''],
      ['a b c d e', 'a c e f'],
      ['“Quoted,” she said — twice.', '“Quoted,” he said, once.'],
      ['x '.repeat(3000), 'y '.repeat(3000)],
    ]
    for (const [a = '', b = ''] of cases) {
      const segments = diffWords(a, b)
      assert.equal(
        segments
          .filter(s => s.kind !== 'added')
          .map(s => s.text)
          .join(''),
        a,
      )
      assert.equal(
        segments
          .filter(s => s.kind !== 'removed')
          .map(s => s.text)
          .join(''),
        b,
      )
    }
  })
})

describe('RevisionDiffView', () => {
  test('additions and removals are marked up and announced in words', () => {
    const html = renderToString(
      h(RevisionDiffView, { diffs: diffRevisions(revision(), revision({ title: 'The dam that was never built' })) }),
    )
    assert.ok(html.includes('<h3>Headline</h3>'))
    assert.ok(
      html.includes(
        '<del><span class="visually-hidden">[removed: </span>finished<span class="visually-hidden">]</span></del>',
      ),
    )
    assert.ok(
      html.includes(
        '<ins><span class="visually-hidden">[added: </span>built<span class="visually-hidden">]</span></ins>',
      ),
    )
  })

  test('unchanged paragraphs are folded into a count', () => {
    const html = renderToString(
      h(RevisionDiffView, {
        diffs: diffRevisions(
          revision(),
          revision({
            body: body('The river ran dry in July.', 'Nobody in town was surprised.', 'The council met twice.'),
          }),
        ),
      }),
    )
    assert.ok(html.includes('2 paragraphs unchanged'))
    assert.ok(!html.includes('Nobody in town'))
  })

  test('hostile text stays text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const html = renderToString(
      h(RevisionDiffView, {
        diffs: diffRevisions(
          revision(),
          revision({ dek: hostile, body: body(hostile, 'Nobody in town was surprised.', 'The council met twice.') }),
        ),
      }),
    )
    assert.ok(!html.includes('<script') && !html.includes('<img'), html)
    assert.ok(html.includes('&lt;script>') || html.includes('&lt;script&gt;'))
  })

  test('no differences is said in words', () => {
    assert.match(renderToString(h(RevisionDiffView, { diffs: [] })), /Nothing changed/)
  })
})
