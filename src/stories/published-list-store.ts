// SQL for lists of published stories: paged, latest, related, a film's companions, by ids, since a
// time, the sitemap. Apart from store.ts, which holds the write, the single story and the summary
// rows these lists are built from.
import { sql } from 'kysely'
import { prepared, type Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { published, summaries, SUMMARY_COLUMNS, type Story, type StorySummary } from './store.js'

/** Options for listing published stories; every filter is optional. */
export interface StoryListOptions {
  page: number
  pageSize: number
  topicId?: number | undefined
  personId?: number | undefined
  excludeIds?: readonly number[] | undefined
}

/** Published stories, newest first, optionally under one topic or by one person. */
export async function listPublishedStories(db: Db, options: StoryListOptions): Promise<Paged<StorySummary>> {
  let base = published(db)
  if (options.topicId !== undefined)
    base = base.where(
      'id',
      'in',
      db.selectFrom('story_topics').select('story_id').where('topic_id', '=', options.topicId),
    )
  if (options.personId !== undefined)
    base = base.where(
      'id',
      'in',
      db.selectFrom('story_authors').select('story_id').where('person_id', '=', options.personId),
    )
  if (options.excludeIds?.length) base = base.where('id', 'not in', [...options.excludeIds])
  const [rows, count] = await Promise.all([
    base
      .select(SUMMARY_COLUMNS)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset(offsetOf(options.page, options.pageSize))
      .execute(),
    base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return paged(await summaries(db, rows), options.page, options.pageSize, Number(count.n))
}

/** The newest published stories. */
export async function latestStories(
  db: Db,
  limit: number,
  excludeIds: readonly number[] = [],
): Promise<StorySummary[]> {
  let query = published(db).select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit)
  if (excludeIds.length) query = query.where('id', 'not in', [...excludeIds])
  return summaries(db, await query.execute())
}

/** Stories sharing any of `topicIds`, most shared first, then newest; `storyId` left out. */
const relatedRows = prepared(
  (db: Db, storyId: number, topicIds: readonly number[], now: string, limit: number) => {
    // Count shared topics per story id first: grouping on one integer is far cheaper than on every column.
    const shared = db
      .selectFrom('story_topics')
      .select(['story_id', eb => eb.fn.countAll<number>().as('shared')])
      .where('topic_id', 'in', topicIds)
      .where('story_id', '!=', storyId)
      .groupBy('story_id')
      .as('shared')
    // The counts drive the join (a CROSS JOIN keeps that order on SQLite, whose planner otherwise
    // walks every published story and builds a throwaway index on the counts each time: 95 µs
    // against 13 µs on the demo, and it grows with the archive); PostgreSQL plans it freely.
    return db
      .selectFrom(shared)
      .crossJoin('stories')
      .whereRef('stories.id', '=', 'shared.story_id')
      .where('stories.status', '=', 'published')
      .where('stories.published_at', '<=', now)
      .select(SUMMARY_COLUMNS.map(c => `stories.${c}` as const))
      .orderBy('shared.shared', 'desc')
      .orderBy('stories.published_at', 'desc')
      .orderBy('stories.id', 'desc')
      .limit(sql.lit(limit))
  },
  { inline: [3] },
)

/** Published stories that share a topic with this one, most shared topics first, then newest. */
export async function relatedStories(
  db: Db,
  story: Pick<Story, 'id' | 'topicIds'>,
  limit: number,
): Promise<StorySummary[]> {
  if (story.topicIds.length === 0) return []
  return summaries(db, await relatedRows(db, story.id, story.topicIds, nowIso(), limit))
}

/** Published stories that name a documentary as related: the film's companion reading. */
export async function listPublishedStoriesAboutDocumentary(
  db: Db,
  documentaryId: number,
  limit: number,
): Promise<StorySummary[]> {
  const rows = await published(db)
    .select(SUMMARY_COLUMNS)
    .where(
      'id',
      'in',
      db.selectFrom('story_documentaries').select('story_id').where('documentary_id', '=', documentaryId),
    )
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute()
  return summaries(db, rows)
}

/** Loads many published stories' summaries in one query, keyed by id. */
export async function findPublishedStoriesByIds(db: Db, ids: readonly number[]): Promise<Map<number, StorySummary>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await published(db).select(SUMMARY_COLUMNS).where('id', 'in', unique).execute()
  return new Map((await summaries(db, rows)).map(s => [s.id, s]))
}

/** Published stories whose publication time is at or after `since`, newest first (news sitemap, feeds). */
export async function listPublishedStoriesSince(db: Db, since: string, limit: number): Promise<StorySummary[]> {
  const rows = await published(db)
    .select(SUMMARY_COLUMNS)
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute()
  return summaries(db, rows)
}

/** Every published story's slug and last change: the sitemap. */
export async function listPublishedStorySlugs(db: Db): Promise<{ slug: string; updatedAt: string }[]> {
  const rows = await published(db).select(['slug', 'updated_at']).orderBy('published_at', 'desc').execute()
  return rows.map(r => ({ slug: r.slug, updatedAt: r.updated_at }))
}
