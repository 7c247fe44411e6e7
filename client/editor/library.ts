// The newsroom's image library, a page at a time: what the image picker lists. The server
// searches (alt text, caption, credit, file name) and pages; the body is a list of images, and
// the count and page count come in headers (absent headers mean one page holds everything).
import type { ImageItem } from './catalog.js'

/** An image as the library lists it: the catalog's fields, a small thumbnail and the uploaded file's name. */
export interface LibraryItem extends ImageItem {
  thumb: string
  filename: string
}

/** One page of the library. */
export interface LibraryPage {
  items: LibraryItem[]
  page: number
  pageCount: number
  total: number
}

/** How many images the picker shows at once. */
export const LIBRARY_PAGE_SIZE = 24

/** Fetches page `page` of the images matching `q`; never throws (an aborted request resolves as failed). */
export async function fetchLibraryPage(
  url: string,
  query: { q: string; page: number },
  signal: AbortSignal,
): Promise<{ ok: true; page: LibraryPage } | { ok: false; message: string }> {
  const address = new URL(url, document.baseURI)
  if (query.q !== '') address.searchParams.set('q', query.q)
  address.searchParams.set('page', String(query.page))
  address.searchParams.set('perPage', String(LIBRARY_PAGE_SIZE))
  try {
    const response = await fetch(address, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    })
    if (!response.ok) return { ok: false, message: `The images could not be loaded (HTTP ${response.status}).` }
    const data: unknown = await response.json()
    if (!Array.isArray(data)) return { ok: false, message: 'The images came back in an unexpected shape.' }
    // One malformed entry should not hide the rest of the page.
    const items = data.flatMap((value: unknown) => {
      const item = readItem(value)
      return item === undefined ? [] : [item]
    })
    const total = count(response.headers.get('x-total-count')) ?? items.length
    const pageCount = count(response.headers.get('x-page-count')) ?? 1
    return { ok: true, page: { items, page: query.page, pageCount: Math.max(1, pageCount), total } }
  } catch {
    return { ok: false, message: 'The images could not be loaded; check the connection and try again.' }
  }
}

function count(header: string | null): number | undefined {
  return header !== null && /^\d{1,9}$/.test(header) ? Number(header) : undefined
}

function readItem(value: unknown): LibraryItem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const r = value as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  if (typeof r.id !== 'number' || !Number.isSafeInteger(r.id) || r.id <= 0 || typeof r.src !== 'string')
    return undefined
  return {
    id: r.id,
    src: r.src,
    thumb: str(r.thumb) || r.src,
    alt: str(r.alt),
    caption: str(r.caption),
    credit: str(r.credit),
    filename: str(r.filename),
  }
}
