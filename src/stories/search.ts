// What the search index knows about stories: the headline, dek and body text of each published
// one. Every write that can change that calls syncStorySearch in its own transaction.
import type { Db } from '../db/index.js'
import { bodyToPlainText, readStoredBody } from '../body/index.js'
import { indexSearchDocument, removeSearchDocument, type SearchDocument } from '../search/index.js'
import { storyUrl } from './urls.js'
import type { StoryStatus } from './schema.js'

type Row = {
  id: number
  slug: string
  title: string
  dek: string
  body: string
  status: StoryStatus
  published_at: string | null
}

function toDocument(row: Row, topicIds: number[]): SearchDocument {
  return {
    kind: 'story',
    ownerId: row.id,
    title: row.title,
    summary: row.dek,
    body: bodyToPlainText(readStoredBody(row.body)),
    url: storyUrl(row.slug),
    publishedAt: row.published_at,
    topicIds,
  }
}

// A published story dated in the future is indexed too: search hides it until its time comes.
const isPublic = (row: Pick<Row, 'status' | 'published_at'>) => row.status === 'published' && row.published_at !== null

/** Puts a story in the index if readers may see it, else takes it out; call inside the write's transaction. */
export async function syncStorySearch(db: Db, storyId: number): Promise<void> {
  const row = await db
    .selectFrom('stories')
    .select(['id', 'slug', 'title', 'dek', 'body', 'status', 'published_at'])
    .where('id', '=', storyId)
    .executeTakeFirst()
  if (!row || !isPublic(row)) return removeSearchDocument(db, 'story', storyId)
  const topics = await db
    .selectFrom('story_topics')
    .select('topic_id')
    .where('story_id', '=', storyId)
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

/** Published stories as search documents, a batch at a time: the stories' source for a rebuild. */
export async function listStorySearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'slug', 'title', 'dek', 'body', 'status', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute()
  if (rows.length === 0) return []
  const topics = await db
    .selectFrom('story_topics')
    .select(['story_id', 'topic_id'])
    .where(
      'story_id',
      'in',
      rows.map(r => r.id),
    )
    .orderBy('story_id')
    .orderBy('position')
    .execute()
  return rows.map(row =>
    toDocument(
      row,
      topics.filter(t => t.story_id === row.id).map(t => t.topic_id),
    ),
  )
}
