// The formatting toolbar: real buttons in groups, one tab stop with arrow keys between them
// (the WAI-ARIA toolbar pattern), aria-pressed on what applies at the cursor, and
// aria-disabled (not `disabled`, which would drop the button out of reach) on what cannot apply.
import type { EditorState } from 'prosemirror-state'
import { h } from './dom.js'

/** One toolbar button. */
export interface ToolSpec {
  label: string
  /** Tooltip, for the shortcut. */
  hint?: string
  /** Extra class, e.g. to set Bold in bold. */
  modifier?: string
  /** Opens a dialog rather than acting at once. */
  opensDialog?: boolean
  run: () => void
  /** Present for toggles: whether it is on at the selection. */
  active?: (state: EditorState) => boolean
  enabled?: (state: EditorState) => boolean
}

/** A labelled group of buttons. */
export interface ToolGroup {
  label: string
  tools: ToolSpec[]
}

/** The toolbar element and how to refresh it after each transaction. */
export interface Toolbar {
  el: HTMLElement
  update: (state: EditorState) => void
  /** Focuses the toolbar's current tab stop. */
  focus: () => void
}

/** Builds the toolbar; `controls` is the id of the editing area the buttons act on. */
export function createToolbar(groups: ToolGroup[], controls: string, onEscape: () => void): Toolbar {
  const entries: { button: HTMLButtonElement; spec: ToolSpec }[] = []
  const el = h('div', { class: 'be-toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': controls })
  for (const group of groups) {
    const groupEl = h('div', { class: 'be-toolbar__group', role: 'group', 'aria-label': group.label })
    for (const spec of group.tools) {
      const button = h(
        'button',
        {
          type: 'button',
          class: spec.modifier === undefined ? 'be-tool' : `be-tool be-tool--${spec.modifier}`,
          title: spec.hint,
          tabindex: entries.length === 0 ? '0' : '-1',
          'aria-pressed': spec.active === undefined ? undefined : 'false',
          'aria-haspopup': spec.opensDialog === true ? 'dialog' : undefined,
        },
        spec.label,
      )
      // Keep the editor's focus and selection when a button is clicked with the mouse.
      button.addEventListener('mousedown', event => event.preventDefault())
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') === 'true') return
        spec.run()
      })
      entries.push({ button, spec })
      groupEl.append(button)
    }
    el.append(groupEl)
  }
  const buttons = entries.map(e => e.button)
  el.addEventListener('keydown', event => rove(event, buttons, onEscape))
  el.addEventListener('focusin', event => {
    if (!(event.target instanceof HTMLButtonElement)) return
    for (const b of buttons) b.tabIndex = b === event.target ? 0 : -1
  })

  return {
    el,
    focus: () => (buttons.find(b => b.tabIndex === 0) ?? buttons[0])?.focus(),
    update(state) {
      for (const { button, spec } of entries) {
        if (spec.active !== undefined) button.setAttribute('aria-pressed', String(spec.active(state)))
        const enabled = spec.enabled === undefined || spec.enabled(state)
        if (enabled) button.removeAttribute('aria-disabled')
        else button.setAttribute('aria-disabled', 'true')
      }
    },
  }
}

function rove(event: KeyboardEvent, buttons: HTMLButtonElement[], onEscape: () => void): void {
  if (event.key === 'Escape') {
    event.preventDefault()
    onEscape()
    return
  }
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (at === -1) return
  const last = buttons.length - 1
  const next =
    event.key === 'ArrowRight'
      ? at === last
        ? 0
        : at + 1
      : event.key === 'ArrowLeft'
        ? at === 0
          ? last
          : at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? last
            : undefined
  if (next === undefined) return
  event.preventDefault()
  buttons[next]?.focus()
}
