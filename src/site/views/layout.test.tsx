// renderDocument keeps the body's shell between pages: the bytes must be those of rendering the
// whole Layout at once, whatever the page, its current navigation link, its bands or its chrome.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { renderToString } from 'preact-render-to-string'
import { DEFAULT_SETTINGS } from '../../settings/index.js'
import type { Chrome } from '../chrome.js'
import { Layout, renderDocument, type LayoutProps } from './layout.js'

function chromeNamed(name: string): Chrome {
  return {
    settings: { ...DEFAULT_SETTINGS, name },
    topics: [{ id: 1, slug: 'water', name: 'Water & <land>', description: '', position: 1 }],
    funders: [],
    publicUrl: 'https://news.example',
    stylesheetHref: '/assets/site.css',
  }
}

function oneGo(props: LayoutProps): string {
  return `<!doctype html>${renderToString(<Layout {...props} />)}`
}

describe('renderDocument', () => {
  const chrome = chromeNamed('The "Long" View')
  const navPath = DEFAULT_SETTINGS.navigation.find(link => link.href !== '/')?.href ?? '/articles'
  const pages: LayoutProps[] = [
    { chrome, meta: { title: 'A story', description: 'd', path: '/stories/a' }, children: <p>First</p> },
    { chrome, meta: { title: 'List', description: 'd', path: navPath }, children: [<h1 key="h">Hi</h1>, 'text'] },
    { chrome, meta: { title: 'Below', description: 'd', path: `${navPath}/2` }, children: <p>Second</p> },
    {
      chrome,
      meta: { title: 'Sign up', description: 'd', path: '/newsletter' },
      children: <p>Form</p>,
      hideNewsletter: true,
      signupScript: '/assets/signup.js',
      searchScript: '/assets/search.js',
    },
    { chrome, meta: { title: 'A story', description: 'd', path: '/stories/b' }, children: <p>Third</p> },
  ]

  it('writes the same bytes as the whole layout rendered at once, page after page', () => {
    for (const props of pages) assert.equal(renderDocument(props), oneGo(props))
  })

  it('marks the current navigation link on the page it belongs to only', () => {
    const html = renderDocument(pages[1] as LayoutProps)
    assert.match(html, new RegExp(`href="${navPath}" aria-current="page"`))
    assert.doesNotMatch(renderDocument(pages[0] as LayoutProps), /aria-current/)
  })

  it('draws a new chrome, once loaded after a change, on the next page', () => {
    const before = renderDocument(pages[0] as LayoutProps)
    const renamed = { ...(pages[0] as LayoutProps), chrome: chromeNamed('Renamed') }
    const after = renderDocument(renamed)
    assert.match(before, /The &quot;Long&quot; View/)
    assert.match(after, /Renamed/)
    assert.doesNotMatch(after, /Long/)
    assert.equal(after, oneGo(renamed))
  })
})
