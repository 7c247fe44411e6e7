// Results as the API and the page show them: explicit fields, marker characters turned into
// segments (never HTML), and readers' names for the kinds.
import { MARK_END, MARK_START, type SearchHit, type SearchResults } from './store.js'
import type { SearchKind } from './schema.js'

/** A stretch of text, matched or not; views draw matched ones in <mark>, escaped like all text. */
export interface TextSegment {
  text: string
  match: boolean
}

/** Splits marked text into segments; unbalanced or stray markers are dropped, never shown. */
export function markedSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = []
  let match = false
  let text = ''
  const flush = () => {
    if (text) segments.push({ text, match })
    text = ''
  }
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      flush()
      match = ch === MARK_START
    } else text += ch
  }
  flush()
  return segments
}

/** Marked text without its markers. */
export function plainText(marked: string): string {
  return marked.replaceAll(MARK_START, '').replaceAll(MARK_END, '')
}

/** Each kind as readers say it, one and many. */
export const KIND_NAMES: Record<SearchKind, { one: string; many: string }> = {
  story: { one: 'Story', many: 'Stories' },
  documentary: { one: 'Documentary', many: 'Documentaries' },
  episode: { one: 'Podcast episode', many: 'Podcast episodes' },
  interview: { one: 'Interview', many: 'Interviews' },
  person: { one: 'Person', many: 'People' },
  topic: { one: 'Topic', many: 'Topics' },
}

/** One result in the JSON API. */
export interface ApiSearchResult {
  kind: SearchKind
  id: number
  title: string
  snippet: string
  url: string
  publishedAt: string | null
  imageUrl: string | null
  highlights: { title: TextSegment[]; snippet: TextSegment[] }
}

/** A hit as the API presents it: these fields and no others. */
export function presentHit(hit: SearchHit): ApiSearchResult {
  return {
    kind: hit.kind,
    id: hit.ownerId,
    title: plainText(hit.title),
    snippet: plainText(hit.snippet),
    url: hit.url,
    publishedAt: hit.publishedAt,
    imageUrl: hit.imageUrl,
    highlights: { title: markedSegments(hit.title), snippet: markedSegments(hit.snippet) },
  }
}

/** A whole answer of the JSON API. */
export function presentResults(results: SearchResults, query: string) {
  return {
    query,
    page: results.hits.page,
    pageSize: results.hits.pageSize,
    total: results.hits.total,
    pageCount: results.hits.pageCount,
    totalIsLowerBound: results.totalIsLowerBound,
    counts: { ...results.counts },
    countsOverLimit: [...results.overLimit],
    results: results.hits.items.map(presentHit),
  }
}
