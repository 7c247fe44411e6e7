import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatTimecode, parseBody, renderBody } from './index.js'
import type { BodyDocument, BodyRenderContext, RenderDocumentaryCard, RenderExcerpt, RenderImage } from './index.js'

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\''
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;'

function image(overrides: Partial<RenderImage> = {}): RenderImage {
  return {
    src: '/media/4/960.jpg',
    width: 960,
    height: 640,
    alt: 'A dry riverbed',
    caption: 'The river in May',
    credit: 'A. Reporter',
    ...overrides,
  }
}

function excerpt(overrides: Partial<RenderExcerpt> = {}): RenderExcerpt {
  return {
    id: 9,
    title: 'The flood',
    caption: 'Villagers recall the night.',
    startSeconds: 725,
    endSeconds: 800,
    documentaryTitle: 'Dry Season',
    documentaryUrl: '/documentaries/dry-season',
    ...overrides,
  }
}

function card(overrides: Partial<RenderDocumentaryCard> = {}): RenderDocumentaryCard {
  return {
    title: 'Dry Season',
    url: '/documentaries/dry-season',
    dek: 'A river, a dam, a valley.',
    runtimeLabel: '1h 54m',
    ...overrides,
  }
}

function context(parts: Partial<BodyRenderContext> = {}): BodyRenderContext {
  return { images: new Map(), excerpts: new Map(), documentaries: new Map(), ...parts }
}

/** Validates like a real caller would, then renders. */
function render(content: unknown[], ctx: BodyRenderContext = context()): string {
  return renderBody(parseBody({ type: 'doc', content }), ctx)
}

function text(value: string, marks?: unknown[]): unknown {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks }
}

const link = (href: string, title?: string): unknown => ({
  type: 'link',
  attrs: title === undefined ? { href } : { href, title },
})

describe('renderBody: prose', () => {
  test('paragraphs, lists, quotes and rules render as plain semantic HTML', () => {
    const html = render([
      { type: 'paragraph', content: [text('One'), { type: 'hardBreak' }, text('two')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('a')] }] }] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('c')] }] }],
      },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [text('q')] }] },
      { type: 'horizontalRule' },
    ])
    assert.equal(
      html,
      '<p>One<br>two</p><ul><li><p>a</p></li></ul><ol start="3"><li><p>c</p></li></ol>' +
        '<ol><li><p></p></li></ol><blockquote><p>q</p></blockquote><hr>',
    )
  })

  test('headings get readable ids that stay unique within the document', () => {
    const heading = (level: number, value: string): unknown => ({
      type: 'heading',
      attrs: { level },
      content: [text(value)],
    })
    const html = render([
      heading(2, 'Who paid?'),
      heading(3, 'Who paid?'),
      heading(4, 'Élan & “quotes”'),
      { type: 'heading', attrs: { level: 2 } },
    ])
    assert.equal(
      html,
      '<h2 id="who-paid">Who paid?</h2><h3 id="who-paid-2">Who paid?</h3>' +
        '<h4 id="elan-quotes">Élan &amp; “quotes”</h4><h2 id="section"></h2>',
    )
  })

  test('marks nest link, then bold, then italic, whatever order they were stored in', () => {
    const html = render([
      { type: 'paragraph', content: [text('x', [{ type: 'italic' }, { type: 'bold' }, link('/a')])] },
    ])
    assert.equal(html, '<p><a href="/a"><strong><em>x</em></strong></a></p>')
  })

  test('neighbouring text with the same link shares one <a>', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          text('read ', [link('/a')]),
          text('this', [link('/a'), { type: 'bold' }]),
          text(' now'),
          text('!', [link('/b')]),
        ],
      },
    ])
    assert.equal(html, '<p><a href="/a">read <strong>this</strong></a> now<a href="/b">!</a></p>')
  })

  test('web links get rel="noopener"; site paths, fragments and mail links stay plain', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          text('a', [link('https://example.org/x?y=1&z=2', 'Example')]),
          text('b', [link('/stories/x')]),
          text('c', [link('#notes')]),
          text('d', [link('mailto:desk@example.org')]),
        ],
      },
    ])
    assert.equal(
      html,
      '<p><a href="https://example.org/x?y=1&amp;z=2" title="Example" rel="noopener">a</a>' +
        '<a href="/stories/x">b</a><a href="#notes">c</a><a href="mailto:desk@example.org">d</a></p>',
    )
  })

  test('pull quotes are figures, captioned only when someone is credited', () => {
    const html = render([
      { type: 'pullQuote', attrs: { attribution: 'A farmer' }, content: [text('The water never came.')] },
      { type: 'pullQuote', attrs: {}, content: [text('Unattributed.')] },
    ])
    assert.equal(
      html,
      '<figure class="pull-quote"><blockquote><p>The water never came.</p></blockquote><figcaption>— A farmer</figcaption></figure>' +
        '<figure class="pull-quote"><blockquote><p>Unattributed.</p></blockquote></figure>',
    )
  })

  test('a document that skipped validation still never renders a script link', () => {
    const unchecked = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    } as BodyDocument
    assert.equal(renderBody(unchecked, context()), '<p>x</p>')
  })
})

