// Sends rendered pages: ETag and 304, compression, Cache-Control and Surrogate-Key for a
// CDN, and the in-memory page cache for routes whose config says `cache: 'public'`.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CacheTag } from '../events.js'
import { encodedBody, makeCachedPage, type CachedPage, type PageCache } from '../cache/page-cache.js'
import { applySecurityHeaders, securityHeadersFor } from './security-headers.js'
import './route-config.js'

const HTML = 'text/html; charset=utf-8'
// Browsers revalidate every time (a 304 costs little), so a correction is seen at once;
// a CDN keeps pages by Surrogate-Control and is purged by Surrogate-Key.
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
// A CDN keeps pages for ten minutes; every change purges them sooner by Surrogate-Key.
const SURROGATE_CONTROL = 'max-age=600'

/** Options for one rendered response. */
export interface SendOptions {
  tags: readonly CacheTag[]
  contentType?: string | undefined
  status?: number | undefined
}

/** What routes use to send rendered pages, and the hook that answers from the cache. */
export interface PageResponder {
  send(request: FastifyRequest, reply: FastifyReply, body: string, options: SendOptions): FastifyReply
  /**
   * onRequest hook for routes whose config says `cache: 'public'`: a GET or HEAD whose address
   * is not in canonical form answers 301 to the canonical one; a cached page answers at once.
   */
  answerFromCache(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined
  readonly cache: PageCache
}

export function createPageResponder(cache: PageCache): PageResponder {
  return {
    cache,
    send(request, reply, body, options) {
      const page = makeCachedPage(body, options.contentType ?? HTML, options.tags)
      const status = options.status ?? 200
      const shared = status === 200 && request.routeOptions.config.cache === 'public'
      if (shared && (request.method === 'GET' || request.method === 'HEAD')) cache.set(cacheKey(request), page)
      return serve(request, reply, page, status, shared)
    },
    answerFromCache(request, reply) {
      // Checked with the cache on or off: a CDN in front keys on the address too.
      if (request.routeOptions.config.cache !== 'public') return undefined
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
      const canonical = canonicalUrl(request)
      if (canonical !== undefined) {
        applySecurityHeaders(request, reply)
        return reply.header('cache-control', 'public, max-age=3600').redirect(canonical, 301)
      }
      const page = cache.get(cacheKey(request))
      if (!page) return undefined
      return serveHit(request, reply, page)
    },
  }
}

/**
 * A cache hit is written straight to the socket with a header block built once per page,
 * encoding and scheme: the bytes and headers are exactly those of a miss, without the
 * per-response work of Fastify's reply pipeline (hooks, header merging, serialisation).
 */
function serveHit(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const https = request.protocol === 'https'
  const notModified = request.headers['if-none-match'] === page.etag
  const { data, encoding } = notModified
    ? { data: EMPTY, encoding: undefined }
    : encodedBody(page, request.headers['accept-encoding'])
  const key = `${notModified ? 304 : (encoding ?? 'identity')}|${https}`
  let headers = page.headerBlocks?.get(key)
  if (!headers) {
    headers = {
      ...securityHeadersFor(https),
      'content-type': page.contentType,
      vary: 'Accept-Encoding',
      'cache-control': PUBLIC_CACHE_CONTROL,
      'surrogate-control': SURROGATE_CONTROL,
      'surrogate-key': page.surrogateKey,
      etag: page.etag,
      'x-cache': 'hit',
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...(notModified ? {} : { 'content-length': String(data.length) }),
    }
    page.headerBlocks ??= new Map()
    page.headerBlocks.set(key, headers)
  }
  reply.hijack()
  reply.raw.writeHead(notModified ? 304 : 200, headers)
  reply.raw.end(request.method === 'HEAD' || notModified ? undefined : data)
  return reply
}

const EMPTY = Buffer.alloc(0)

function serve(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  status: number,
  shared: boolean,
): FastifyReply {
  reply.header('content-type', page.contentType).header('vary', 'Accept-Encoding')
  if (shared) {
    reply
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .header('surrogate-control', SURROGATE_CONTROL)
      .header('surrogate-key', page.surrogateKey)
      .header('etag', page.etag)
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
  } else {
    reply.header('cache-control', 'no-store')
  }
  const { data, encoding } = encodedBody(page, request.headers['accept-encoding'])
  if (encoding) reply.header('content-encoding', encoding)
  return reply.code(status).send(data)
}

/**
 * The cache key: the path plus only the query parameters the route declares, sorted, so
 * `?utm_source=x` cannot fill the cache with copies of one page (other parameters never get
 * here: `canonicalUrl` sends them away first).
 */
export function cacheKey(request: FastifyRequest): string {
  const url = request.url
  const q = url.indexOf('?')
  if (q === -1) return url
  const declared = declaredQueryNames(request)
  if (declared.length === 0) return url.slice(0, q)
  const params = new URLSearchParams(url.slice(q + 1))
  const kept = declared.filter(name => params.has(name)).map(name => `${name}=${params.get(name)}`)
  return kept.length ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q)
}

