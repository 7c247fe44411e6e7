import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { interviewReferenceProblems, interviewReferences, parseBody, renderBody, validateBody } from './index.js'
import type { BodyRenderContext, InterviewFacts, RenderInterview } from './index.js'

const excerpt = (attrs: unknown): unknown => ({ type: 'interviewExcerpt', attrs })
const words = (text: string): unknown[] => [{ type: 'text', text }]

function errorsOf(content: unknown[]): string[] {
  const result = validateBody({ type: 'doc', content })
  assert.equal(result.ok, false, 'expected the document to be refused')
  return result.ok ? [] : result.errors
}

function interview(overrides: Partial<RenderInterview> = {}): RenderInterview {
  return {
    id: 7,
    title: 'The harbour master',
    personName: 'Ona Varga',
    personRole: 'Harbour master, 1998–2011',
    passages: [
      { position: 0, startSeconds: 0, endSeconds: 30, withheld: false },
      { position: 1, startSeconds: 30, endSeconds: 63.5, withheld: false },
      { position: 2, startSeconds: 63.5, endSeconds: 95, withheld: false },
      { position: 3, startSeconds: 95, endSeconds: 120, withheld: true },
    ],
    video: {
      hlsUrl: '/media/v/master.m3u8',
      mp4Url: '/media/v/360.mp4',
      posterUrl: '/media/v/poster.jpg',
      width: 640,
      height: 360,
      captions: [],
    },
    passageUrl: position => `/interviews/harbour-master#p-${position + 1}`,
    ...overrides,
  }
}

function context(interviews: RenderInterview[] = [interview()]): BodyRenderContext {
  return {
    images: new Map(),
    excerpts: new Map(),
    documentaries: new Map(),
    interviews: new Map(interviews.map(i => [i.id, i])),
  }
}

const render = (content: unknown[], ctx = context()) => renderBody(parseBody({ type: 'doc', content }), ctx)

describe('interview nodes: validation', () => {
  test('an interview excerpt and quotes naming their source are kept in normal form (times to the millisecond)', () => {
    const doc = parseBody({
      type: 'doc',
      content: [
        excerpt({ interviewId: 7, startSeconds: 63.5000004, endSeconds: 95 }),
        {
          type: 'pullQuote',
          attrs: { attribution: 'Ona Varga', source: { interviewId: 7, startSeconds: 63.5 } },
          content: words('The gates never closed.'),
        },
        {
          type: 'blockquote',
          attrs: { source: { interviewId: 7, startSeconds: 0 } },
          content: [{ type: 'paragraph', content: words('We kept the log.') }],
        },
        { type: 'blockquote', attrs: {}, content: [{ type: 'paragraph', content: words('Plain.') }] },
      ],
    })
    assert.deepEqual(doc.content[0], {
      type: 'interviewExcerpt',
      attrs: { interviewId: 7, startSeconds: 63.5, endSeconds: 95 },
    })
    assert.deepEqual(doc.content[1], {
      type: 'pullQuote',
      attrs: { attribution: 'Ona Varga', source: { interviewId: 7, startSeconds: 63.5 } },
      content: words('The gates never closed.'),
    })
    assert.deepEqual((doc.content[2] as { attrs?: unknown }).attrs, { source: { interviewId: 7, startSeconds: 0 } })
    assert.equal('attrs' in (doc.content[3] as object), false, 'an empty attrs object is left out')
  })

  test('bad attrs are refused with the path of what is wrong', () => {
    assert.match(
      errorsOf([excerpt({ startSeconds: 1, endSeconds: 2 })])[0] ?? '',
      /^content\[0\]\.attrs\.interviewId: an interviewExcerpt needs "interviewId", a whole number above 0 \(it is missing\)/,
    )
    assert.match(
      errorsOf([excerpt({ interviewId: 7, startSeconds: '12', endSeconds: 20 })])[0] ?? '',
      /^content\[0\]\.attrs\.startSeconds: .*number of seconds from 0 to 86400 \(got the text "12"\)/,
    )
    assert.match(
      errorsOf([excerpt({ interviewId: 7, startSeconds: -1, endSeconds: 20 })])[0] ?? '',
      /^content\[0\]\.attrs\.startSeconds: /,
    )
    assert.match(
      errorsOf([excerpt({ interviewId: 7, startSeconds: 30, endSeconds: 30 })])[0] ?? '',
      /^content\[0\]\.attrs\.endSeconds: an interviewExcerpt must end after it starts/,
    )
    assert.match(
      errorsOf([excerpt({ interviewId: 7, startSeconds: 0, endSeconds: 9, at: 1 })])[0] ?? '',
      /^content\[0\]\.attrs\.at: an interviewExcerpt's attrs has no "at" property/,
    )
    assert.match(
      errorsOf([excerpt(undefined)])[0] ?? '',
      /^content\[0\]\.attrs: an interviewExcerpt needs attrs with "interviewId"/,
    )
    assert.match(
      errorsOf([{ type: 'pullQuote', attrs: { source: { interviewId: 7 } }, content: words('x') }])[0] ?? '',
      /^content\[0\]\.attrs\.source\.startSeconds: a pullQuote's source needs "startSeconds"/,
    )
    assert.match(
      errorsOf([{ type: 'blockquote', attrs: { source: 'p-3' }, content: [] }])[0] ?? '',
      /^content\[0\]\.attrs\.source: a blockquote's source must be an object, not the text "p-3"/,
    )
    // Only the document holds interview excerpts, like every embed.
    assert.match(
      errorsOf([
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [excerpt({ interviewId: 7, startSeconds: 0, endSeconds: 9 })] }],
        },
      ])[0] ?? '',
      /a listItem can only hold paragraphs and lists \(found "interviewExcerpt"\)/,
    )
  })
})

