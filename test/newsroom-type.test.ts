// The newsroom reads in the site's own faces: its stylesheet begins with the same @font-face rules
// as the reader's site, so the editor shows a story in the serif readers will see it in.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'

/** The @font-face blocks of the stylesheet a page links. */
async function fontFaces(
  t: Awaited<ReturnType<typeof testApp>>,
  html: string,
): Promise<{ css: string; faces: string[] }> {
  const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1]
  assert.ok(href, 'the page links its stylesheet')
  const css = (await t.app.inject(href)).body
  return { css, faces: [...css.matchAll(/@font-face \{[^}]*\}/g)].map(m => m[0]) }
}

describe('the newsroom’s type', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let editor: Browser

  before(async () => {
    t = await testApp({ runJobs: false })
    editor = await signInAs(t, 'editor')
  })
  after(() => t.dispose())

  it('declares the same faces as the reader’s site and sets the interface in Inter', async () => {
    const dashboard = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    assert.equal(dashboard.statusCode, 200)
    const newsroom = await fontFaces(t, dashboard.body)
    const site = await fontFaces(t, (await t.app.inject('/')).body)
    assert.equal(newsroom.faces.length, 6)
    assert.deepEqual(newsroom.faces, site.faces)
    assert.match(newsroom.css, /body\.newsroom \{[^}]*font:[^;]*"Inter Variable"/)
    const file = newsroom.faces[0]?.match(/url\("([^"]+)"\)/)?.[1]
    assert.ok(file)
    const font = await t.app.inject(file)
    assert.equal(font.statusCode, 200)
    assert.equal(font.headers['content-type'], 'font/woff2')
  })
})
