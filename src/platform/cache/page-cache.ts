// Rendered pages kept in memory with the tags of what they show, so a change to a story
// drops exactly the pages that show it. Bounded by bytes, least recently used goes first.
import { createHash } from 'node:crypto'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { CacheTag } from '../events.js'
import { chooseEncoding, type ContentEncoding } from '../http/accept-encoding.js'

/** One cached response body with its lazily compressed forms. */
export interface CachedPage {
  readonly body: Buffer
  readonly contentType: string
  readonly etag: string
  readonly tags: readonly CacheTag[]
  readonly surrogateKey: string
  gzip?: Buffer
  br?: Buffer
  /** Response header blocks built on first use, by encoding and scheme (see the page responder). */
  headerBlocks?: Map<string, Record<string, string>>
}

/** Builds a cache entry (also used for responses that are not cached, to share ETags and compression). */
export function makeCachedPage(body: string | Buffer, contentType: string, tags: readonly CacheTag[]): CachedPage {
  const bytes = typeof body === 'string' ? utf8(body) : body
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`
  return { body: bytes, contentType, etag, tags, surrogateKey: tags.join(' ') }
}

let scratch = Buffer.allocUnsafeSlow(256 * 1024)
const encoder = new TextEncoder()

/**
 * A string's UTF-8 bytes, encoded into a kept scratch buffer and copied out at their length.
 * Buffer.from walks a page twice (its length in bytes, then the bytes); a page holding one curly
 * quote is a two-byte string, for which that first walk cost as much as the writing: 45 against
 * 20 µs for 40,000 characters on Node 20. TextEncoder's encodeInto writes such a string faster
 * than Buffer's write: 30-34 against 37-57 µs for a 61,000-character page with curly quotes on
 * Node 20, 12 against 34 µs on Node 26. The scratch grows to the largest page, three bytes a
 * character at most.
 */
function utf8(text: string): Buffer {
  if (text.length * 3 > scratch.length) scratch = Buffer.allocUnsafeSlow(text.length * 3)
  const { written } = encoder.encodeInto(text, scratch)
  // allocUnsafe and a copy: Buffer.from(scratch.subarray(...)) builds the copy through the
  // typed-array constructor, 25-38 against 8-24 µs for 66 KB on Node 20. Every byte is written.
  const bytes = Buffer.allocUnsafe(written)
  scratch.copy(bytes, 0, 0, written)
  return bytes
}

/** The body in an encoding the client accepts (q-values honoured): brotli, gzip, or as it is. */
export function encodedBody(
  page: CachedPage,
  acceptEncoding: string | undefined,
): { data: Buffer; encoding?: ContentEncoding } {
  if (!acceptEncoding || page.body.length < 1024) return { data: page.body }
  const encoding = chooseEncoding(acceptEncoding)
  if (encoding === 'br') {
    // Quality 6, once per cached page: unlike 5 it finds text repeated far apart (a transcript in
    // the page and again in its JSON-LD), 15% smaller for about twice the one-off time.
    page.br ??= brotliCompressSync(page.body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_SIZE_HINT]: page.body.length },
    })
    return { data: page.br, encoding }
  }
  if (encoding === 'gzip') {
    page.gzip ??= gzipSync(page.body, { level: 6 })
    return { data: page.gzip, encoding }
  }
  return { data: page.body }
}

/** Bytes reserved for a page: its body plus room for the compressed forms made later (each well under a quarter of it). */
function sizeOf(page: CachedPage): number {
  return Math.ceil(page.body.length * 1.5) + 256
}

/**
 * An LRU of rendered pages indexed by tag. Content events purge pages the moment they
 * change; the age limit is a backstop for what no event announces, such as a story dated
 * in the future whose time comes, or the 48-hour window of the news sitemap.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>()
  private readonly expiries = new Map<string, number>()
  private readonly byTag = new Map<CacheTag, Set<string>>()
  private readonly maxBytes: number
  private readonly maxAgeMs: number
  private bytes = 0

  constructor(maxBytes: number, maxAgeMs = 5 * 60_000) {
    this.maxBytes = maxBytes
    this.maxAgeMs = maxAgeMs
  }

  get enabled(): boolean {
    return this.maxBytes > 0
  }

  get size(): number {
    return this.pages.size
  }

  /** Bytes reserved by the pages held now (never above the limit). */
  get bytesUsed(): number {
    return this.bytes
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key)
    if (page && (this.expiries.get(key) ?? 0) <= Date.now()) {
      this.delete(key)
      return undefined
    }
    if (page) {
      // Re-inserting moves the key to the young end of the Map's order.
      this.pages.delete(key)
      this.pages.set(key, page)
    }
    return page
  }

  set(key: string, page: CachedPage): void {
    if (!this.enabled) return
    this.delete(key)
    this.pages.set(key, page)
    this.expiries.set(key, Date.now() + this.maxAgeMs)
    this.bytes += sizeOf(page)
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag)
      if (!keys) {
        keys = new Set()
        this.byTag.set(tag, keys)
      }
      keys.add(key)
    }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  /** Drops every page that shows any of the tags; returns how many were dropped. */
  purge(tags: readonly CacheTag[]): number {
    let dropped = 0
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) {
        if (this.delete(key)) dropped++
      }
    }
    return dropped
  }

  clear(): void {
    this.pages.clear()
    this.expiries.clear()
    this.byTag.clear()
    this.bytes = 0
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key)
    if (!page) return false
    this.pages.delete(key)
    this.expiries.delete(key)
    this.bytes -= sizeOf(page)
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.byTag.delete(tag)
    }
    return true
  }
}