describe('renderBody: hostile text', () => {
  test('markup in text, link titles and pull quote attributions renders escaped', () => {
    const html = render([
      { type: 'heading', attrs: { level: 2 }, content: [text(HOSTILE)] },
      { type: 'paragraph', content: [text(HOSTILE, [link('/a', HOSTILE)])] },
      { type: 'pullQuote', attrs: { attribution: HOSTILE }, content: [text(HOSTILE)] },
    ])
    assert.ok(!html.includes('<script'))
    assert.ok(!html.includes('<img'))
    assert.ok(!html.includes('"><img'))
    // The link title keeps its straight quotes; text a reader reads gets curly ones, still escaped.
    assert.equal(html.split(HOSTILE_ESCAPED).length - 1, 1)
    const curly = HOSTILE_ESCAPED.replace('&quot;', '\u201d').replace('&#39;', '\u2019')
    assert.equal(html.split(curly).length - 1, 4)
  })

  test('markup in captions, credits and alt text renders escaped, from the node or the stored image', () => {
    const ctx = context({
      images: new Map([
        [1, image({ alt: HOSTILE, caption: HOSTILE, credit: HOSTILE, src: `/x${HOSTILE}`, srcset: HOSTILE })],
      ]),
      excerpts: new Map([
        [9, excerpt({ title: HOSTILE, caption: HOSTILE, documentaryTitle: HOSTILE, documentaryUrl: HOSTILE })],
      ]),
      documentaries: new Map([[2, card({ title: HOSTILE, dek: HOSTILE, runtimeLabel: HOSTILE, url: HOSTILE })]]),
    })
    const html = render(
      [
        { type: 'image', attrs: { imageId: 1 } },
        { type: 'image', attrs: { imageId: 1, alt: HOSTILE, caption: HOSTILE, credit: HOSTILE } },
        { type: 'excerpt', attrs: { excerptId: 9 } },
        { type: 'documentaryCard', attrs: { documentaryId: 2 } },
      ],
      ctx,
    )
    assert.ok(!html.includes('<script'))
    assert.ok(!html.includes('<img src=x'))
    assert.equal(html.match(/<img /g)?.length, 2)
    // Addresses and alt text keep their straight quotes; captions, credits, titles and deks a reader
    // reads get curly ones, escaped all the same.
    const curly = HOSTILE_ESCAPED.replace('&quot;', '\u201d').replace('&#39;', '\u2019')
    assert.ok(html.split(HOSTILE_ESCAPED).length - 1 >= 4)
    assert.equal(html.split(curly).length - 1, 10)
  })
})

