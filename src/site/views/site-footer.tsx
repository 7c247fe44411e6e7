// The footer: the site's links, social accounts and copyright.
import type { Chrome } from '../chrome.js'
import { SocialLinks } from '../../people/views.js'

/** The site footer. */
export function SiteFooter({ chrome }: { chrome: Chrome }) {
  const { settings, topics } = chrome
  const year = new Date().getUTCFullYear()
  return (
    <footer class="site-footer">
      <div class="wrap site-footer__grid">
        <div class="site-footer__about">
          <p class="brand__name">{settings.name}</p>
          <p>{settings.footerText || settings.description}</p>
          <SocialLinks links={settings.socials} label={`${settings.name} elsewhere`} />
        </div>
        <nav aria-label="Topics">
          <h2 class="site-footer__heading">Topics</h2>
          <ul>
            {topics.map(t => (
              <li key={t.id}>
                <a href={`/topics/${t.slug}`}>{t.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="About us">
          <h2 class="site-footer__heading">About</h2>
          <ul>
            {settings.footerLinks.map(l => (
              <li key={l.href}>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div class="wrap site-footer__legal">
        {/* A holder ending in a full stop ("… Inc.") takes no second one. */}
        <p>
          © {year} {settings.copyrightHolder.replace(/\.$/, '')}. All rights reserved.
        </p>
      </div>
    </footer>
  )
}
