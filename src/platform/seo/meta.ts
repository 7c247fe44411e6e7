// What a page says about itself to browsers, search engines and social cards.

/** An image for social cards; absolute URL. */
export interface MetaImage {
  url: string
  width: number
  height: number
  alt: string
}

/** Head metadata of one page. */
export interface PageMeta {
  title: string
  description: string
  /** Path on this site, e.g. /stories/a-slug; made absolute with the public URL. */
  path: string
  type?: 'website' | 'article' | 'video.movie' | 'profile' | undefined
  image?: MetaImage | undefined
  publishedTime?: string | null | undefined
  modifiedTime?: string | undefined
  section?: string | undefined
  /** Structured data blocks, each becomes one application/ld+json script. */
  jsonLd?: object[] | undefined
  feeds?: { title: string; href: string; type?: 'rss' | 'atom' | undefined }[]
  noindex?: boolean | undefined
  /** rel=prev / rel=next for paginated lists. */
  prev?: string | undefined
  next?: string | undefined
}

// What could end a <script> element or start a comment in it (< > &), and the two characters
// that end a line in older JavaScript: each written as its JSON escape, which parses the same.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g
const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * Serialises structured data so it can sit inside a <script> element safely. One pass over the
 * JSON, not one a character: a story page's JSON-LD holds its description and every author.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, c => SCRIPT_ESCAPES[c] as string)
}
