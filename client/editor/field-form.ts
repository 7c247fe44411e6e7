// A one-field form that opens under the toolbar: the link address and the pull quote's
// attribution. Inline rather than a prompt(), so it can explain a refusal next to the field
// and the writer keeps sight of the text they are changing.
import { h, uid } from './dom.js'

/** What to ask for and what to do with the answer. */
export interface FieldRequest {
  /** The form's accessible name, e.g. "Link". */
  title: string
  label: string
  value: string
  submitLabel: string
  placeholder?: string | undefined
  /** `text` with inputmode url for addresses: type=url would refuse "/path" and "#fragment". */
  inputMode?: 'url' | 'text' | undefined
  /** Applies the value; returns a message to show (and keeps the form open) when it is refused. */
  onSubmit: (value: string) => string | undefined
  /** An optional second action, e.g. "Remove link". */
  secondary?: { label: string; run: () => void } | undefined
}

/** The form element and how to open and close it. */
export interface FieldForm {
  el: HTMLFormElement
  open: (request: FieldRequest) => void
  close: () => void
  isOpen: () => boolean
}

/** Builds the form; `onClose` runs whenever it closes (to give the editor its focus back). */
export function createFieldForm(onClose: () => void): FieldForm {
  const inputId = uid('be-field')
  const messageId = uid('be-field-message')
  const label = h('label', { for: inputId, class: 'be-form__label' })
  const input = h('input', {
    id: inputId,
    type: 'text',
    class: 'be-form__input',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': messageId,
  })
  const submit = h('button', { type: 'submit', class: 'be-button be-button--primary' })
  const secondary = h('button', { type: 'button', class: 'be-button', hidden: true })
  const cancel = h('button', { type: 'button', class: 'be-button' }, 'Cancel')
  const message = h('p', { id: messageId, class: 'be-form__message', role: 'alert' })
  const el = h(
    'form',
    { class: 'be-form', hidden: true, novalidate: true },
    label,
    h('div', { class: 'be-form__row' }, input, submit, secondary, cancel),
    message,
  )
  let request: FieldRequest | undefined

  const close = () => {
    if (el.hidden) return
    el.hidden = true
    request = undefined
    onClose()
  }
  el.addEventListener('submit', event => {
    event.preventDefault()
    if (request === undefined) return
    const refusal = request.onSubmit(input.value)
    if (refusal === undefined) return close()
    message.textContent = refusal
    input.setAttribute('aria-invalid', 'true')
    input.focus()
  })
  secondary.addEventListener('click', () => {
    request?.secondary?.run()
    close()
  })
  cancel.addEventListener('click', close)
  el.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    close()
  })

  return {
    el,
    close,
    isOpen: () => !el.hidden,
    open(next) {
      request = next
      el.setAttribute('aria-label', next.title)
      label.textContent = next.label
      input.value = next.value
      input.placeholder = next.placeholder ?? ''
      input.inputMode = next.inputMode ?? 'text'
      input.removeAttribute('aria-invalid')
      submit.textContent = next.submitLabel
      secondary.hidden = next.secondary === undefined
      secondary.textContent = next.secondary?.label ?? ''
      message.textContent = ''
      el.hidden = false
      input.focus()
      input.select()
    },
  }
}
