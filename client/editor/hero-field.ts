// The story's hero image field, made richer. The <select> stays the form's value (and works
// without script); beside it a preview and a button open the image picker, where the writer
// chooses from the library or, when their role allows it, uploads a new image.
import { findItem, loadCatalog } from './catalog.js'
import { h } from './dom.js'
import { createPicker, uploadTarget } from './picker.js'

/** Mounts on a `[data-hero-field]` element holding the hero <select>; does nothing when it is disabled. */
export function mountHeroField(host: HTMLElement): void {
  const select = host.querySelector('select')
  if (select === null || select.matches(':disabled')) return
  const catalog = loadCatalog({ image: host.dataset.imagesUrl })
  const upload = uploadTarget(host)
  const button = h(
    'button',
    { type: 'button', class: 'be-button be-hero__choose' },
    upload ? 'Choose or upload…' : 'Choose from the library…',
  )
  // Decoration: the select beside it names the picture.
  const thumb = h('img', { class: 'be-hero__thumb', alt: '', hidden: true })
  const picker = createPicker(catalog, () => button.focus(), upload)

  const preview = () => {
    const item = findItem(catalog.image, Number(select.value))
    thumb.hidden = item === undefined
    if (item) thumb.src = item.src
    else thumb.removeAttribute('src')
  }
  const choose = (id: number) => {
    const value = String(id)
    // A new upload is not among the options the page was rendered with.
    if (![...select.options].some(o => o.value === value)) {
      const item = findItem(catalog.image, id)
      select.options.add(h('option', { value }, item?.alt || item?.caption || `Image ${id}`), 1)
    }
    select.value = value
    // As if chosen in the select itself: the preview and the page's autosave hear it.
    select.dispatchEvent(new Event('input', { bubbles: true }))
    select.dispatchEvent(new Event('change', { bubbles: true }))
  }

  catalog.subscribe(preview)
  select.addEventListener('change', preview)
  button.addEventListener('click', () => picker.open('image', choose, { title: 'Choose the hero image' }))
  host.classList.add('be-hero')
  host.append(h('div', { class: 'be-hero__row' }, thumb, button), picker.el)
}
