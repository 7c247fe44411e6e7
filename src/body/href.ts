// Which link targets a body may hold. An allow-list, checked on the raw string: browsers forgive
// whitespace, control characters, backslashes and letter case in ways a deny-list never keeps up with.
import { BODY_LIMITS } from './schema.js'
import { formatCount, quote } from './walk.js'

/** A link target accepted (with its scheme lower-cased) or refused with a reason a person can act on. */
export type HrefCheck = { ok: true; href: string } | { ok: false; reason: string }

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/
// Whitespace, control and format characters (zero-width, bidi overrides) hide what a link really says.
const HIDDEN = /[\s\p{Cc}\p{Cf}\p{Z}]/u
// `&#58;`, `&colon;`: text copied out of HTML, or an attempt to smuggle a scheme past a filter.
const ENTITY_LIKE = /&(#|[A-Za-z][A-Za-z0-9]*;)/

/** Checks a link target against the allow-list. */
export function checkHref(href: string): HrefCheck {
  if (href.length === 0) return refuse('a link needs an address')
  if (href.length > BODY_LIMITS.hrefChars) {
    return refuse(
      `a link address is limited to ${formatCount(BODY_LIMITS.hrefChars)} characters (this one has ${formatCount(href.length)})`,
    )
  }
  if (HIDDEN.test(href)) return refuse(`link addresses cannot contain spaces or invisible characters (${quote(href)})`)
  // Browsers read `\` as `/`, which turns `/\evil.example` into a link to another site.
  if (href.includes('\\')) return refuse(`link addresses cannot contain backslashes (${quote(href)})`)
  if (ENTITY_LIKE.test(href)) {
    return refuse(`this link address looks HTML-escaped; write the plain address instead (${quote(href)})`)
  }
  if (href.startsWith('#')) return { ok: true, href }
  if (href.startsWith('/')) return href.startsWith('//') ? notAllowed(href) : { ok: true, href }
  const match = SCHEME.exec(href)
  const scheme = match?.[1]?.toLowerCase()
  if (scheme === undefined || !ALLOWED_SCHEMES.has(scheme)) return notAllowed(href)
  const normal = scheme + href.slice(scheme.length)
  if (scheme === 'mailto')
    return normal.length > 'mailto:'.length ? { ok: true, href: normal } : refuse('a mailto link needs an address')
  return checkWebAddress(normal)
}

/** A cheap guard for rendering: true only for the shapes checkHref accepts, without parsing the URL again. */
export function isRenderableHref(href: string): boolean {
  if (href.length === 0 || href.length > BODY_LIMITS.hrefChars || href.includes('\\') || HIDDEN.test(href)) return false
  if (href.startsWith('#')) return true
  if (href.startsWith('/')) return !href.startsWith('//')
  return /^(https?:\/\/|mailto:)/i.test(href)
}

function checkWebAddress(href: string): HrefCheck {
  // `https:example.com` parses as a URL but is almost always a typing mistake.
  if (!/^https?:\/\/[^/]/.test(href)) return refuse(`a web link must look like https://example.com/… (${quote(href)})`)
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return refuse(`this is not a web address a browser can open (${quote(href)})`)
  }
  if (url.username !== '' || url.password !== '') {
    // `https://trusted.example@evil.example` shows one site and opens another.
    return refuse(`link addresses cannot contain a user name or password (${quote(href)})`)
  }
  return { ok: true, href }
}

function notAllowed(href: string): HrefCheck {
  return refuse(`links must be http(s), mailto or a path on this site (${quote(href)} is not allowed)`)
}

function refuse(reason: string): HrefCheck {
  return { ok: false, reason }
}
