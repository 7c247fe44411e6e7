// XML for feeds and sitemaps: the one escaping helper, and a tiny element builder that
// escapes every string it is given, so no feed can forget to.

// Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates)
// and the C1 controls it discourages. Feed readers reject a whole document over one of them.
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const SPECIAL = /[&<>"']/g
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Makes any text safe as XML character data or a quoted attribute: drops characters XML 1.0 forbids, escapes & < > " '. */
export function escapeXml(text: string): string {
  return text.replace(ILLEGAL, '').replace(SPECIAL, c => ENTITIES[c] ?? '')
}

/** Markup built by `el`: already escaped, so it is never escaped again. */
export interface Xml {
  readonly xml: string
}

/** What an element may hold: text (escaped), built elements, lists of them, or nothing. */
export type XmlChild = Xml | string | undefined | readonly XmlChild[]

/** Attribute values; undefined leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | undefined>>

/**
 * One element. Names are ours (constants in the code); every attribute value and text child
 * goes through `escapeXml`. Elements holding only elements get one per line, for people reading.
 */
export function el(name: string, attrs: XmlAttrs | null, ...children: XmlChild[]): Xml {
  let open = `<${name}`
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined) open += ` ${key}="${escapeXml(value)}"`
  }
  const parts: (Xml | string)[] = []
  flatten(children, parts)
  if (parts.length === 0) return { xml: `${open}/>` }
  const onlyElements = parts.every(p => typeof p !== 'string')
  const inner = parts.map(p => (typeof p === 'string' ? escapeXml(p) : p.xml)).join(onlyElements ? '\n' : '')
  return { xml: onlyElements ? `${open}>\n${inner}\n</${name}>` : `${open}>${inner}</${name}>` }
}

function flatten(children: readonly XmlChild[], out: (Xml | string)[]): void {
  for (const child of children) {
    if (child === undefined) continue
    if (typeof child === 'string' || !Array.isArray(child)) out.push(child as Xml | string)
    else flatten(child, out)
  }
}

/** A whole document: the XML declaration and its root element. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.xml}\n`
}

/** An instant as RFC 822 (RSS): "Tue, 24 Nov 2026 15:05:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

/** An instant as RFC 3339 in UTC (Atom, sitemaps): "2026-11-24T15:05:00.000Z". */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString()
}
