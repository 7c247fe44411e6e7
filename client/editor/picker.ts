// The picker for embeds: a modal <dialog> listing images, excerpts or documentaries as buttons.
// The dialog gives focus trapping and Escape for free; arrow keys move through the list and a
// filter field narrows a long library. Images come from the server's library a page at a time
// (content pictures only; the search runs there, over alt text, caption and file name), and the
// picker can also offer to upload a new one. Excerpts and documentaries are filtered in place.
import { formatTimecode as timecode } from '../../src/body/timecode.js'
import { formatRuntime } from '../../src/platform/format.js'
import { announceImage } from './catalog.js'
import type { Catalog, CatalogKind, DocumentaryItem, ExcerptItem, ImageItem, ListState } from './catalog.js'
import { csrfToken, h, uid } from './dom.js'
import { fetchLibraryPage, type LibraryPage } from './library.js'
import { createUploadPanel } from './upload-panel.js'

/** Opens the picker for a list; `onPick` receives the chosen item's id. */
export interface Picker {
  el: HTMLDialogElement
  open: (kind: CatalogKind, onPick: (id: number) => void, options?: { title?: string }) => void
}

/** Where this page's writer may upload images to, when their role allows it. */
export interface PickerUpload {
  url: string
  csrf: string
}

/** The host's `data-upload-url` with the form's token; absent when the page does not offer uploading. */
export function uploadTarget(host: HTMLElement): PickerUpload | undefined {
  const url = host.dataset.uploadUrl
  return url ? { url, csrf: csrfToken(host) } : undefined
}

interface Entry {
  id: number
  text: string
  detail: string
  thumb?: string
}

const TITLES: Record<CatalogKind, string> = {
  image: 'Insert an image',
  excerpt: 'Insert a video excerpt',
  documentaryCard: 'Insert a documentary card',
}
const EMPTY: Record<CatalogKind, string> = {
  image: 'The image library is empty. An editor can upload images.',
  excerpt: 'No excerpts yet. Mark excerpts on a documentary first.',
  documentaryCard: 'No documentaries yet.',
}

