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

/** Serialises structured data so it can sit inside a <script> element safely. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
