// Table types and words owned by the search part.

/** What can be found: each kind is owned by another part, which keeps its documents current. */
export const SEARCH_KINDS = ['story', 'documentary', 'episode', 'interview', 'person', 'topic'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/**
 * The search index's table of documents. On PostgreSQL it also holds the text and a weighted
 * tsvector (GIN-indexed); on SQLite the text lives in the FTS5 table `search_text`, whose rowid
 * is this table's id. Only the columns both engines share are typed here: every query on the
 * index is written by hand in `sqlite-index.ts` and `postgres-index.ts`.
 */
export interface SearchDocumentsTable {
  kind: SearchKind
  owner_id: number
  url: string
  /** When the owner was published; null for people and topics, which have no date. */
  published_at: string | null
  /** The topic ids, for filtering. */
  topic_ids: string
  image_url: string | null
}