/** Builds the picker dialog; `onClose` runs when it closes without or after a choice. */
export function createPicker(catalog: Catalog, onClose: () => void, upload?: PickerUpload): Picker {
  const titleId = uid('be-picker-title')
  const filterId = uid('be-picker-filter')
  const title = h('h2', { id: titleId, class: 'be-picker__title' })
  const filter = h('input', { id: filterId, type: 'search', class: 'be-form__input', autocomplete: 'off' })
  const status = h('p', { class: 'be-picker__status', role: 'status' })
  const list = h('ul', { class: 'be-picker__list', 'aria-labelledby': titleId })
  const closeButton = h('button', { type: 'button', class: 'be-button' }, 'Close')
  const previous = h('button', { type: 'button', class: 'be-button' }, 'Previous page')
  const next = h('button', { type: 'button', class: 'be-button' }, 'Next page')
  const pageLabel = h('span', { class: 'be-picker__page' })
  const pager = h(
    'nav',
    { class: 'be-picker__pager', 'aria-label': 'Pages of images', hidden: true },
    previous,
    pageLabel,
    next,
  )
  // A new image is announced to every catalog on the page, then chosen like one from the list.
  const panel =
    upload &&
    createUploadPanel({
      ...upload,
      onUploaded: item => {
        announceImage(item)
        choose(item.id)
      },
    })
  const el = h(
    'dialog',
    { class: 'be-picker', 'aria-labelledby': titleId },
    h('div', { class: 'be-picker__header' }, title, closeButton),
    panel?.el,
    h('label', { for: filterId, class: 'be-form__label' }, 'Filter'),
    filter,
    status,
    list,
    pager,
  )
  let kind: CatalogKind = 'image'
  let pick: ((id: number) => void) | undefined
  // The library's address, from the editor or hero field the dialog sits in; without one, the catalog's list.
  const libraryUrl = () => el.closest<HTMLElement>('[data-images-url]')?.dataset.imagesUrl || undefined
  let library: LibraryState | undefined
  let request: AbortController | undefined
  let debounce: ReturnType<typeof setTimeout> | undefined

  const choose = (id: number) => {
    // A library image the catalog has not seen (an older page, a search) is announced to it,
    // so the embed and the hero preview can draw it.
    const item = library?.status === 'ready' ? library.page.items.find(i => i.id === id) : undefined
    if (item) announceImage(item)
    const chosen = pick
    pick = undefined
    el.close()
    chosen?.(id)
  }

  /** Asks the library for a page of what the filter says; an answer to an older question is dropped. */
  const load = (page: number, focusFirst = false) => {
    const url = libraryUrl()
    if (url === undefined) return
    request?.abort()
    const controller = new AbortController()
    request = controller
    const q = filter.value.trim()
    library = { status: 'loading', q, page }
    render()
    void fetchLibraryPage(url, { q, page }, controller.signal).then(result => {
      if (controller.signal.aborted) return
      library = result.ok ? { status: 'ready', q, page: result.page } : { status: 'failed', message: result.message }
      render()
      // Unless the writer has typed on meanwhile: then the caret stays where they are typing.
      if (focusFirst && filter.value.trim() === q) list.querySelector('button')?.focus()
    })
  }

  const render = () => {
    if (!el.open) return
    if (kind === 'image' && library !== undefined) return renderLibrary(library)
    pager.hidden = true
    const state: ListState<ImageItem | ExcerptItem | DocumentaryItem> = catalog[kind]
    if (state.status !== 'ready') {
      list.replaceChildren()
      status.textContent = state.status === 'loading' ? 'Loading…' : state.message
      return
    }
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    const entries = state.items
      .map(item => toEntry(kind, item))
      .filter(e => words.every(w => `${e.text} ${e.detail}`.toLowerCase().includes(w)))
    const empty = kind === 'image' && panel ? 'No images yet: upload the first one above.' : EMPTY[kind]
    status.textContent = state.items.length === 0 ? empty : entries.length === 0 ? 'Nothing matches the filter.' : ''
    list.replaceChildren(...entries.map(entry => h('li', {}, entryButton(entry))))
  }
  const renderLibrary = (state: LibraryState) => {
    if (state.status !== 'ready') {
      // The list of the last page stays while the next loads, so the dialog does not jump.
      if (state.status === 'failed') list.replaceChildren()
      status.textContent = state.status === 'loading' ? 'Loading…' : state.message
      pager.hidden = state.status === 'failed'
      previous.disabled = next.disabled = true
      return
    }
    const { page, q } = state
    const empty = panel ? 'No images yet: upload the first one above.' : EMPTY.image
    status.textContent =
      page.total === 0
        ? q === ''
          ? empty
          : `No images match “${q}”.`
        : `${page.total === 1 ? '1 image' : `${page.total} images`}${q === '' ? '' : ` match “${q}”`}.`
    list.replaceChildren(...page.items.map(item => h('li', {}, entryButton(toEntry('image', item)))))
    pager.hidden = page.pageCount <= 1
    pageLabel.textContent = `Page ${page.page} of ${page.pageCount}`
    previous.disabled = page.page <= 1
    next.disabled = page.page >= page.pageCount
  }
  const entryButton = (entry: Entry) => {
    const button = h(
      'button',
      { type: 'button', class: 'be-picker__item', 'data-id': entry.id },
      // The thumbnail is decoration: the caption beside it names the picture.
      entry.thumb === undefined ? null : h('img', { src: entry.thumb, alt: '', class: 'be-picker__thumb' }),
      h(
        'span',
        { class: 'be-picker__text' },
        h('span', { class: 'be-picker__name' }, entry.text),
        h('span', { class: 'be-picker__detail' }, entry.detail),
      ),
    )
    button.addEventListener('click', () => choose(entry.id))
    return button
  }

  catalog.subscribe(render)
  filter.addEventListener('input', () => {
    if (kind !== 'image' || library === undefined) return render()
    // The library is searched on the server: wait until the typing pauses.
    clearTimeout(debounce)
    debounce = setTimeout(() => load(1), SEARCH_DELAY_MS)
  })
  const turn = (by: number) => {
    if (library?.status !== 'ready') return
    load(library.page.page + by, true)
  }
  previous.addEventListener('click', () => turn(-1))
  next.addEventListener('click', () => turn(1))
  closeButton.addEventListener('click', () => el.close())
  el.addEventListener('close', () => {
    clearTimeout(debounce)
    request?.abort()
    panel?.reset()
    onClose()
  })
  el.addEventListener('keydown', event => {
    // Arrows in the upload form's fields move the caret, not the focus.
    if (event.target === filter || list.contains(event.target as Node)) moveFocus(event, list, filter)
    // The filter sits inside the story's form: Enter there would save the story.
    if (event.target === filter && event.key === 'Enter') {
      event.preventDefault()
      if (
        kind === 'image' &&
        library !== undefined &&
        (library.status !== 'ready' || library.q !== filter.value.trim())
      ) {
        // Enter searches at once rather than waiting for the pause, then goes to the first result.
        clearTimeout(debounce)
        load(1, true)
      } else list.querySelector('button')?.focus()
    }
  })
  // Typing in the dialog changes nothing in the story, so the page's autosave need not hear it.
  el.addEventListener('input', event => event.stopPropagation())
  el.addEventListener('change', event => event.stopPropagation())

  return {
    el,
    open(nextKind, onPick, options = {}) {
      kind = nextKind
      pick = onPick
      title.textContent = options.title ?? TITLES[kind]
      filter.value = ''
      if (panel) {
        panel.el.hidden = kind !== 'image'
        // With nothing to choose from, uploading is the only way on.
        panel.el.open = kind === 'image' && catalog.image.status === 'ready' && catalog.image.items.length === 0
      }
      el.showModal()
      library = undefined
      if (kind === 'image' && libraryUrl() !== undefined) {
        // The last page shown stays out of sight until the first page arrives, then takes the focus.
        list.replaceChildren()
        load(1, true)
      } else render()
      // Straight to the first item when there is one: Enter inserts it, arrows move on.
      const first = list.querySelector('button')
      if (first === null) filter.focus()
      else first.focus()
    },
  }
}

