// The search part's door. Owner parts call indexSearchDocument / removeSearchDocument inside the
// transaction of each write; pages and the API search through registerSearchRoutes.
export { SEARCH_KINDS, type SearchKind } from './schema.js'
export {
  indexSearchDocument,
  removeSearchDocument,
  searchIndex,
  clearSearchIndex,
  searchIndexIsEmpty,
  MARK_START,
  MARK_END,
  COUNT_LIMIT,
  RANKED_PER_KIND,
  type SearchDocument,
  type SearchHit,
  type SearchResults,
  type SearchRequest,
} from './store.js'
export {
  parseSearchQuery,
  toFts5Query,
  toTsQuery,
  foldText,
  QUERY_LIMITS,
  type ParsedQuery,
  type SearchTerm,
} from './query.js'
export { rebuildSearchIndex, ensureSearchIndex, type SearchSource } from './rebuild.js'
export { tidySearchIndex, type TidyReport } from './tidy.js'
export { markedSegments, presentHit, presentResults, type TextSegment, type ApiSearchResult } from './present.js'