describe('interview nodes: references at save', () => {
  const doc = parseBody({
    type: 'doc',
    content: [
      { type: 'paragraph', content: words('She told us:') },
      excerpt({ interviewId: 7, startSeconds: 30, endSeconds: 95 }),
      { type: 'pullQuote', attrs: { source: { interviewId: 9, startSeconds: 4 } }, content: words('Quoted.') },
    ],
  })
  const facts = (over: Partial<InterviewFacts> = {}): InterviewFacts => ({
    durationSeconds: 120,
    passages: interview().passages,
    ...over,
  })

  test('blocks are numbered as the writer counts them', () => {
    assert.deepEqual(
      interviewReferences(doc).map(r => [r.block, r.kind, r.interviewId]),
      [
        [2, 'interview excerpt', 7],
        [3, 'pull quote', 9],
      ],
    )
  })

  test('a span inside the video and clear of withheld passages passes; each problem names its block', () => {
    assert.deepEqual(
      interviewReferenceProblems(
        interviewReferences(doc),
        new Map([
          [7, facts()],
          [9, facts()],
        ]),
      ),
      [],
    )
    assert.deepEqual(interviewReferenceProblems(interviewReferences(doc), new Map([[7, facts()]])), [
      'Block 3 (pull quote) refers to interview 9, which does not exist.',
    ])
    const short = interviewReferenceProblems(
      interviewReferences(doc),
      new Map([
        [7, facts({ durationSeconds: 60 })],
        [9, facts()],
      ]),
    )
    assert.deepEqual(short, [
      'Block 2 (interview excerpt) plays 0:30–1:35 of interview 7, outside its video (0:00–1:00).',
    ])
    const withheld = facts({ passages: interview().passages.map(p => ({ ...p, withheld: p.position === 2 })) })
    assert.match(
      interviewReferenceProblems(
        interviewReferences(doc),
        new Map([
          [7, withheld],
          [9, facts()],
        ]),
      )[0] ?? '',
      /^Block 2 \(interview excerpt\) runs into passage 3 of interview 7 \(1:03–1:35\), which is withheld/,
    )
  })

  test('before the video is transcoded the transcript bounds the span', () => {
    const noVideo = facts({ durationSeconds: null, passages: interview().passages.slice(0, 2) })
    assert.match(
      interviewReferenceProblems(
        interviewReferences(doc),
        new Map([
          [7, noVideo],
          [9, facts()],
        ]),
      )[0] ?? '',
      /outside its transcript \(0:00–1:03\)/,
    )
    assert.match(
      interviewReferenceProblems(
        interviewReferences(doc),
        new Map([
          [7, facts({ durationSeconds: null, passages: [] })],
          [9, facts()],
        ]),
      )[0] ?? '',
      /which has neither a video nor a transcript yet/,
    )
  })
})

