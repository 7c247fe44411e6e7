// The picker for embeds: a modal <dialog> listing images, excerpts or documentaries as buttons.
// The dialog gives focus trapping and Escape for free; arrow keys move through the list and a
// filter field narrows a long library. For images it can also offer to upload a new one.
import { announceImage, formatRuntime, timecode } from './catalog.js'
import type { Catalog, CatalogKind, DocumentaryItem, ExcerptItem, ImageItem, ListState } from './catalog.js'
import { csrfToken, h, uid } from './dom.js'
import { createUploadPanel } from './upload-panel.js'

/** Opens the picker for a list; `onPick` receives the chosen item's id. */
export interface Picker {
  el: HTMLDialogElement
  open: (kind: CatalogKind, onPick: (id: number) => void, options?: { title?: string }) => void
}

/** Where this page's writer may upload images to, when their role allows it. */
export interface PickerUpload { url: string; csrf: string }

/** The host's `data-upload-url` with the form's token; absent when the page does not offer uploading. */
export function uploadTarget(host: HTMLElement): PickerUpload | undefined {
  const url = host.dataset.uploadUrl
  return url ? { url, csrf: csrfToken(host) } : undefined
}

interface Entry { id: number; text: string; detail: string; thumb?: string }

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
  // A new image is announced to every catalog on the page, then chosen like one from the list.
  const panel = upload && createUploadPanel({ ...upload, onUploaded: (item) => { announceImage(item); choose(item.id) } })
  const el = h('dialog', { class: 'be-picker', 'aria-labelledby': titleId },
    h('div', { class: 'be-picker__header' }, title, closeButton),
    panel?.el,
    h('label', { for: filterId, class: 'be-form__label' }, 'Filter'),
    filter, status, list)
  let kind: CatalogKind = 'image'
  let pick: ((id: number) => void) | undefined

  const choose = (id: number) => {
    const chosen = pick
    pick = undefined
    el.close()
    chosen?.(id)
  }

  const render = () => {
    if (!el.open) return
    const state: ListState<ImageItem | ExcerptItem | DocumentaryItem> = catalog[kind]
    if (state.status !== 'ready') {
      list.replaceChildren()
      status.textContent = state.status === 'loading' ? 'Loading…' : state.message
      return
    }
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    const entries = state.items.map((item) => toEntry(kind, item))
      .filter((e) => words.every((w) => `${e.text} ${e.detail}`.toLowerCase().includes(w)))
    const empty = kind === 'image' && panel ? 'No images yet: upload the first one above.' : EMPTY[kind]
    status.textContent = state.items.length === 0 ? empty : entries.length === 0 ? 'Nothing matches the filter.' : ''
    list.replaceChildren(...entries.map((entry) => h('li', {}, entryButton(entry))))
  }
  const entryButton = (entry: Entry) => {
    const button = h('button', { type: 'button', class: 'be-picker__item', 'data-id': entry.id },
      // The thumbnail is decoration: the caption beside it names the picture.
      entry.thumb === undefined ? null : h('img', { src: entry.thumb, alt: '', class: 'be-picker__thumb' }),
      h('span', { class: 'be-picker__text' }, h('span', { class: 'be-picker__name' }, entry.text), h('span', { class: 'be-picker__detail' }, entry.detail)))
    button.addEventListener('click', () => choose(entry.id))
    return button
  }

  catalog.subscribe(render)
  filter.addEventListener('input', render)
  closeButton.addEventListener('click', () => el.close())
  el.addEventListener('close', () => {
    panel?.reset()
    onClose()
  })
  el.addEventListener('keydown', (event) => {
    // Arrows in the upload form's fields move the caret, not the focus.
    if (event.target === filter || list.contains(event.target as Node)) moveFocus(event, list, filter)
    // The filter sits inside the story's form: Enter there would save the story.
    if (event.target === filter && event.key === 'Enter') {
      event.preventDefault()
      list.querySelector('button')?.focus()
    }
  })
  // Typing in the dialog changes nothing in the story, so the page's autosave need not hear it.
  el.addEventListener('input', (event) => event.stopPropagation())
  el.addEventListener('change', (event) => event.stopPropagation())

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
      render()
      // Straight to the first item when there is one: Enter inserts it, arrows move on.
      const first = list.querySelector('button')
      if (first === null) filter.focus()
      else first.focus()
    },
  }
}

function toEntry(kind: CatalogKind, item: ImageItem | ExcerptItem | DocumentaryItem): Entry {
  if (kind === 'image' && 'src' in item) {
    return { id: item.id, text: item.caption || item.alt || `Image ${item.id}`, detail: item.credit, thumb: item.src }
  }
  if (kind === 'excerpt' && 'startSeconds' in item) {
    return { id: item.id, text: item.title, detail: `${item.documentaryTitle} · ${timecode(item.startSeconds)}–${timecode(item.endSeconds)}` }
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
