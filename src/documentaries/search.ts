// What the search index knows about documentaries: title, dek and synopsis of each published film.
import type { Db } from '../db/index.js'
import { indexSearchDocument, removeSearchDocument, type SearchDocument } from '../search/index.js'
import { documentaryUrl } from './urls.js'
import type { DocumentaryStatus } from './schema.js'

type Row = {
  id: number
  slug: string
  title: string
  dek: string
  synopsis: string
  status: DocumentaryStatus
  published_at: string | null
}
const COLUMNS = ['id', 'slug', 'title', 'dek', 'synopsis', 'status', 'published_at'] as const

function toDocument(row: Row, topicIds: number[]): SearchDocument {
  return {
    kind: 'documentary',
    ownerId: row.id,
    title: row.title,
    summary: row.dek,
    body: row.synopsis,
    url: documentaryUrl(row.slug),
    publishedAt: row.published_at,
    topicIds,
  }
}

/** Puts a film in the index if it is published, else takes it out; call inside the write's transaction. */
export async function syncDocumentarySearch(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('documentaries').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row || row.status !== 'published' || row.published_at === null)
    return removeSearchDocument(db, 'documentary', id)
  const topics = await db
    .selectFrom('documentary_topics')
    .select('topic_id')
    .where('documentary_id', '=', id)
    .orderBy('position')
    .execute()
  await indexSearchDocument(
    db,
    toDocument(
      row,
      topics.map(t => t.topic_id),
    ),
  )
}

/** Published films as search documents, a batch at a time: the documentaries' source for a rebuild. */
export async function listDocumentarySearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('documentaries')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute()
  if (rows.length === 0) return []
  const topics = await db
    .selectFrom('documentary_topics')
    .select(['documentary_id', 'topic_id'])
    .where(
      'documentary_id',
      'in',
      rows.map(r => r.id),
    )
    .orderBy('position')
    .execute()
  return rows.map(row =>
    toDocument(
      row,
      topics.filter(t => t.documentary_id === row.id).map(t => t.topic_id),
    ),
  )
}
