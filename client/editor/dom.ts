// One small element builder for the editor's chrome. It sets attributes and text only: the
// page's Content-Security-Policy refuses style attributes, so looks live in editor.css.

/** Attribute values; `false`, `null` and `undefined` leave the attribute off. */
export type Attrs = Record<string, string | number | boolean | null | undefined>

/** Creates `<tag>` with attributes and children (strings become text, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'style') throw new Error('inline styles break the Content-Security-Policy; use a class')
    if (value === false || value === null || value === undefined) continue
    el.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(child)
  }
  return el
}

let counter = 0

/** A page-unique id for label/field and aria-* pairs, since a page may hold several editors. */
export function uid(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}

/** The session's CSRF token, from the `_csrf` field of the form around `el`. */
export function csrfToken(el: Element): string {
  const field = el.closest('form')?.querySelector<HTMLInputElement>('input[name="_csrf"]')
  return field?.value ?? ''
}
