// The images, excerpts and documentaries a body can embed, fetched once per editor from the
// page's data-*-url addresses. The document stores only ids; titles and pictures shown in the
// editor come from here, and embeds redraw themselves when a list arrives or an image is uploaded.

/** A stored image as the images list describes it. */
export interface ImageItem {
  id: number
  src: string
  alt: string
  caption: string
  credit: string
}
/** An excerpt as the excerpts list describes it. */
export interface ExcerptItem {
  id: number
  title: string
  documentaryTitle: string
  startSeconds: number
  endSeconds: number
}
/** A documentary as the documentaries list describes it; `runtime` is in seconds. */
export interface DocumentaryItem {
  id: number
  title: string
  runtime: number
}

/** Which list: the names match the node types that embed them. */
export type CatalogKind = 'image' | 'excerpt' | 'documentaryCard'

/** One list's state: still loading, loaded, or failed with a message for the writer. */
export type ListState<T> =
  | { status: 'loading' }
  | { status: 'ready'; items: T[] }
  | { status: 'failed'; message: string }

/** The three lists and a way to hear when one arrives. */
export interface Catalog {
  image: ListState<ImageItem>
  excerpt: ListState<ExcerptItem>
  documentaryCard: ListState<DocumentaryItem>
  /** Calls `listener` whenever a list finishes loading; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** Where each list is fetched from (the host element's data-*-url attributes). */
export interface CatalogUrls {
  image?: string | undefined
  excerpt?: string | undefined
  documentaryCard?: string | undefined
}

const IMAGE_ADDED = 'be:image-added'

/** Tells every catalog on the page about a newly uploaded image, so all its pickers and embeds know it. */
export function announceImage(item: ImageItem): void {
  document.dispatchEvent(new CustomEvent<ImageItem>(IMAGE_ADDED, { detail: item }))
}

/** Starts fetching all three lists and returns the catalog at once. */
export function loadCatalog(urls: CatalogUrls): Catalog {
  const listeners = new Set<() => void>()
  const catalog: Catalog = {
    image: { status: 'loading' },
    excerpt: { status: 'loading' },
    documentaryCard: { status: 'loading' },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const settle = <K extends CatalogKind>(kind: K, state: Catalog[K]) => {
    catalog[kind] = state
    for (const listener of listeners) listener()
  }
  // Images uploaded while the list is loading are added once it arrives (unless it has them).
  const added: ImageItem[] = []
  const withAdded = (state: ListState<ImageItem>): ListState<ImageItem> =>
    state.status !== 'ready'
      ? state
      : { status: 'ready', items: [...added.filter(a => !state.items.some(i => i.id === a.id)), ...state.items] }
  document.addEventListener(IMAGE_ADDED, event => {
    const item = (event as CustomEvent<ImageItem>).detail
    added.unshift(item)
    if (catalog.image.status === 'ready') settle('image', withAdded(catalog.image))
  })
  void fetchList(urls.image, readImage).then(s => settle('image', withAdded(s)))
  void fetchList(urls.excerpt, readExcerpt).then(s => settle('excerpt', s))
  void fetchList(urls.documentaryCard, readDocumentary).then(s => settle('documentaryCard', s))
  return catalog
}

/** The item with `id` in a loaded list, if there is one. */
export function findItem<T extends { id: number }>(state: ListState<T>, id: unknown): T | undefined {
  return state.status === 'ready' ? state.items.find(item => item.id === id) : undefined
}

async function fetchList<T>(url: string | undefined, read: (value: unknown) => T | undefined): Promise<ListState<T>> {
  if (url === undefined || url === '')
    return { status: 'failed', message: 'This page does not say where to find the list.' }
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    if (!response.ok) return { status: 'failed', message: `The list could not be loaded (HTTP ${response.status}).` }
    const data: unknown = await response.json()
    if (!Array.isArray(data)) return { status: 'failed', message: 'The list came back in an unexpected shape.' }
    // One malformed entry should not hide the rest of the newsroom's images.
    return {
      status: 'ready',
      items: data.flatMap((value: unknown) => {
        const item = read(value)
        return item === undefined ? [] : [item]
      }),
    }
  } catch {
    return { status: 'failed', message: 'The list could not be loaded; check the connection and reopen this.' }
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const idOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined

function readImage(value: unknown): ImageItem | undefined {
  const r = record(value)
  const id = idOf(r?.id)
  if (r === undefined || id === undefined || typeof r.src !== 'string') return undefined
  return { id, src: r.src, alt: str(r.alt), caption: str(r.caption), credit: str(r.credit) }
}

function readExcerpt(value: unknown): ExcerptItem | undefined {
  const r = record(value)
  const id = idOf(r?.id)
  if (r === undefined || id === undefined) return undefined
  return {
    id,
    title: str(r.title),
    documentaryTitle: str(r.documentaryTitle),
    startSeconds: num(r.startSeconds),
    endSeconds: num(r.endSeconds),
  }
}

function readDocumentary(value: unknown): DocumentaryItem | undefined {
  const r = record(value)
  const id = idOf(r?.id)
  if (r === undefined || id === undefined) return undefined
  return { id, title: str(r.title), runtime: num(r.runtime) }
}