describe('renderBody: editorial text of embeds', () => {
  test('captions, credits, excerpt and film titles and deks get typographic quotes; alt text and addresses do not', () => {
    const ctx = context({
      images: new Map([
        [1, image({ alt: 'The "old" pier', caption: 'The pier\'s "last" summer', credit: "Kit's archive" })],
      ]),
      excerpts: new Map([
        [9, excerpt({ title: '"Stay" -- a town', caption: "It's over", documentaryTitle: "Ma's River" })],
      ]),
      documentaries: new Map([[2, card({ title: 'The "Ledger"', dek: "A county's debt..." })]]),
    })
    const html = render(
      [
        { type: 'image', attrs: { imageId: 1 } },
        { type: 'excerpt', attrs: { excerptId: 9 } },
        { type: 'documentaryCard', attrs: { documentaryId: 2 } },
      ],
      ctx,
    )
    assert.ok(html.includes('<span class="caption">The pier\u2019s \u201clast\u201d summer</span>'))
    assert.ok(html.includes('<span class="credit">Kit\u2019s archive</span>'))
    assert.ok(html.includes('alt="The &quot;old&quot; pier"'))
    assert.ok(html.includes('\u201cStay\u201d \u2014 a town'))
    assert.ok(html.includes('<p class="excerpt-caption">It\u2019s over</p>'))
    assert.ok(html.includes('<cite>Ma\u2019s River</cite>'))
    assert.ok(html.includes('>The \u201cLedger\u201d</a>'))
    assert.ok(html.includes('A county\u2019s debt\u2026'))
  })
})

describe('renderBody: images, excerpts and documentary cards', () => {
  test('an image renders as a lazy figure with caption and credit', () => {
    const ctx = context({
      images: new Map([[4, image({ srcset: '/media/4/480.jpg 480w, /media/4/960.jpg 960w', sizes: '100vw' })]]),
    })
    assert.equal(
      render([{ type: 'image', attrs: { imageId: 4 } }], ctx),
      '<figure class="body-image"><img src="/media/4/960.jpg" srcset="/media/4/480.jpg 480w, /media/4/960.jpg 960w" sizes="100vw"' +
        ' width="960" height="640" alt="A dry riverbed" loading="lazy" decoding="async">' +
        '<figcaption><span class="caption">The river in May</span> <span class="credit">A. Reporter</span></figcaption></figure>',
    )
  })

  test('the body’s own alt, caption and credit win over the stored image’s, and an empty caption drops the figcaption', () => {
    const ctx = context({ images: new Map([[4, image()]]) })
    assert.equal(
      render([{ type: 'image', attrs: { imageId: 4, alt: 'Riverbed, 2023', caption: '', credit: '' } }], ctx),
      '<figure class="body-image"><img src="/media/4/960.jpg" width="960" height="640" alt="Riverbed, 2023" loading="lazy" decoding="async"></figure>',
    )
    assert.match(
      render([{ type: 'image', attrs: { imageId: 4, caption: '' } }], ctx),
      /<figcaption><span class="credit">A. Reporter<\/span><\/figcaption>/,
    )
  })

  test('an excerpt renders as a captioned figure linking into the documentary at its start', () => {
    const ctx = context({ excerpts: new Map([[9, excerpt({ poster: image({ alt: 'A still' }) })]]) })
    assert.equal(
      render([{ type: 'excerpt', attrs: { excerptId: 9 } }], ctx),
      '<figure class="excerpt" data-excerpt-id="9" data-start="725" data-end="800">' +
        '<div class="excerpt-media"><img class="excerpt-poster" src="/media/4/960.jpg" width="960" height="640" alt="A still" loading="lazy" decoding="async"></div>' +
        '<figcaption class="excerpt-text"><p class="excerpt-heading"><span class="excerpt-label">Video excerpt</span> ' +
        '<span class="excerpt-title">The flood</span> <span class="excerpt-duration">(<time datetime="PT75S">1:15</time>)</span></p>' +
        '<p class="excerpt-caption">Villagers recall the night.</p>' +
        '<p class="excerpt-more"><a class="excerpt-watch" href="/documentaries/dry-season?t=725#watch">Watch the full documentary from 12:05' +
        '<span class="excerpt-documentary"> — <cite>Dry Season</cite></span></a></p></figcaption></figure>',
    )
  })

  test('the watch link keeps a documentary URL’s own query and replaces its fragment', () => {
    const ctx = context({
      excerpts: new Map([[9, excerpt({ documentaryUrl: '/d/x?lang=fr#top', startSeconds: 3723.6 })]]),
    })
    assert.match(
      render([{ type: 'excerpt', attrs: { excerptId: 9 } }], ctx),
      /href="\/d\/x\?lang=fr&amp;t=3723#watch">Watch the full documentary from 1:02:03</,
    )
  })

  test('a documentary card renders as an aside with label, linked title, dek and running time', () => {
    const ctx = context({ documentaries: new Map([[2, card({ poster: image() })]]) })
    assert.equal(
      render([{ type: 'documentaryCard', attrs: { documentaryId: 2 } }], ctx),
      '<aside class="documentary-card" aria-label="Documentary: Dry Season">' +
        '<img class="documentary-card-poster" src="/media/4/960.jpg" width="960" height="640" alt="" loading="lazy" decoding="async">' +
        '<div class="documentary-card-body"><p class="documentary-card-label">Documentary</p>' +
        '<p class="documentary-card-title"><a href="/documentaries/dry-season">Dry Season</a></p>' +
        '<p class="documentary-card-dek">A river, a dam, a valley.</p><p class="documentary-card-runtime">1h 54m</p></div></aside>',
    )
  })

  test('images, excerpts and cards missing from the context render nothing', () => {
    const html = render([
      { type: 'paragraph', content: [text('before')] },
      { type: 'image', attrs: { imageId: 404 } },
      { type: 'excerpt', attrs: { excerptId: 404 } },
      { type: 'documentaryCard', attrs: { documentaryId: 404 } },
      { type: 'paragraph', content: [text('after')] },
    ])
    assert.equal(html, '<p>before</p><p>after</p>')
  })
})

