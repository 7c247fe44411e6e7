// What the search index knows about people: name, job title and bio. Every profile is public.
import type { Db } from '../db/index.js'
import { indexSearchDocument, type SearchDocument } from '../search/index.js'
import { personUrl } from './urls.js'

type Row = { id: number; slug: string; name: string; job_title: string; bio: string }

function toDocument(row: Row): SearchDocument {
  return {
    kind: 'person',
    ownerId: row.id,
    title: row.name,
    summary: row.job_title,
    body: row.bio,
    url: personUrl(row.slug),
    publishedAt: null,
    topicIds: [],
  }
}

/** Indexes a person as saved; call inside the write's transaction. */
export async function syncPersonSearch(db: Db, id: number): Promise<void> {
  const row = await db
    .selectFrom('people')
    .select(['id', 'slug', 'name', 'job_title', 'bio'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (row) await indexSearchDocument(db, toDocument(row))
}

/** Everyone as search documents, a batch at a time: the people's source for a rebuild. */
export async function listPersonSearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'slug', 'name', 'job_title', 'bio'])
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute()
  return rows.map(toDocument)
}
