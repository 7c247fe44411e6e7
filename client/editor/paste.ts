// Pasted HTML under our Content-Security-Policy. Chrome refuses every style attribute and
// <style> element the moment ProseMirror parses the clipboard (even in a detached document),
// logging a violation each time and leaving `el.style` empty. So before parsing, styles become
// inert data attributes, and the schema reads bold and italic from those.

/** The attribute a pasted element's style is moved to. */
export const PASTED_STYLE = 'data-pasted-style'

const STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi
const NAME_END = /[\s/>=]/
const SPACE = /\s/

/** `html` with <style> elements removed and every `style` attribute renamed to PASTED_STYLE. */
export function neutralizeStyles(html: string): string {
  const source = html.replace(STYLE_ELEMENTS, '')
  let out = ''
  let i = 0
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt === -1) return out + source.slice(i)
    out += source.slice(i, lt)
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt)
      i = end === -1 ? source.length : end + 3
      out += source.slice(lt, i)
    } else if (/[A-Za-z]/.test(source[lt + 1] ?? '')) {
      const tag = readStartTag(source, lt)
      out += tag.text
      i = tag.end
    } else {
      out += '<'
      i = lt + 1
    }
  }
  return out
}

/** Copies one start tag, renaming a `style` attribute; quoted values are copied whole, `>` and all. */
function readStartTag(source: string, start: number): { text: string; end: number } {
  let j = start + 1
  while (j < source.length && !NAME_END.test(source[j] ?? '')) j++
  let text = source.slice(start, j)
  while (j < source.length && source[j] !== '>') {
    const ch = source[j] ?? ''
    if (SPACE.test(ch) || ch === '/' || ch === '=') {
      text += ch
      j++
      if (ch === '=')
        j = copyValue(source, j, part => {
          text += part
        })
      continue
    }
    const nameStart = j
    while (j < source.length && !NAME_END.test(source[j] ?? '')) j++
    const name = source.slice(nameStart, j)
    text += name.toLowerCase() === 'style' ? PASTED_STYLE : name
  }
  if (j < source.length) text += '>'
  return { text, end: Math.min(source.length, j + 1) }
}

function copyValue(source: string, from: number, emit: (part: string) => void): number {
  let j = from
  while (j < source.length && SPACE.test(source[j] ?? '')) emit(source[j++] ?? '')
  const quote = source[j]
  if (quote === '"' || quote === "'") {
    const close = source.indexOf(quote, j + 1)
    const end = close === -1 ? source.length : close + 1
    emit(source.slice(j, end))
    return end
  }
  const valueStart = j
  while (j < source.length && !SPACE.test(source[j] ?? '') && source[j] !== '>') j++
  emit(source.slice(valueStart, j))
  return j
}

/** The value of CSS property `name` in an element's pasted style, lower-cased, or undefined. */
export function pastedStyle(el: HTMLElement, name: string): string | undefined {
  const style = el.getAttribute(PASTED_STYLE)
  if (style === null) return undefined
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon !== -1 && declaration.slice(0, colon).trim().toLowerCase() === name) {
      return declaration
        .slice(colon + 1)
        .replace(/!important/i, '')
        .trim()
        .toLowerCase()
    }
  }
  return undefined
}

/** Whether a pasted font-weight is bold: "bold", "bolder" or 600 and up (Google Docs writes 700). */
export function isBoldWeight(weight: string | undefined): boolean {
  return weight !== undefined && /^(bold|bolder|[6-9]00)$/.test(weight)
}
