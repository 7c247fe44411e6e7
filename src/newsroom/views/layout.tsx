// The newsroom's page shell: its own header and navigation, no public chrome, never cached.
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { hasRole, type Staff } from '../auth.js'
import type { Role } from '../schema.js'
import { ClockZone } from './clock.js'
import type { NewsroomShell } from '../deps.js'

/** The newsroom's sections, in the navigation's order, with the least role that may open each. */
export const SECTIONS: readonly { href: string; label: string; role: Role }[] = [
  { href: '/newsroom', label: 'Dashboard', role: 'contributor' },
  { href: '/newsroom/stories', label: 'Stories', role: 'contributor' },
  { href: '/newsroom/documentaries', label: 'Documentaries', role: 'editor' },
  { href: '/newsroom/interviews', label: 'Interviews', role: 'author' },
  { href: '/newsroom/podcasts', label: 'Podcasts', role: 'editor' },
  { href: '/newsroom/topics', label: 'Topics', role: 'editor' },
  { href: '/newsroom/people', label: 'People', role: 'editor' },
  { href: '/newsroom/pages', label: 'Pages', role: 'editor' },
  { href: '/newsroom/newsletter/campaigns', label: 'Newsletter', role: 'editor' },
  { href: '/newsroom/funders', label: 'Funders', role: 'admin' },
  { href: '/newsroom/settings', label: 'Settings', role: 'admin' },
  { href: '/newsroom/staff', label: 'Staff', role: 'admin' },
  { href: '/newsroom/audit', label: 'Audit log', role: 'admin' },
  { href: '/newsroom/mail', label: 'Mail', role: 'admin' },
  { href: '/newsroom/sessions', label: 'Your sessions', role: 'contributor' },
]

export interface NewsroomPageProps {
  shell: NewsroomShell
  title: string
  path: string
  staff?: Staff | undefined
  /** Island scripts and their stylesheets for this page (the body editor, autosave). */
  scripts?: string[] | undefined
  stylesheets?: string[] | undefined
  children: ComponentChildren
}

/** A whole newsroom document. */
export function renderNewsroomPage({
  shell,
  title,
  path,
  staff,
  scripts,
  stylesheets,
  children,
}: NewsroomPageProps): string {
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · Newsroom · ${shell.siteName}`}</title>
        <link rel="stylesheet" href={shell.stylesheetHref} />
        {(stylesheets ?? []).map(href => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {[...(shell.scripts ?? []), ...(scripts ?? [])].map(src => (
          <script key={src} type="module" src={src} />
        ))}
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="nr-header">
          <a class="nr-brand" href="/newsroom">
            {shell.siteName} <span>Newsroom</span>
          </a>
          {staff ? (
            <nav aria-label="Newsroom">
              <ul>
                {SECTIONS.filter(s => hasRole(staff.account.role, s.role)).map(s => (
                  <li key={s.href}>
                    <a href={s.href} aria-current={path === s.href ? 'page' : undefined}>
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {staff ? (
            <form class="nr-signout" method="post" action="/newsroom/sign-out">
              <input type="hidden" name="_csrf" value={staff.session.csrfToken} />
              <span class="nr-who">
                {staff.account.name} · {staff.account.role}
              </span>
              <button type="submit" class="nr-button nr-button--quiet">
                Sign out
              </button>
            </form>
          ) : null}
        </header>
        <main id="main" tabindex={-1} class="nr-main">
          <h1>{title}</h1>
          <ClockZone.Provider value={shell.timeZone}>{children}</ClockZone.Provider>
        </main>
        <footer class="nr-footer">
          <a href="/">View the site</a>
        </footer>
      </body>
    </html>,
  )}`
}

/** A message box for errors or confirmations inside forms. */
export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ComponentChildren }) {
  return (
    <div class={`nr-notice nr-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}

/** The hidden CSRF field every newsroom form carries. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}
