// /search (the page) and /api/search (JSON, what the search-as-you-type island asks). Results are
// never put in the page cache (every query would be a new key); browsers and CDNs may keep them a
// minute instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { InvalidInput } from '../platform/errors.js'
import { LimitInteger, PageInteger } from '../platform/http/integer-inputs.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'
import type { Db } from '../db/index.js'
import { describeQuery, parseSearchQuery, QUERY_LIMITS, type ParsedQuery } from './query.js'
import { SEARCH_KINDS, type SearchKind } from './schema.js'
import { searchIndex, type SearchResults } from './store.js'
import { KIND_NAMES, presentResults } from './present.js'
import { SearchPage, type TopicChoice } from './views/search-page.js'

const PAGE_SIZE = 10
const MAX_PAGE = 100
const SEARCH_CACHE_CONTROL = 'public, max-age=60'

const Kind = Type.Unsafe<SearchKind>({ type: 'string', enum: [...SEARCH_KINDS] })
// q may be long (a pasted paragraph): it is cut to the query limit, never refused.
const commonQuery = {
  q: Type.Optional(Type.String({ maxLength: 16_384 })),
  type: Type.Optional(Kind),
  topic: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 })),
  page: Type.Optional(PageInteger(MAX_PAGE, { default: 1 })),
}
const SearchQuery = Type.Object(commonQuery)
const ApiSearchQuery = Type.Object({
  ...commonQuery,
  limit: Type.Optional(LimitInteger(20, { default: PAGE_SIZE })),
  /** The last word is still being typed: match it as the start of a word. */
  prefix: Type.Optional(Type.Boolean({ default: false })),
})

const Segments = Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }))
const ApiSearchReply = Type.Object({
  query: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  pageCount: Type.Integer(),
  /** Counting stops at COUNT_LIMIT per kind: then `total` is "at least". */
  totalIsLowerBound: Type.Boolean(),
  counts: Type.Object(Object.fromEntries(SEARCH_KINDS.map(k => [k, Type.Integer()]))),
  countsOverLimit: Type.Array(Kind),
  results: Type.Array(
    Type.Object({
      kind: Kind,
      id: Type.Integer(),
      title: Type.String(),
      snippet: Type.String(),
      url: Type.String(),
      publishedAt: Type.Union([Type.String(), Type.Null()]),
      imageUrl: Type.Union([Type.String(), Type.Null()]),
      highlights: Type.Object({ title: Segments, snippet: Segments }),
    }),
  ),
})

/** Sets the short public cache on whatever the handler sent (sendPage itself says no-store for uncached routes). */
function shortCache(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: null, payload: unknown) => void,
) {
  if (reply.statusCode === 200) reply.header('cache-control', SEARCH_CACHE_CONTROL)
  // Result pages are for people: search engines should not index them.
  reply.header('x-robots-tag', 'noindex')
  done(null, payload)
}

/** The topic a `topic` parameter names, from the chrome's list; an unknown one is a 400. */
function topicNamed(topics: (TopicChoice & { id: number })[], slug: string | undefined) {
  if (slug === undefined || slug === '') return undefined
  const topic = topics.find(t => t.slug === slug)
  if (!topic) throw new InvalidInput(`There is no topic “${slug}”. Choose one from the list, or search all topics.`)
  return topic
}

/**
 * Where a hit of one kind opens for this query, when its owner knows better than the indexed
 * address (an interview opens at the passage that matched); undefined keeps the address. The
 * owners are handed in by app.ts: search imports no owner part.
 */
export type HitAddress = (db: Db, ownerId: number, query: ParsedQuery) => Promise<string | undefined>
export type SearchDeps = PublicDeps & {
  hitAddresses?: Partial<Record<SearchKind, HitAddress>> | undefined
  /** The connection searches read through (Database.searchDb), when not `db`. */
  searchDb?: Db | undefined
}

async function runSearch(
  deps: SearchDeps,
  options: {
    q: string
    kind?: SearchKind | undefined
    topicId?: number | undefined
    page: number
    pageSize: number
    prefix?: boolean | undefined
  },
) {
  const query = parseSearchQuery(options.q, { prefixLast: options.prefix })
  const results: SearchResults = await searchIndex(deps.searchDb ?? deps.db, {
    query,
    kind: options.kind,
    topicId: options.topicId,
    page: options.page,
    pageSize: options.pageSize,
  })
  await Promise.all(
    results.hits.items.map(async hit => {
      const address = deps.hitAddresses?.[hit.kind]
      const url = address ? await address(deps.db, hit.ownerId, query) : undefined
      if (url !== undefined) hit.url = url
    }),
  )
  return { query, results }
}

/** Registers /search and /api/search. */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/search', { schema: { querystring: SearchQuery }, onSend: shortCache }, async (request, reply) => {
    const { settings, topics } = await deps.chrome()
    const q = (request.query.q ?? '').slice(0, QUERY_LIMITS.inputChars).trim()
    const topic = topicNamed(topics, request.query.topic)
    const kind = request.query.type
    const page = request.query.page ?? 1
    const asked = q !== ''
    const { query, results } = asked
      ? await runSearch(deps, { q, kind, topicId: topic?.id, page, pageSize: PAGE_SIZE })
      : { query: undefined, results: undefined }
    const searched = query ? describeQuery(query) : ''
    const title = asked ? `Search: ${q}` : 'Search'
    return sendPage(deps, request, reply, {
      tags: [],
      meta: {
        title: kind ? `${title} (${KIND_NAMES[kind].many})` : title,
        description: `Search ${settings.name}: stories, documentaries, podcast episodes, people and topics.`,
        path: '/search',
        noindex: true,
      },
      content: (
        <SearchPage
          q={q}
          searched={searched}
          kind={kind}
          topic={topic}
          topics={topics}
          results={results}
          timeZone={settings.timeZone}
          maxPage={MAX_PAGE}
        />
      ),
    })
  })

  r.get(
    '/api/search',
    { schema: { querystring: ApiSearchQuery, response: { 200: ApiSearchReply } }, onSend: shortCache },
    async request => {
      const { topics } = await deps.chrome()
      const q = request.query.q ?? ''
      const topic = topicNamed(topics, request.query.topic)
      const { query, results } = await runSearch(deps, {
        q,
        kind: request.query.type,
        topicId: topic?.id,
        page: request.query.page ?? 1,
        pageSize: request.query.limit ?? PAGE_SIZE,
        prefix: request.query.prefix,
      })
      return presentResults(results, describeQuery(query))
    },
  )
}
