// One searchable multi-select, built over a `<select multiple>` that stays in the form: the
// select's selected options are the value, so the form posts exactly what it posted without
// script. The writer types to filter (an ARIA 1.2 combobox with a listbox popup), moves with the
// arrow keys, picks with Enter, and sees the chosen items as chips with Remove buttons;
// Backspace in the empty field removes the last chip and Escape closes the list.
import { rank } from './combobox-match.js'

interface Choice {
  option: HTMLOptionElement
  label: string
}

let counter = 0

/** Creates an element with a class and attributes (never a style attribute: the CSP refuses them). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

/** Enhances `select`; leaves a disabled select (a writer without edit rights) as it is. */
export function enhanceMultiSelect(select: HTMLSelectElement): void {
  if (!select.multiple || select.matches(':disabled') || select.dataset.comboboxReady !== undefined) return
  select.dataset.comboboxReady = ''
  const id = `nr-combobox-${++counter}`
  const label = select.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(select.id)}"]`) : null
  const name = (label?.textContent ?? select.name).trim()

  const chips = el('ul', 'nr-combobox__chips', { 'aria-label': `${name}: chosen` })
  const input = el('input', 'nr-combobox__input', {
    id: `${id}-input`,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
  })
  const list = el('ul', 'nr-combobox__list', { id: `${id}-list`, role: 'listbox', 'aria-label': name })
  list.hidden = true
  const none = el('p', 'nr-combobox__none', {}, 'Nothing matches.')
  none.hidden = true
  const keys = el(
    'span',
    'visually-hidden',
    { id: `${id}-keys` },
    'Type to find, arrow keys to move, Enter to add; Backspace in the empty field removes the last one.',
  )
  const status = el('p', 'visually-hidden', { role: 'status' })
  const box = el('div', 'nr-combobox')
  box.append(chips, input, list, none, keys, status)

  // The label and hint now describe the field the writer types in; the select leaves the
  // accessibility tree but keeps posting its selected options.
  if (label) label.htmlFor = input.id
  input.setAttribute('aria-describedby', [select.getAttribute('aria-describedby'), keys.id].filter(Boolean).join(' '))
  const invalid = select.getAttribute('aria-invalid')
  if (invalid !== null) input.setAttribute('aria-invalid', invalid)
  select.hidden = true
  select.setAttribute('aria-hidden', 'true')
  select.tabIndex = -1
  select.after(box)

  const choices = (): Choice[] =>
    [...select.options].map(option => ({ option, label: (option.textContent ?? '').trim() }))
  let offered: Choice[] = []
  let active = -1

  const say = (text: string) => {
    status.textContent = text
  }

  const setActive = (index: number) => {
    active = offered.length === 0 ? -1 : Math.max(0, Math.min(offered.length - 1, index))
    for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === active))
    const current = list.children[active]
    if (current) {
      input.setAttribute('aria-activedescendant', current.id)
      current.scrollIntoView({ block: 'nearest' })
    } else input.removeAttribute('aria-activedescendant')
  }

  const close = () => {
    list.hidden = true
    none.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }

  /** Shows the choices not yet chosen that match what is typed. */
  const open = () => {
    offered = rank(
      choices().filter(c => !c.option.selected && !c.option.disabled && c.option.value !== ''),
      input.value,
    )
    list.replaceChildren(
      ...offered.map((choice, i) => {
        const item = el(
          'li',
          'nr-combobox__option',
          { id: `${id}-option-${i}`, role: 'option', 'aria-selected': 'false' },
          choice.label,
        )
        // Keeps the focus in the field, so the list does not close before the click lands.
        item.addEventListener('mousedown', event => event.preventDefault())
        item.addEventListener('click', () => pick(choice))
        return item
      }),
    )
    list.hidden = offered.length === 0
    none.hidden = offered.length > 0 || input.value.trim() === ''
    input.setAttribute('aria-expanded', String(!list.hidden))
    setActive(0)
    if (input.value.trim() !== '')
      say(
        offered.length === 0 ? 'Nothing matches.' : `${offered.length} ${offered.length === 1 ? 'match' : 'matches'}.`,
      )
  }

  /** Tells the form what changed, as a change in the select itself would: autosave hears it. */
  const changed = () => {
    select.dispatchEvent(new Event('input', { bubbles: true }))
    select.dispatchEvent(new Event('change', { bubbles: true }))
  }

  const pick = (choice: Choice) => {
    choice.option.selected = true
    input.value = ''
    drawChips()
    changed()
    say(`${choice.label} added. ${chosenCount()}`)
    close()
    input.focus()
  }

  const remove = (choice: Choice) => {
    choice.option.selected = false
    drawChips()
    changed()
    say(`${choice.label} removed. ${chosenCount()}`)
    if (!list.hidden) open()
    input.focus()
  }

  const chosenCount = () => {
    const n = choices().filter(c => c.option.selected).length
    return n === 0 ? `No ${name.toLowerCase()} chosen.` : `${n} chosen.`
  }

  /** The chips, in the order the form posts them (the select's order). */
  function drawChips(): void {
    chips.replaceChildren(
      ...choices()
        .filter(c => c.option.selected)
        .map(choice => {
          const button = el(
            'button',
            'nr-combobox__remove',
            { type: 'button', 'aria-label': `Remove ${choice.label}` },
            '×',
          )
          button.addEventListener('click', () => remove(choice))
          const chip = el('li', 'nr-combobox__chip')
          chip.append(el('span', 'nr-combobox__chip-label', {}, choice.label), button)
          return chip
        }),
    )
    chips.hidden = chips.children.length === 0
  }

  input.addEventListener('input', event => {
    // Typing to find is not a change to the form: the page's autosave need not hear it.
    event.stopPropagation()
    open()
  })
  input.addEventListener('keydown', event => {
    const isOpen = !list.hidden
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!isOpen) open()
        else setActive(active + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        if (!isOpen) open()
        else setActive(active - 1)
        break
      case 'Enter': {
        // Enter in the field picks; it never submits the form around it.
        event.preventDefault()
        const choice = isOpen ? offered[active] : undefined
        if (choice) pick(choice)
        break
      }
      case 'Escape':
        if (isOpen || !none.hidden) {
          // Only the list closes, not a dialog the field may sit in.
          event.preventDefault()
          event.stopPropagation()
          close()
        } else if (input.value !== '') {
          event.preventDefault()
          input.value = ''
        }
        break
      case 'Backspace': {
        if (input.value !== '') break
        const last = choices()
          .filter(c => c.option.selected)
          .pop()
        if (last) {
          event.preventDefault()
          remove(last)
        }
        break
      }
      case 'Tab':
        close()
        break
    }
  })
  input.addEventListener('click', () => {
    if (list.hidden) open()
  })
  input.addEventListener('blur', close)
  box.addEventListener('click', event => {
    if (event.target === box) input.focus()
  })
  // Something else changed the select (a form reset, another script): the chips follow it.
  select.addEventListener('change', drawChips)
  select.form?.addEventListener('reset', () => setTimeout(drawChips, 0))
  drawChips()
}