describe('interview nodes: rendering', () => {
  test('an excerpt plays only its span and links to the full interview at that moment', () => {
    const html = render([excerpt({ interviewId: 7, startSeconds: 63.5, endSeconds: 95 })])
    assert.match(
      html,
      /<figure class="excerpt interview-excerpt" data-interview-id="7" data-start="63.5" data-end="95" data-media="/,
    )
    assert.match(html, /<source src="\/media\/v\/360\.mp4#t=63\.5,95" type="video\/mp4">/)
    assert.match(
      html,
      /<span class="excerpt-title">Ona Varga<\/span>, <span class="excerpt-role">Harbour master, 1998–2011<\/span>/,
    )
    assert.match(
      html,
      /<a class="excerpt-watch" href="\/interviews\/harbour-master#p-3">Watch the full interview from 1:03/,
    )
    const media = JSON.parse((/data-media="([^"]*)"/.exec(html)?.[1] ?? '').replaceAll('&quot;', '"')) as {
      start: number
      end: number
      mp4Url: string
    }
    assert.deepEqual([media.start, media.end, media.mp4Url], [63.5, 95, '/media/v/360.mp4'])
  })

  test('nothing renders without the interview (unpublished), or when the span now reaches a withheld passage', () => {
    assert.equal(render([excerpt({ interviewId: 8, startSeconds: 0, endSeconds: 9 })]), '')
    assert.equal(render([excerpt({ interviewId: 7, startSeconds: 63.5, endSeconds: 100 })]), '')
    assert.equal(
      renderBody(parseBody({ type: 'doc', content: [excerpt({ interviewId: 7, startSeconds: 0, endSeconds: 9 })] }), {
        images: new Map(),
        excerpts: new Map(),
        documentaries: new Map(),
      }),
      '',
    )
  })

  test('before the video is ready the caption and link still show, with no player', () => {
    const html = render(
      [excerpt({ interviewId: 7, startSeconds: 0, endSeconds: 30 })],
      context([interview({ video: undefined })]),
    )
    assert.doesNotMatch(html, /<video|data-media/)
    assert.match(html, /Watch the full interview from 0:00/)
  })

  test('a quote naming its source links its attribution to that moment; escaped; plain when the interview is not shown', () => {
    const pull = {
      type: 'pullQuote',
      attrs: { attribution: '<b>Ona</b>', source: { interviewId: 7, startSeconds: 40 } },
      content: words('Quoted.'),
    }
    assert.match(
      render([pull]),
      /<figcaption>— <a class="quote-source" href="\/interviews\/harbour-master#p-2">&lt;b&gt;Ona&lt;\/b&gt;, at 0:40 in the full interview<\/a><\/figcaption>/,
    )
    assert.match(render([pull], context([])), /<figcaption>— &lt;b&gt;Ona&lt;\/b&gt;<\/figcaption>/)
    const quote = {
      type: 'blockquote',
      attrs: { source: { interviewId: 7, startSeconds: 0 } },
      content: [{ type: 'paragraph', content: words('Said.') }],
    }
    assert.match(
      render([quote]),
      /<figure class="body-quote"><blockquote><p>Said\.<\/p><\/blockquote><figcaption>— <a class="quote-source" href="\/interviews\/harbour-master#p-1">Ona Varga, Harbour master, 1998–2011, at 0:00/,
    )
    // A withheld moment is never linked.
    assert.doesNotMatch(
      render([{ ...quote, attrs: { source: { interviewId: 7, startSeconds: 100 } } }]),
      /quote-source/,
    )
  })
})
