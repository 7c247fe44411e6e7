// SQL for stories and the people, topics and documentaries they link to: the write that creates a
// story, one published story by slug, and how a row becomes a summary. The lists of published
// stories are in published-list-store.ts.
import { sql } from 'kysely'
import { prepared, type Db } from '../db/index.js'
import { parseBody, sharedStoredBody, type BodyDocument } from '../body/index.js'
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

/** The columns a summary is made from. */
export const SUMMARY_COLUMNS = [
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

/** Stories readers may see: published, and not dated in the future (`now` by default). */
export function published(db: Db, now: string = nowIso()) {
  return db.selectFrom('stories').where('status', '=', 'published').where('published_at', '<=', now)
}

const storyRow = prepared((db: Db, slug: string, now: string) =>
  published(db, now)
    .select([...SUMMARY_COLUMNS, 'body'])
    .where('slug', '=', slug),
)

/** Link kinds, in the order the link queries sort them. */
const AUTHOR = 0
const TOPIC = 1
const DOCUMENTARY = 2

/** The authors, topics and documentaries of the story with this slug (whatever its status), in one query. */
const storyLinkRows = prepared((db: Db, slug: string) => {
  const id = db.selectFrom('stories').select('id').where('slug', '=', slug)
  return db
    .selectFrom('story_authors')
    .select(['story_id', 'person_id as id', sql<number>`${sql.lit(AUTHOR)}`.as('kind'), 'position'])
    .where('story_id', '=', id)
    .unionAll(
      db
        .selectFrom('story_topics')
        .select(['story_id', 'topic_id as id', sql<number>`${sql.lit(TOPIC)}`.as('kind'), 'position'])
        .where('story_id', '=', id),
    )
    .unionAll(
      db
        .selectFrom('story_documentaries')
        .select(['story_id', 'documentary_id as id', sql<number>`${sql.lit(DOCUMENTARY)}`.as('kind'), 'position'])
        .where('story_id', '=', id),
    )
    .orderBy('kind')
    .orderBy('position')
})

/** A published story by slug, whole; drafts, scheduled and future stories are absent. */
export async function findPublishedStoryBySlug(db: Db, slug: string): Promise<Story | undefined> {
  // Both by slug, so PostgreSQL runs them together rather than one after the other.
  const [rows, linkRows] = await Promise.all([storyRow(db, slug, nowIso()), storyLinkRows(db, slug)])
  const row = rows[0]
  if (!row) return undefined
  const links: Links = { authors: new Map([[row.id, []]]), topics: new Map([[row.id, []]]) }
  const documentaryIds: number[] = []
  for (const link of linkRows) {
    if (link.kind === DOCUMENTARY) documentaryIds.push(link.id)
    else (link.kind === AUTHOR ? links.authors : links.topics).get(row.id)?.push(link.id)
  }
  return { ...toSummary(row, links), body: sharedStoredBody(row.body), documentaryIds }
}

interface Links {
  authors: Map<number, number[]>
  topics: Map<number, number[]>
}

/** The authors and topics of many stories, in one query. */
const linkRows = prepared((db: Db, storyIds: readonly number[]) =>
  db
    .selectFrom('story_authors')
    .select(['story_id', 'person_id as id', sql<number>`${sql.lit(AUTHOR)}`.as('kind'), 'position'])
    .where('story_id', 'in', storyIds)
    .unionAll(
      db
        .selectFrom('story_topics')
        .select(['story_id', 'topic_id as id', sql<number>`${sql.lit(TOPIC)}`.as('kind'), 'position'])
        .where('story_id', 'in', storyIds),
    )
    .orderBy('kind')
    .orderBy('story_id')
    .orderBy('position'),
)

/** Authors and topics of many stories in one query. */
async function loadLinks(db: Db, storyIds: readonly number[]): Promise<Links> {
  const links: Links = { authors: new Map(), topics: new Map() }
  if (storyIds.length === 0) return links
  for (const r of await linkRows(db, storyIds)) {
    const target = r.kind === AUTHOR ? links.authors : links.topics
    const list = target.get(r.story_id)
    if (list) list.push(r.id)
    else target.set(r.story_id, [r.id])
  }
  return links
}

/** Summaries of rows, their authors and topics loaded in one query. */
export async function summaries(db: Db, rows: SummaryRow[]): Promise<StorySummary[]> {
  const links = await loadLinks(
    db,
    rows.map(r => r.id),
  )
  return rows.map(r => toSummary(r, links))
}

/** Whether the database holds any story at all (the demo seeds an empty one). */
export async function hasAnyStory(db: Db): Promise<boolean> {
  return (await db.selectFrom('stories').select('id').limit(1).executeTakeFirst()) !== undefined
}
