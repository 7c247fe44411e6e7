// The public page shell: head metadata, header and navigation, the page, the newsletter
// sign-up, the funders' credits and the footer.
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { PageMeta } from '../../platform/seo/meta.js'
import type { Chrome } from '../chrome.js'
import { Head } from './head.js'
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
export function Layout({ chrome, meta, children, hideNewsletter, player, signupScript, searchScript }: LayoutProps) {
  const { settings } = chrome
  return (
    <html lang={settings.language}>
      <Head chrome={chrome} meta={meta} player={player} />
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
    </html>
  )
}

function isCurrent(path: string, href: string): boolean {
  return href !== '/' && (path === href || path.startsWith(`${href}/`))
}

/** Renders a whole page to an HTML string. */
export function renderDocument(props: LayoutProps): string {
  return `<!doctype html>${renderToString(<Layout {...props} />)}`
}
