// What the search index knows about interviews: the title, the person and summary, and the
// transcript's passages that readers may see (withheld passages are never indexed).
import type { Db } from '../db/index.js'
import { indexSearchDocument, removeSearchDocument, type SearchDocument } from '../search/index.js'
import { interviewUrl } from './urls.js'

type Row = {
  id: number
  slug: string
  title: string
  summary: string
  person_role: string
  status: string
  published_at: string | null
}
const COLUMNS = ['id', 'slug', 'title', 'summary', 'person_role', 'status', 'published_at'] as const

async function toDocuments(db: Db, rows: readonly Row[]): Promise<SearchDocument[]> {
  if (rows.length === 0) return []
  const ids = rows.map(r => r.id)
  const [topics, passages] = await Promise.all([
    db
      .selectFrom('interview_topics')
      .select(['interview_id', 'topic_id'])
      .where('interview_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('interview_passages')
      .select(['interview_id', 'text'])
      .where('interview_id', 'in', ids)
      .where('withheld_reason', 'is', null)
      .orderBy('position')
      .execute(),
  ])
  return rows.map(row => ({
    kind: 'interview',
    ownerId: row.id,
    title: row.title,
    summary: [row.person_role, row.summary].filter(Boolean).join('. '),
    body: passages
      .filter(p => p.interview_id === row.id)
      .map(p => p.text)
      .join('\n'),
    url: interviewUrl(row.slug),
    publishedAt: row.published_at,
    topicIds: topics.filter(t => t.interview_id === row.id).map(t => t.topic_id),
  }))
}

/** Puts an interview in the index if it is published, else takes it out; call inside the write's transaction. */
export async function syncInterviewSearch(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('interviews').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row || row.status !== 'published' || row.published_at === null) return removeSearchDocument(db, 'interview', id)
  const [document] = await toDocuments(db, [row])
  if (document) await indexSearchDocument(db, document)
}

/** Published interviews as search documents, a batch at a time: the interviews' source for a rebuild. */
export async function listInterviewSearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('interviews')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute()
  return toDocuments(db, rows)
}
