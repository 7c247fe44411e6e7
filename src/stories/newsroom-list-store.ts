// SQL for the newsroom's list of stories: every status, filtered and paged. Apart from
// draft-store.ts, which reads and writes one story at a time.
import type { Db } from '../db/index.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { containsPattern } from '../platform/like.js'
import { sql } from 'kysely'
import type { StoryStatus } from './schema.js'

/** Filters for the newsroom's story list. */
export interface NewsroomStoryFilter {
  page: number
  pageSize: number
  status?: StoryStatus | undefined
  personId?: number | undefined
  topicId?: number | undefined
  ownerAccountId?: number | undefined
  /** Words that must appear in the title. */
  q?: string | undefined
}

/** One row of the newsroom's story list. */
export interface NewsroomStoryRow {
  id: number
  slug: string
  title: string
  status: StoryStatus
  updatedAt: string
  publishedAt: string | null
  scheduledFor: string | null
  ownerAccountId: number | null
}

/** Stories in every status, most recently changed first. */
export async function listStoriesForNewsroom(db: Db, filter: NewsroomStoryFilter): Promise<Paged<NewsroomStoryRow>> {
  let base = db.selectFrom('stories')
  if (filter.status) base = base.where('status', '=', filter.status)
  if (filter.ownerAccountId !== undefined) base = base.where('owner_account_id', '=', filter.ownerAccountId)
  if (filter.personId !== undefined)
    base = base.where(
      'id',
      'in',
      db.selectFrom('story_authors').select('story_id').where('person_id', '=', filter.personId),
    )
  if (filter.topicId !== undefined)
    base = base.where(
      'id',
      'in',
      db.selectFrom('story_topics').select('story_id').where('topic_id', '=', filter.topicId),
    )
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    base = base.where(sql<boolean>`lower(title) like ${containsPattern(word)} escape '\\'`)
  }
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'slug', 'title', 'status', 'updated_at', 'published_at', 'scheduled_for', 'owner_account_id'])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize))
      .execute(),
    base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return paged(
    rows.map(r => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      updatedAt: r.updated_at,
      publishedAt: r.published_at,
      scheduledFor: r.scheduled_for,
      ownerAccountId: r.owner_account_id,
    })),
    filter.page,
    filter.pageSize,
    Number(count.n),
  )
}