/** The library as the picker holds it: loading a page, a page, or why it could not be had. */
type LibraryState =
  | { status: 'loading'; q: string; page: number }
  | { status: 'ready'; q: string; page: LibraryPage }
  | { status: 'failed'; message: string }

/** How long typing must pause before the library is searched. */
const SEARCH_DELAY_MS = 250

function toEntry(kind: CatalogKind, item: ImageItem | ExcerptItem | DocumentaryItem): Entry {
  if (kind === 'image' && 'src' in item) {
    const filename = 'filename' in item && typeof item.filename === 'string' ? item.filename : ''
    const thumb = 'thumb' in item && typeof item.thumb === 'string' && item.thumb !== '' ? item.thumb : item.src
    return {
      id: item.id,
      text: item.caption || item.alt || filename || `Image ${item.id}`,
      detail: [item.credit, filename].filter(Boolean).join(' · '),
      thumb,
    }
  }
  if (kind === 'excerpt' && 'startSeconds' in item) {
    return {
      id: item.id,
      text: item.title,
      detail: `${item.documentaryTitle} · ${timecode(item.startSeconds)}–${timecode(item.endSeconds)}`,
    }
  }
  const runtime = 'runtime' in item && item.runtime > 0 ? formatRuntime(item.runtime) : ''
  return { id: item.id, text: 'title' in item ? item.title : `#${item.id}`, detail: runtime }
}

/** Arrow keys, Home and End move through the items; ArrowDown from the filter enters the list. */
function moveFocus(event: KeyboardEvent, list: HTMLElement, filter: HTMLInputElement): void {
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')]
  if (buttons.length === 0) return
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  const last = buttons.length - 1
  let next: number | undefined
  if (event.key === 'ArrowDown') next = at === -1 ? 0 : Math.min(last, at + 1)
  else if (event.key === 'ArrowUp' && at !== -1) next = at - 1
  else if (event.key === 'Home' && at !== -1) next = 0
  else if (event.key === 'End' && at !== -1) next = last
  if (next === undefined) return
  event.preventDefault()
  if (next < 0) filter.focus()
  else buttons[next]?.focus()
}
