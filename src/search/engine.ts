// What the two engines share: the markers, the ranking constants, and the shapes they exchange
// with store.ts.
import type { ParsedQuery } from './query.js'
import type { SearchKind } from './schema.js'

/** Marks around matched words in titles and snippets; stored text never holds them. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

/**
 * Ranking: the engine's relevance (title > summary > body) times a recency factor that halves
 * the weight of work two years old. People and topics have no date: they get a fixed factor, so
 * a topic whose description mentions a word does not outrank fresh work with the word in its
 * headline, while a search for a name still finds the person first.
 */
export const RECENCY_DAYS = 730
export const UNDATED_FACTOR = 0.8

/**
 * Counting stops here, per kind ("1,000+ results"): a word in most of a 100,000-story archive
 * would otherwise be counted match by match on every search. Engines report up to one more than
 * this, so store.ts can tell "exactly 1,000" from "more".
 */
export const COUNT_LIMIT = 1000

/**
 * Past this many matches in one kind, only its newest are ranked (on both engines): scoring reads every
 * position of every matched word, which for a word in most of a 100,000-story archive costs more
 * than a search may take. Results for such words then favour recent work more than the recency
 * factor alone would; rarer words (the usual case) are ranked over all their matches. Pages go
 * no deeper than the ranked matches, on both engines.
 */
export const RANKED_PER_KIND = 500

/** What an owner part hands the index about one public item. */
export interface SearchDocument {
  kind: SearchKind
  ownerId: number
  title: string
  summary: string
  /** Plain text (for stories, `bodyToPlainText` of the body document). */
  body: string
  url: string
  publishedAt: string | null
  topicIds: readonly number[]
  imageUrl?: string | null | undefined
}

/** A document after cleaning, as the engines store it. */
export type CleanDocument = Omit<SearchDocument, 'imageUrl'> & { imageUrl: string | null }

/** What an engine is asked. */
export interface EngineRequest {
  query: ParsedQuery
  kind?: SearchKind | undefined
  topicId?: number | undefined
  page: number
  pageSize: number
  now: string
}

/** One row of an engine's answer, before store.ts picks the snippet. */
export interface EngineHit {
  kind: SearchKind
  ownerId: number
  url: string
  publishedAt: string | null
  imageUrl: string | null
  title: string
  summary: string
  titleMarked: string | null
  summaryMarked: string | null
  bodyMarked: string | null
}

/** An engine's answer: the page's hits in order, and matches per kind (kind filter ignored), at most COUNT_LIMIT + 1. */
export interface EngineResults {
  hits: EngineHit[]
  counts: Partial<Record<SearchKind, number>>
}
