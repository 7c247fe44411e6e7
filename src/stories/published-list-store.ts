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

/**
 * How many of each topic's newest stories a story's related list is chosen from. Counting shared
 * topics over every story of the story's topics read each topic whole: 51 ms a page at 100,000
 * stories in ten topics, against 0.7 ms with a window of 50 (1.8 ms with 100), measured on one
 * SQLite file. The window keeps the page's cost flat as the archive grows; within it the list
 * still prefers the stories sharing most topics, then the newest. Newest means made most recently
 * (the highest ids): a story made long ago and published today falls outside a busy topic's window.
 */
export const RELATED_CANDIDATES_PER_TOPIC = 50

/** Stories sharing any of `topicIds`, most shared first, then newest; `storyId` left out. */
const relatedRows = prepared(
  (db: Db, storyId: number, topicIds: readonly number[], now: string, limit: number) => {
    // Each topic's newest stories by id, an index-only walk of (topic_id, story_id) that stops
    // after the window: ids are given in the order stories are made.
    const perTopic = topicIds.map(topicId =>
      db
        .selectFrom(
          db
            .selectFrom('story_topics')
            .select('story_id')
            .where('topic_id', '=', topicId)
            .where('story_id', '!=', storyId)
            .orderBy('story_id', 'desc')
            .limit(sql.lit(RELATED_CANDIDATES_PER_TOPIC))
            .as('newest'),
        )
        .select('newest.story_id'),
    )
    // A story in one topic's window may fall outside another's: its shared topics are counted
    // from its own links (the primary key), not from the windows.
    const candidates = perTopic.slice(1).reduce((all, next) => all.union(next), perTopic[0] as (typeof perTopic)[0])
    const shared = db
      .selectFrom(candidates.as('candidates'))
      .select([
        'candidates.story_id',
        eb =>
          eb
            .selectFrom('story_topics')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('story_topics.story_id', '=', 'candidates.story_id')
            .where('story_topics.topic_id', 'in', topicIds)
            .as('shared'),
      ])
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
