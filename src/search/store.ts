// The search index's door-facing functions: what a document is, what a search asks and answers,
// and the choice of engine. The SQL of each engine lives in sqlite-index.ts and postgres-index.ts;
// both rank title over summary over body, gently favour recent work and put the same marker
// characters around matched words. Every value is a bound parameter.
import { dialectOf, type Db } from '../db/index.js'
import { paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import type { ParsedQuery } from './query.js'
import { SEARCH_KINDS, type SearchKind } from './schema.js'
import * as sqlite from './sqlite-index.js'
import * as postgres from './postgres-index.js'
import {
  COUNT_LIMIT,
  MARK_START,
  RANKED_PER_KIND,
  type EngineHit,
  type CleanDocument,
  type SearchDocument,
} from './engine.js'

export { MARK_START, MARK_END, COUNT_LIMIT, RANKED_PER_KIND, type SearchDocument } from './engine.js'

/** Indexed text is capped: a body longer than this is searched by its beginning. */
const MAX_BODY_CHARS = 60_000

/** Control characters (our markers and NUL among them) and lone surrogates never enter the index. */
function clean(text: string, max: number): string {
  return (
    text
      .slice(0, max)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  )
}

/** Adds or replaces a document; call in the same transaction as the owner's write. */
export async function indexSearchDocument(db: Db, doc: SearchDocument): Promise<void> {
  const cleaned: CleanDocument = {
    kind: doc.kind,
    ownerId: doc.ownerId,
    url: doc.url,
    publishedAt: doc.publishedAt,
    topicIds: doc.topicIds,
    imageUrl: doc.imageUrl ?? null,
    title: clean(doc.title, 500),
    summary: clean(doc.summary, 2_000),
    body: clean(doc.body, MAX_BODY_CHARS),
  }
  await (dialectOf(db) === 'sqlite' ? sqlite.indexDocument(db, cleaned) : postgres.indexDocument(db, cleaned))
}

/** Takes a document out of the index (unpublished, back to draft, deleted); nothing if absent. */
export async function removeSearchDocument(db: Db, kind: SearchKind, ownerId: number): Promise<void> {
  await (dialectOf(db) === 'sqlite'
    ? sqlite.removeDocument(db, kind, ownerId)
    : postgres.removeDocument(db, kind, ownerId))
}

/** Empties the index (before a rebuild). */
export async function clearSearchIndex(db: Db): Promise<void> {
  await (dialectOf(db) === 'sqlite' ? sqlite.clearIndex(db) : postgres.clearIndex(db))
}

/** Whether the index holds nothing (a new installation, or one just upgraded). */
export async function searchIndexIsEmpty(db: Db): Promise<boolean> {
  return dialectOf(db) === 'sqlite' ? sqlite.isEmpty(db) : postgres.isEmpty(db)
}

/** One search: a parsed query, optional filters, a page. */
export interface SearchRequest {
  query: ParsedQuery
  kind?: SearchKind | undefined
  topicId?: number | undefined
  page: number
  pageSize: number
  /** The instant "published" is measured against; now unless a test says otherwise. */
  now?: string | undefined
}

/** One result, its title and snippet carrying MARK_START/MARK_END around matched words. */
export interface SearchHit {
  kind: SearchKind
  ownerId: number
  url: string
  publishedAt: string | null
  imageUrl: string | null
  title: string
  snippet: string
}

/** A page of results and how many match in each kind (ignoring the kind filter), counted up to COUNT_LIMIT. */
export interface SearchResults {
  hits: Paged<SearchHit>
  counts: Record<SearchKind, number>
  /** The kinds with more matches than COUNT_LIMIT ("1,000+"). */
  overLimit: SearchKind[]
  /** Whether `hits.total` is a lower bound (the chosen kind, or any kind, is over the limit). */
  totalIsLowerBound: boolean
}

function toHit(row: EngineHit): SearchHit {
  const marked = (s: string | null) => s !== null && s.includes(MARK_START)
  // The summary if it matched, else the passage of the body that did, else the summary as it is.
  const snippet = marked(row.summaryMarked) ? row.summaryMarked : marked(row.bodyMarked) ? row.bodyMarked : row.summary
  return {
    kind: row.kind,
    ownerId: row.ownerId,
    url: row.url,
    publishedAt: row.publishedAt,
    imageUrl: row.imageUrl,
    title: row.titleMarked ?? row.title,
    snippet: snippet ?? '',
  }
}

const PREFIX_RETRIES = 3
const PREFIX_MIN_CHARS = 4

/** The query with its last prefix cut by one, two, three letters (never below four). */
function shorterPrefixes(query: ParsedQuery): ParsedQuery[] {
  const last = query.terms.at(-1)
  const word = last?.words.at(-1)
  if (!last?.prefix || !word) return []
  const out: ParsedQuery[] = []
  for (let cut = 1; cut <= PREFIX_RETRIES && word.length - cut >= PREFIX_MIN_CHARS; cut++) {
    out.push({
      terms: [...query.terms.slice(0, -1), { words: [...last.words.slice(0, -1), word.slice(0, -cut)], prefix: true }],
    })
  }
  return out
}

/** Runs a search; an empty query finds nothing without asking the database. */
export async function searchIndex(db: Db, request: SearchRequest): Promise<SearchResults> {
  const counts = Object.fromEntries(SEARCH_KINDS.map(k => [k, 0])) as Record<SearchKind, number>
  if (request.query.terms.length === 0)
    return { hits: paged([], request.page, request.pageSize, 0), counts, overLimit: [], totalIsLowerBound: false }
  const engine = dialectOf(db) === 'sqlite' ? sqlite : postgres
  const now = request.now ?? nowIso()
  let found = await engine.search(db, { ...request, now })
  // Both engines stem a prefix as if it were a word: "investigati" stems to itself and misses
  // "investigation" (stored as "investig"). When a prefix finds nothing, a shorter one is tried.
  for (const shorter of shorterPrefixes(request.query)) {
    if (Object.values(found.counts).some(n => n > 0)) break
    found = await engine.search(db, { ...request, query: shorter, now })
  }
  for (const kind of SEARCH_KINDS) counts[kind] = Math.min(found.counts[kind] ?? 0, COUNT_LIMIT)
  const overLimit = SEARCH_KINDS.filter(k => (found.counts[k] ?? 0) > COUNT_LIMIT)
  const total = request.kind ? counts[request.kind] : Object.values(counts).reduce((a, b) => a + b, 0)
  const totalIsLowerBound = request.kind ? overLimit.includes(request.kind) : overLimit.length > 0
  const hits = paged(found.hits.map(toHit), request.page, request.pageSize, total)
  // Only the ranked matches can be paged through.
  const pageable: readonly SearchKind[] = request.kind ? [request.kind] : SEARCH_KINDS
  const reachable = pageable.reduce((sum, k) => sum + Math.min(counts[k], RANKED_PER_KIND), 0)
  hits.pageCount = Math.max(1, Math.min(hits.pageCount, Math.ceil(reachable / request.pageSize)))
  return { hits, counts, overLimit, totalIsLowerBound }
}
