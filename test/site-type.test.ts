// The site's type: web fonts served from the site itself, preloaded and cached for a year, and
// typographic quotes in what readers see while the newsroom keeps what the editor typed.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeDocumentary, makeStory } from './factories.js'
import { signInAs } from './newsroom-helpers.js'

describe('the site type', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let storyId = 0

  before(async () => {
    t = await testApp()
    const story = await makeStory(t.database.db, {
      slug: 'pay-to-stay',
      title: `The "pay-to-stay" jail's bill -- and who paid it`,
      dek: `Inmates' families say they were told 'nothing is owed'...`,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The sheriff said ' },
              { type: 'text', text: '"we don\'t', marks: [{ type: 'italic' }] },
              { type: 'text', text: ' keep records" of it.' },
            ],
          },
        ],
      },
    })
    storyId = story.id
    await makeDocumentary(t.database.db, {
      slug: 'the-ledgers-last-page',
      title: `The Ledger's "last" page`,
      dek: `A county's debt -- told by the people who kept it...`,
      synopsis: `It began with "a simple audit".\n\nIt didn't end there.`,
    })
  })
  after(() => t.dispose())

  async function stylesheet(): Promise<string> {
    const home = await t.app.inject('/')
    const href = home.body.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1]
    assert.ok(href, 'the page links its stylesheet')
    return (await t.app.inject(href)).body
  }

  it('declares the serif and the sans from the site itself, latin and latin-ext, with font-display swap', async () => {
    const css = await stylesheet()
    const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(m => m[1] ?? '')
    assert.equal(faces.length, 6)
    for (const face of faces) {
      assert.match(face, /font-display: swap;/)
      assert.match(face, /unicode-range: U\+/)
      assert.match(face, /src: url\("\/assets\/[a-z0-9-]+\.[0-9a-f]{12}\.woff2"\)/)
    }
    assert.equal(faces.filter(f => f.includes('"Source Serif 4 Variable"')).length, 4)
    assert.equal(faces.filter(f => f.includes('"Inter Variable"')).length, 2)
    assert.ok(faces.some(f => f.includes('font-style: italic') && f.includes('source-serif-4-latin-wght-italic')))
    assert.match(css, /--serif:\s*"Source Serif 4 Variable", [^;]*serif;/)
    assert.match(css, /--sans:\s*"Inter Variable", [^;]*sans-serif;/)
  })

  it('serves each font file as woff2, uncompressed again, cached for a year', async () => {
    const css = await stylesheet()
    const hrefs = [...new Set([...css.matchAll(/url\("(\/assets\/[^"]+\.woff2)"\)/g)].map(m => m[1] ?? ''))]
    assert.equal(hrefs.length, 6)
    for (const href of hrefs) {
      const res = await t.app.inject({ url: href, headers: { 'accept-encoding': 'br, gzip' } })
      assert.equal(res.statusCode, 200, href)
      assert.equal(res.headers['content-type'], 'font/woff2')
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(res.headers['content-encoding'], undefined, 'woff2 is brotli inside already')
      assert.equal(res.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2')
    }
    const wrong = await t.app.inject('/assets/inter-latin-wght-normal.000000000000.woff2')
    assert.equal(wrong.statusCode, 404)
  })

  it('preloads the two faces the first screen needs, and the CSP lets the site serve them', async () => {
    for (const url of ['/', '/stories/pay-to-stay']) {
      const page = await t.app.inject(url)
      const preloads = [
        ...page.body.matchAll(
          /<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin="anonymous"\/?>/g,
        ),
      ]
      assert.equal(preloads.length, 2, url)
      assert.ok(preloads.some(m => m[1]?.includes('source-serif-4-latin-wght-normal')))
      assert.ok(preloads.some(m => m[1]?.includes('inter-latin-wght-normal')))
      const csp = String(page.headers['content-security-policy'] ?? '')
      assert.match(csp, /font-src 'self'/)
    }
  })

  it('a straight-quoted headline reads with curly quotes on its page, while the newsroom editor keeps the stored text', async () => {
    const page = await t.app.inject('/stories/pay-to-stay')
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('<h1 class="story__title">The “pay-to-stay” jail’s bill — and who paid it</h1>'))
    assert.ok(page.body.includes('Inmates’ families say they were told ‘nothing is owed’…'))
    assert.ok(page.body.includes('The sheriff said <em>“we don’t</em> keep records” of it.'))
    // The page's <title> and social cards keep the headline as stored (escaped), for sharing and search.
    assert.match(page.body, /<title>The &quot;pay-to-stay&quot; jail(&#39;|')s bill -- and who paid it \|/)

    const home = await t.app.inject('/')
    assert.ok(home.body.includes('The “pay-to-stay” jail’s bill — and who paid it'))

    const editor = await signInAs(t, 'editor')
    const form = await t.app.inject({ url: `/newsroom/stories/${storyId}`, headers: { cookie: editor.cookie } })
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /value="The &quot;pay-to-stay&quot; jail(&#39;|')s bill -- and who paid it"/)
    assert.ok(!form.body.includes('“pay-to-stay”'))
    assert.ok(!form.body.includes('don’t'), 'the body the editor loads is the stored one')
    assert.ok(
      form.body.includes('we don\\u0027t') || form.body.includes("we don't") || form.body.includes('we don&#39;t'),
    )
  })

  it('a film reads with curly quotes in the featured band and on its page (title, dek, synopsis), its <title> as stored', async () => {
    const list = await t.app.inject('/documentaries')
    assert.equal(list.statusCode, 200)
    assert.ok(list.body.includes('>The Ledger’s “last” page</a></h2>'), "the featured band's title")
    assert.ok(list.body.includes('<p class="featured-film__dek">A county’s debt — told by the people who kept it…</p>'))

    const page = await t.app.inject('/documentaries/the-ledgers-last-page')
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('<h1 class="documentary__title">The Ledger’s “last” page</h1>'))
    assert.ok(page.body.includes('<p class="documentary__dek">A county’s debt — told by the people who kept it…</p>'))
    assert.ok(page.body.includes('<p>It began with “a simple audit”.</p>'))
    assert.ok(page.body.includes('<p>It didn’t end there.</p>'))
    assert.match(page.body, /<title>The Ledger(&#39;|')s &quot;last&quot; page \|/)
  })
})
