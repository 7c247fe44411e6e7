// The link allow-list as the editor applies it. It mirrors checkHref in src/body/href.ts (the
// server stays the authority; client code may not import src/), so a refused address is caught
// while the writer is still looking at it rather than when the story is saved.

/** A link address accepted (scheme lower-cased, as the server stores it) or refused with a reason. */
export type HrefCheck = { ok: true; href: string } | { ok: false; reason: string }

const HREF_MAX = 2_000
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/
const HIDDEN = /[\s\p{Cc}\p{Cf}\p{Z}]/u
const ENTITY_LIKE = /&(#|[A-Za-z][A-Za-z0-9]*;)/
const ALLOWED_SHAPES = 'Use a web address (https://…), a mailto: address, a path on this site (/…) or a #fragment.'

/** Checks a link address the way the server will; surrounding spaces from copy-paste are forgiven. */
export function checkLinkHref(input: string): HrefCheck {
  const href = input.trim()
  if (href === '') return refuse('Enter a link address.')
  if (href.length > HREF_MAX)
    return refuse(`A link address is limited to ${HREF_MAX.toLocaleString('en-US')} characters.`)
  if (HIDDEN.test(href)) return refuse('A link address cannot contain spaces or invisible characters.')
  // Browsers read `\` as `/`, which turns `/\evil.example` into a link to another site.
  if (href.includes('\\')) return refuse('A link address cannot contain backslashes.')
  if (ENTITY_LIKE.test(href)) return refuse('This address looks HTML-escaped; paste the plain address instead.')
  if (href.startsWith('#')) return { ok: true, href }
  if (href.startsWith('/'))
    return href.startsWith('//') ? refuse(`That kind of link is not allowed. ${ALLOWED_SHAPES}`) : { ok: true, href }
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase()
  if (scheme === undefined || !ALLOWED_SCHEMES.has(scheme))
    return refuse(`That kind of link is not allowed. ${ALLOWED_SHAPES}`)
  const normal = scheme + href.slice(scheme.length)
  if (scheme === 'mailto')
    return normal.length > 'mailto:'.length ? { ok: true, href: normal } : refuse('A mailto link needs an address.')
  return checkWebAddress(normal)
}

function checkWebAddress(href: string): HrefCheck {
  // `https:example.com` parses as a URL but is almost always a typing mistake.
  if (!/^https?:\/\/[^/]/.test(href)) return refuse('A web link must look like https://example.com/…')
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return refuse('This is not a web address a browser can open.')
  }
  // `https://trusted.example@evil.example` shows one site and opens another.
  if (url.username !== '' || url.password !== '')
    return refuse('A link address cannot contain a user name or password.')
  return { ok: true, href }
}

function refuse(reason: string): HrefCheck {
  return { ok: false, reason }
}
