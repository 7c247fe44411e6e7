// HTML escaping for everything the body renderer writes: text and attribute values alike.

const SPECIAL = /["&'<>]/

/** Escapes & < > " ' so the text is safe both between tags and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  const first = SPECIAL.exec(text)
  // Most text has nothing to escape; returning it as is skips building a new string.
  if (first === null) return text
  // A hand-written scan: several times faster than replace() with a callback on prose-sized strings.
  let html = ''
  let last = 0
  for (let i = first.index; i < text.length; i++) {
    let entity: string
    switch (text.charCodeAt(i)) {
      case 34:
        entity = '&quot;'
        break
      case 38:
        entity = '&amp;'
        break
      case 39:
        entity = '&#39;'
        break
      case 60:
        entity = '&lt;'
        break
      case 62:
        entity = '&gt;'
        break
      default:
        continue
    }
    if (last !== i) html += text.slice(last, i)
    html += entity
    last = i + 1
  }
  return last === text.length ? html : html + text.slice(last)
}
