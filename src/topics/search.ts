// What the search index knows about topics: name and description. Every topic is public, and a
// topic is filed under itself, so filtering by a topic finds its own page too.
import type { Db } from '../db/index.js'
import { indexSearchDocument, type SearchDocument } from '../search/index.js'

type Row = { id: number; slug: string; name: string; description: string }

function toDocument(row: Row): SearchDocument {
  return {
    kind: 'topic',
    ownerId: row.id,
    title: row.name,
    summary: row.description,
    body: '',
    url: `/topics/${row.slug}`,
    publishedAt: null,
    topicIds: [row.id],
  }
}

/** Indexes a topic as saved; call inside the write's transaction. */
export async function syncTopicSearch(db: Db, id: number): Promise<void> {
  const row = await db
    .selectFrom('topics')
    .select(['id', 'slug', 'name', 'description'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (row) await indexSearchDocument(db, toDocument(row))
}

/** Every topic as search documents, a batch at a time: the topics' source for a rebuild. */
export async function listTopicSearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'slug', 'name', 'description'])
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute()
  return rows.map(toDocument)
}
