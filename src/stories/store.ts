// SQL for stories and the people, topics and documentaries they link to.
import type { Db } from '../db/index.js'
import { parseBody, readStoredBody, type BodyDocument } from '../body/index.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import type { StorySection, StoryStatus } from './schema.js'
import { syncStorySearch } from './search.js'
import { keepStoryInterviews } from './interview-references.js'

/** What a list or card needs to show a story. */
export interface StorySummary {
  id: number
  slug: string
  title: string
  dek: string
  section: StorySection
  status: StoryStatus
  publishedAt: string | null
  updatedAt: string
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
}

/** A whole story: its summary, body and related documentaries. */
export interface Story extends StorySummary {
  body: BodyDocument
  documentaryIds: number[]
}

export interface NewStory {
  slug: string
  title: string
  dek: string
  body: unknown
  section: StorySection
  status: StoryStatus
  publishedAt: string | null
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
}

const SUMMARY_COLUMNS = [
  'id',
  'slug',
  'title',
  'dek',
  'section',
  'status',
  'published_at',
  'updated_at',
  'hero_image_id',
] as const

type SummaryRow = {
  id: number
  slug: string
  title: string
  dek: string
  section: StorySection
  status: StoryStatus
  published_at: string | null
  updated_at: string
  hero_image_id: number | null
}

function toSummary(row: SummaryRow, links: Links): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    section: row.section,
    status: row.status,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    heroImageId: row.hero_image_id,
    authorIds: links.authors.get(row.id) ?? [],
    topicIds: links.topics.get(row.id) ?? [],
  }
}

/** Creates a story with its links (and indexes it if public). The body is validated here, so no write skips it. */
export async function insertStory(db: Db, story: NewStory): Promise<Story> {
  const body = parseBody(story.body)
  const now = nowIso()
  const row = await db
    .insertInto('stories')
    .values({
      slug: story.slug,
      title: story.title,
      dek: story.dek,
      body: JSON.stringify(body),
      section: story.section,
      status: story.status,
      published_at: story.publishedAt,
      updated_at: story.publishedAt ?? now,
      created_at: now,
      hero_image_id: story.heroImageId,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow()
  const id = row.id
  if (story.authorIds.length)
    await db
      .insertInto('story_authors')
      .values(story.authorIds.map((person_id, position) => ({ story_id: id, person_id, position })))
      .execute()
  if (story.topicIds.length)
    await db
      .insertInto('story_topics')
      .values(story.topicIds.map((topic_id, position) => ({ story_id: id, topic_id, position })))
      .execute()
  if (story.documentaryIds.length)
    await db
      .insertInto('story_documentaries')
      .values(story.documentaryIds.map((documentary_id, position) => ({ story_id: id, documentary_id, position })))
      .execute()
  await keepStoryInterviews(db, id, body)
  await syncStorySearch(db, id)
  return {
    ...toSummary(row, { authors: new Map([[id, story.authorIds]]), topics: new Map([[id, story.topicIds]]) }),
    body,
    documentaryIds: story.documentaryIds,
  }
}

/** Stories readers may see: published, and not dated in the future. */
function published(db: Db) {
  return db.selectFrom('stories').where('status', '=', 'published').where('published_at', '<=', nowIso())
}

/** A published story by slug, whole; drafts, scheduled and future stories are absent. */
export async function findPublishedStoryBySlug(db: Db, slug: string): Promise<Story | undefined> {
  const row = await published(db)
    .select([...SUMMARY_COLUMNS, 'body'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!row) return undefined
  const [links, documentaries] = await Promise.all([
    loadLinks(db, [row.id]),
    db
      .selectFrom('story_documentaries')
      .select('documentary_id')
      .where('story_id', '=', row.id)
      .orderBy('position')
      .execute(),
  ])
  return {
    ...toSummary(row, links),
    body: readStoredBody(row.body),
    documentaryIds: documentaries.map(d => d.documentary_id),
  }
}

interface Links {
  authors: Map<number, number[]>
  topics: Map<number, number[]>
}

/** Authors and topics of many stories in two queries. */
async function loadLinks(db: Db, storyIds: readonly number[]): Promise<Links> {
  const links: Links = { authors: new Map(), topics: new Map() }
  if (storyIds.length === 0) return links
  const [authors, topics] = await Promise.all([
    db
      .selectFrom('story_authors')
      .select(['story_id', 'person_id as id'])
      .where('story_id', 'in', [...storyIds])
      .orderBy('story_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('story_topics')
      .select(['story_id', 'topic_id as id'])
      .where('story_id', 'in', [...storyIds])
      .orderBy('story_id')
      .orderBy('position')
      .execute(),
  ])
  for (const [target, rows] of [
    [links.authors, authors],
    [links.topics, topics],
  ] as const) {
    for (const r of rows) {
      const list = target.get(r.story_id)
      if (list) list.push(r.id)
      else target.set(r.story_id, [r.id])
    }
  }
  return links
}

async function summaries(db: Db, rows: SummaryRow[]): Promise<StorySummary[]> {
  const links = await loadLinks(
    db,
    rows.map(r => r.id),
  )
  return rows.map(r => toSummary(r, links))
}

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

/** Published stories that share a topic with this one, most shared topics first, then newest. */
export async function relatedStories(
  db: Db,
  story: Pick<Story, 'id' | 'topicIds'>,
  limit: number,
): Promise<StorySummary[]> {
  if (story.topicIds.length === 0) return []
  // Count shared topics per story id first: grouping on one integer is far cheaper than on every column.
  const shared = db
    .selectFrom('story_topics')
    .select(['story_id', eb => eb.fn.countAll<number>().as('shared')])
    .where('topic_id', 'in', story.topicIds)
    .where('story_id', '!=', story.id)
    .groupBy('story_id')
    .as('shared')
  const rows = await published(db)
    .innerJoin(shared, 'shared.story_id', 'stories.id')
    .select(SUMMARY_COLUMNS.map(c => `stories.${c}` as const))
    .orderBy('shared.shared', 'desc')
    .orderBy('stories.published_at', 'desc')
    .orderBy('stories.id', 'desc')
    .limit(limit)
    .execute()
  return summaries(db, rows)
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

/** Whether the database holds any story at all (the demo seeds an empty one). */
export async function hasAnyStory(db: Db): Promise<boolean> {
  return (await db.selectFrom('stories').select('id').limit(1).executeTakeFirst()) !== undefined
}
