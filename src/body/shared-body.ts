// Stored bodies parsed once and shared, frozen, between the public pages that read them.
import type { BodyDocument } from './schema.js'
import { readStoredBody } from './validate.js'

/**
 * Parsed bodies by their stored text, at most KEPT_BODIES, the oldest dropped first; texts over
 * KEPT_TEXT_LENGTH are parsed every time. An uncached story page parsed its body on every request:
 * 5.5% of the server's busy time under load for a 2.6 KB body, and its objects were garbage for
 * the next collection. The key is the stored text itself, so an edited story reads its new body
 * at once, and no value depends on anything but that text. At most 64 texts of 64 KB: a few MB
 * at worst, some hundreds of KB for the demo's stories.
 */
const kept = new Map<string, BodyDocument>()
const KEPT_BODIES = 64
const KEPT_TEXT_LENGTH = 64 * 1024

/**
 * The body document a stored JSON text holds, as `readStoredBody` reads it, but shared between
 * reads and deeply frozen, so no reader can change what another holds (a change throws). For
 * pages that only render a body; the editor's reads stay `readStoredBody`, a fresh copy.
 */
export function sharedStoredBody(json: string): BodyDocument {
  const known = kept.get(json)
  if (known) return known
  const doc = freezeDeep(readStoredBody(json))
  if (json.length > KEPT_TEXT_LENGTH) return doc
  if (kept.size >= KEPT_BODIES) {
    const oldest = kept.keys().next()
    if (!oldest.done) kept.delete(oldest.value)
  }
  kept.set(json, doc)
  return doc
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) freezeDeep(child)
  }
  return value
}
