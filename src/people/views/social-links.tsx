// Links to accounts elsewhere, named in words so screen readers and everyone else can tell them apart.
import { NETWORK_NAMES } from '../networks.js'

/** A list of social links; nothing when empty. */
export function SocialLinks({ links, label }: { links: { network: string; url: string }[]; label: string }) {
  if (links.length === 0) return null
  return (
    <ul class="social-links" aria-label={label}>
      {links.map(l => (
        <li key={l.url}>
          <a href={l.url} rel="me noopener">
            {NETWORK_NAMES[l.network] ?? l.network}
          </a>
        </li>
      ))}
    </ul>
  )
}
