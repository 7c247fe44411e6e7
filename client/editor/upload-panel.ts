// "Upload a new image" inside the image picker: the file, its alt text (required, with the
// reason said beside it), caption and credit. It sends the file through the upload API with a
// progress bar, shows the server's own reason when the file is refused, and hands the stored
// image back to the picker, which then uses it exactly as if it had been chosen from the list.
import { isAbort, uploadFile, UploadError } from '../shared/upload.js'
import type { ImageItem } from './catalog.js'
import { h, uid } from './dom.js'

/** The types the upload API accepts as images (it reads the bytes; this only filters the file dialog). */
export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif'

/** Where to upload, with which token, and what to do with the stored image. */
export interface UploadPanelOptions {
  url: string
  csrf: string
  onUploaded: (item: ImageItem) => void
}

/** The panel (a disclosure) and how to clear it when the picker closes. */
export interface UploadPanel {
  el: HTMLDetailsElement
  /** Stops an upload in progress and empties the form. */
  reset: () => void
}

const ALT_REASON = 'Alt text is required: say what the picture shows, for people who cannot see it.'

/** Builds the panel. Its form is its own, so Enter uploads rather than saving the story around it. */
export function createUploadPanel(options: UploadPanelOptions): UploadPanel {
  const field = (control: HTMLInputElement | HTMLTextAreaElement, label: string, hint?: string) => {
    const hintId = hint === undefined ? undefined : uid('be-upload-hint')
    const message = h('p', { id: uid('be-upload-message'), class: 'be-form__message' })
    control.setAttribute('aria-describedby', [hintId, message.id].filter(Boolean).join(' '))
    const box = h(
      'div',
      { class: 'be-upload__field' },
      h('label', { for: control.id, class: 'be-form__label' }, label),
      control,
      hint === undefined ? null : h('p', { id: hintId, class: 'be-upload__hint' }, hint),
      message,
    )
    return { box, message }
  }
  const file = h('input', { id: uid('be-upload-file'), type: 'file', accept: IMAGE_TYPES, class: 'be-upload__file' })
  const alt = h('textarea', {
    id: uid('be-upload-alt'),
    rows: 2,
    maxlength: 500,
    class: 'be-form__input be-upload__alt',
    'aria-required': 'true',
  })
  const caption = h('input', {
    id: uid('be-upload-caption'),
    type: 'text',
    maxlength: 1000,
    class: 'be-form__input',
    autocomplete: 'off',
  })
  const credit = h('input', {
    id: uid('be-upload-credit'),
    type: 'text',
    maxlength: 300,
    class: 'be-form__input',
    autocomplete: 'off',
    placeholder: 'Photo: Ana Duarte / The Long View',
  })
  const fileField = field(file, 'Image file', 'JPEG, PNG, WebP or AVIF, up to 30 MB.')
  // The chosen picture, shown while the alt text is written: it is easier to describe what you see.
  const preview = h('img', { class: 'be-upload__preview', alt: '', hidden: true })
  fileField.box.append(preview)
  const altField = field(
    alt,
    'Alt text (required)',
    'Describe what the picture shows. Screen readers read it aloud to people who cannot see the image, and it stands in when the image does not load.',
  )
  const submit = h('button', { type: 'submit', class: 'be-button be-button--primary' }, 'Upload and use')
  const stop = h('button', { type: 'button', class: 'be-button', hidden: true }, 'Stop upload')
  const bar = h('progress', { max: 1, value: 0, class: 'be-upload__bar', 'aria-label': 'Upload progress' })
  const percent = h('span', { class: 'be-upload__percent', 'aria-hidden': 'true' })
  const status = h('p', { class: 'be-upload__status', role: 'status' })
  const refusal = h('p', { class: 'be-form__message be-upload__refusal', role: 'alert' })
  // A fieldset only so the fields can be disabled together while the file is on its way.
  const fields = h(
    'fieldset',
    { class: 'be-upload__fields' },
    fileField.box,
    altField.box,
    h(
      'div',
      { class: 'be-upload__pair' },
      field(caption, 'Caption (optional)').box,
      field(credit, 'Credit (optional)').box,
    ),
  )
  const progress = h('div', { class: 'be-upload__progress', hidden: true }, bar, percent)
  const form = h(
    'form',
    { class: 'be-upload__form', novalidate: true },
    fields,
    h('div', { class: 'be-form__row be-upload__actions' }, submit, stop),
    progress,
    status,
    refusal,
  )
  const el = h(
    'details',
    { class: 'be-upload' },
    h('summary', { class: 'be-upload__summary' }, 'Upload a new image'),
    form,
  )
  let running: AbortController | undefined

  const problem = (target: { message: HTMLElement }, control: HTMLElement, text: string) => {
    target.message.textContent = text
    control.setAttribute('aria-invalid', 'true')
  }
  const clearMessages = () => {
    for (const f of [fileField, altField]) f.message.textContent = ''
    for (const c of [file, alt]) c.removeAttribute('aria-invalid')
    refusal.textContent = ''
    status.textContent = ''
  }
  const busy = (on: boolean) => {
    fields.disabled = on
    submit.disabled = on
    stop.hidden = !on
    progress.hidden = !on
  }
  const show = (sent: number, total: number) => {
    const fraction = total > 0 ? sent / total : 1
    bar.value = fraction
    percent.textContent = `${Math.floor(fraction * 100)}%`
    // Once every byte is there, the server is making the variants before it answers.
    if (fraction >= 1) status.textContent = 'Uploaded; making the sizes readers’ screens need…'
  }

  form.addEventListener('submit', event => {
    event.preventDefault()
    if (running) return
    clearMessages()
    const chosen = file.files?.[0]
    const altText = alt.value.trim()
    if (!chosen) problem(fileField, file, 'Choose an image file to upload.')
    if (altText === '') problem(altField, alt, ALT_REASON)
    if (!chosen || altText === '') return (chosen ? alt : file).focus()
    const metadata = { alt: altText, caption: caption.value.trim(), credit: credit.value.trim() }
    const controller = new AbortController()
    running = controller
    busy(true)
    show(0, chosen.size)
    status.textContent = `Uploading “${chosen.name}”…`
    // The dialog may be scrolled up to the fields; the bar is what matters now.
    status.scrollIntoView({ block: 'nearest' })
    uploadFile(chosen, {
      kind: 'image',
      metadata,
      csrf: options.csrf,
      url: options.url,
      signal: controller.signal,
      onProgress: show,
    })
      .then(result => {
        if (running !== controller) return
        if (!result.image)
          throw new UploadError(
            0,
            'The file arrived, but the server’s answer was lost. Reopen this to find the image in the list.',
          )
        const item: ImageItem = { id: result.image.id, src: result.image.url, ...metadata }
        running = undefined
        reset()
        options.onUploaded(item)
      })
      .catch((error: unknown) => {
        if (running !== controller) return
        running = undefined
        busy(false)
        status.textContent = ''
        if (isAbort(error)) {
          status.textContent = 'Upload stopped; nothing was kept.'
          return
        }
        refusal.textContent = `The image was not uploaded. ${error instanceof Error ? error.message : String(error)}`
        refusal.scrollIntoView({ block: 'nearest' })
      })
  })
  stop.addEventListener('click', () => running?.abort())
  file.addEventListener('change', () => showPreview(file.files?.[0]))
  preview.addEventListener('error', () => showPreview(undefined))

  function showPreview(chosen: File | undefined) {
    if (preview.src) URL.revokeObjectURL(preview.src)
    preview.removeAttribute('src')
    preview.hidden = chosen === undefined || !chosen.type.startsWith('image/')
    if (!preview.hidden && chosen) preview.src = URL.createObjectURL(chosen)
  }

  function reset() {
    running?.abort()
    running = undefined
    busy(false)
    form.reset()
    showPreview(undefined)
    clearMessages()
    el.open = false
  }

  return { el, reset }
}
