// The public page shell: head metadata, header and navigation, the page, the newsletter
// sign-up, the funders' credits and the footer.
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { PageMeta } from '../../platform/seo/meta.js'
import { escapeAttribute } from '../../platform/text/html.js'
import type { Chrome } from '../chrome.js'
import { Head, headContents } from './head.js'
import type { PlayerScripts } from '../deps.js'
import { SiteFooter } from './site-footer.js'
import { NewsletterSignup } from './newsletter-signup.js'
import { FunderCredits } from '../../funders/views.js'

export interface LayoutProps {
  chrome: Chrome
  meta: PageMeta
  children: ComponentChildren
  /** Leave out the newsletter band (on the newsletter page itself). */
  hideNewsletter?: boolean | undefined
  /** The player island, loaded as a module (so deferred) when given. */
  player?: PlayerScripts | undefined
  /** The newsletter sign-up island (client/newsletter/signup.ts), for the band or the page's own form. */
  signupScript?: string | undefined
  /** The search-as-you-type island (client/search/typeahead.ts) for the header's search form. */
  searchScript?: string | undefined
}

/** The whole document around one page's content. */
export function Layout(props: LayoutProps) {
  const { chrome, meta, children, player } = props
  return (
    <html lang={chrome.settings.language}>
      <Head chrome={chrome} meta={meta} player={player} />
      <Body {...props}>{children}</Body>
    </html>
  )
}

/** Everything in <body>: skip link, header, the page in <main>, bands and footer. */
function Body({ chrome, meta, children, hideNewsletter, signupScript, searchScript }: LayoutProps) {
  const { settings } = chrome
  return (
    <body>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site-header">
        <div class="wrap site-header__inner">
          <a class="brand" href="/">
            <span class="brand__name">{settings.name}</span>
            <span class="brand__tagline">{settings.tagline}</span>
          </a>
          <nav class="site-nav" aria-label="Main">
            <ul>
              {settings.navigation.map(link => (
                <li key={link.href}>
                  <a href={link.href} aria-current={isCurrent(meta.path, link.href) ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form class="site-search" action="/search" method="get" role="search" data-search-suggest="/api/search">
            <label class="visually-hidden" for="site-search-q">
              Search the site
            </label>
            <input
              id="site-search-q"
              class="site-search__input"
              type="search"
              name="q"
              placeholder="Search"
              autocomplete="off"
              maxLength={200}
            />
            <button class="site-search__button" type="submit">
              Search
            </button>
          </form>
          <a class="button button--support" href="/support">
            Support our work
          </a>
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      {hideNewsletter ? null : <NewsletterSignup />}
      {signupScript ? <script type="module" src={signupScript} /> : null}
      {searchScript ? <script type="module" src={searchScript} /> : null}
      <FunderCredits funders={chrome.funders} />
      <SiteFooter chrome={chrome} />
    </body>
  )
}

function isCurrent(path: string, href: string): boolean {
  return href !== '/' && (path === href || path.startsWith(`${href}/`))
}

/** The <body> around <main>'s content, as HTML before and after it. */
interface BodyShell {
  before: string
  after: string
}

const MAIN_MARK = '\u0000newsreel-main\u0000'

/**
 * The body's shell is the same on every page with the same chrome, current navigation link and
 * bands, so it is rendered once per chrome (a new chrome, loaded after a change, starts afresh)
 * rather than on each uncached page, where it cost a third of the render.
 */
const shells = new WeakMap<Chrome, Map<string, BodyShell>>()

function bodyShell(props: LayoutProps): BodyShell {
  const { chrome, meta, hideNewsletter, signupScript, searchScript } = props
  // The footer's copyright year is in the shell, so the year is in its key.
  const current = chrome.settings.navigation.map(link => (isCurrent(meta.path, link.href) ? 1 : 0)).join('')
  const key = `${current}|${hideNewsletter ? 1 : 0}|${signupScript ?? ''}|${searchScript ?? ''}|${new Date().getUTCFullYear()}`
  let byKey = shells.get(chrome)
  if (!byKey) {
    byKey = new Map()
    shells.set(chrome, byKey)
  }
  let shell = byKey.get(key)
  if (!shell) {
    const html = renderToString(<Body {...props}>{MAIN_MARK}</Body>)
    const at = html.indexOf(MAIN_MARK)
    shell = { before: html.slice(0, at), after: html.slice(at + MAIN_MARK.length) }
    byKey.set(key, shell)
  }
  return shell
}

/** Renders a whole page to an HTML string: the same bytes as rendering `Layout` in one go. */
export function renderDocument(props: LayoutProps): string {
  const shell = bodyShell(props)
  const head = `<head>${headContents({ chrome: props.chrome, meta: props.meta, player: props.player })}</head>`
  // biome-ignore lint/complexity/noUselessFragments: renderToString takes one node, and children may be a list
  const main = renderToString(<>{props.children}</>)
  const lang = escapeAttribute(props.chrome.settings.language)
  return `<!doctype html><html lang="${lang}">${head}${shell.before}${main}${shell.after}</html>`
}