/**
 * Parameters the server never reads: those analytics add to links, and `t`, the time a shared
 * link starts the film at (the player reads it in the browser). Accepted anywhere, kept through
 * redirects, never part of the cache key, but on a page that declares `t` as its own (a
 * documentary's and an interview's, whose MP4 for readers without JavaScript it cues).
 */
const TRACKING = /^(utm_[a-z0-9_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|t)$/i
const UNRESERVED = /[A-Za-z0-9\-._~]/

/**
 * The canonical form of a request's address when it differs, else undefined. Canonical: no
 * percent-encoded unreserved character (`/%61rticles`), upper-case hex in the rest, no
 * trailing slash but on `/`, only the query parameters the route declares (sorted, each
 * value percent-encoded one way, whole numbers without leading zeros: `page=01` is
 * `page=1`), then any tracking parameters as they came. Everything else is dropped, so a
 * flood of made-up addresses answers redirects and never reaches the cache.
 */
export function canonicalUrl(request: FastifyRequest): string | undefined {
  const url = request.url
  const q = url.indexOf('?')
  const rawPath = q === -1 ? url : url.slice(0, q)
  const path =
    rawPath
      .replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
        const char = String.fromCharCode(parseInt(hex, 16))
        return UNRESERVED.test(char) ? char : encoded.toUpperCase()
      })
      .replace(/\/+$/, '') || '/'
  if (q === -1) return path === rawPath ? undefined : path
  const { names, integers } = declaredQuery(request)
  const kept: [string, string][] = []
  const tracking: [string, string][] = []
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    if (names.includes(name))
      kept.push([name, integers.has(name) && /^[0-9]+$/.test(value) ? value.replace(/^0+(?=[0-9])/, '') : value])
    else if (TRACKING.test(name)) tracking.push([name, value])
  }
  const query = canonicalQuery(kept, tracking)
  const canonical = query ? `${path}?${query}` : path
  return canonical === url ? undefined : canonical
}

/**
 * A canonical query string: the page's own parameters sorted by name, then tracking parameters as
 * they came, each encoded as encodeURIComponent does. Links the site writes (pageHref) use it too,
 * so they answer at once instead of with a 301 to this form.
 */
export function canonicalQuery(kept: [string, string][], tracking: [string, string][] = []): string {
  return [...kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), ...tracking]
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')
}

interface DeclaredQuery {
  names: string[]
  integers: Set<string>
}
const declaredBySchema = new WeakMap<object, DeclaredQuery>()
const NOTHING_DECLARED: DeclaredQuery = { names: [], integers: new Set() }

/** The query parameters a route declares in its querystring schema (sorted), and which are whole numbers. */
function declaredQuery(request: FastifyRequest): DeclaredQuery {
  const schema = request.routeOptions.schema?.querystring as
    | { properties?: Record<string, { type?: unknown }> }
    | undefined
  if (!schema) return NOTHING_DECLARED
  let declared = declaredBySchema.get(schema)
  if (!declared) {
    const properties = schema.properties ?? {}
    const names = Object.keys(properties).sort()
    declared = { names, integers: new Set(names.filter(name => properties[name]?.type === 'integer')) }
    declaredBySchema.set(schema, declared)
  }
  return declared
}

function declaredQueryNames(request: FastifyRequest): string[] {
  return declaredQuery(request).names
}
