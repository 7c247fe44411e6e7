// HTML written as strings beside the JSX pages, in the very bytes preact-render-to-string writes, so
// a part that builds a piece of a page by hand (to keep it between requests) changes nothing a
// reader, a cache or a test sees.

const ATTRIBUTE_SPECIAL = /[&"<]/g

/** Escapes an attribute value, or text between tags, as preact-render-to-string does both: & " and < only. */
export function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, c => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'))
}

/**
 * One attribute, with its leading space, as preact-render-to-string writes it: nothing when the
 * value is undefined, the bare name when it is empty, else the escaped value in double quotes.
 */
export function htmlAttribute(name: string, value: string | number | undefined): string {
  if (value === undefined) return ''
  const text = String(value)
  return text === '' ? ` ${name}` : ` ${name}="${escapeAttribute(text)}"`
}