describe('formatTimecode', () => {
  test('seconds read as m:ss under an hour and h:mm:ss from one', () => {
    assert.equal(formatTimecode(42), '0:42')
    assert.equal(formatTimecode(725), '12:05')
    assert.equal(formatTimecode(3723), '1:02:03')
    assert.equal(formatTimecode(59.9), '0:59')
    assert.equal(formatTimecode(-5), '0:00')
    assert.equal(formatTimecode(Number.NaN), '0:00')
  })
})

describe('renderBody speed', () => {
  test('a 2,000-word document renders in well under a millisecond', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ')
    const paragraphs = Array.from({ length: 40 }, () => ({
      type: 'paragraph',
      content: [
        text(`${words} `),
        text('a link', [link('https://example.org/a'), { type: 'italic' }]),
        text(` & "more".`),
      ],
    }))
    const doc = parseBody({ type: 'doc', content: paragraphs })
    const ctx = context()
    for (let i = 0; i < 200; i++) renderBody(doc, ctx)
    const runs = 500
    const started = performance.now()
    for (let i = 0; i < runs; i++) renderBody(doc, ctx)
    // Measured at ~0.03 ms; the bound is loose so a busy machine does not fail the test.
    assert.ok((performance.now() - started) / runs < 1)
  })
})

test('a heading never takes an id the page around the body already uses', () => {
  const doc = parseBody({
    type: 'doc',
    content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Corrections' }] }],
  })
  const html = renderBody(doc, { images: new Map(), excerpts: new Map(), documentaries: new Map() })
  assert.match(html, /<h2 id="corrections-2">/)
})

test('quotes turn by the text before them even across marks, and the stored text keeps straight ones', () => {
  const doc = parseBody({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'She said ' },
          { type: 'text', text: '"no', marks: [{ type: 'bold' }] },
          { type: 'text', text: '" -- twice' },
          { type: 'hardBreak' },
          { type: 'text', text: '"Again..."' },
        ],
      },
    ],
  })
  assert.equal(
    renderBody(doc, context()),
    '<p>She said <strong>\u201cno</strong>\u201d \u2014 twice<br>\u201cAgain\u2026\u201d</p>',
  )
  assert.equal(JSON.stringify(doc).includes('"\\"no"'), true)
})
