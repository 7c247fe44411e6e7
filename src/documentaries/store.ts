// SQL for documentaries, their topics and their funders.
import { sql } from 'kysely'
import { prepared, type Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import type { DocumentaryStatus } from './schema.js'
import { syncDocumentarySearch } from './search.js'

/** One credit line: "Director — Name". */
export interface Credit {
  role: string
  name: string
}

/** A film as pages and feeds see it. */
export interface Documentary {
  id: number
  slug: string
  title: string
  dek: string
  synopsis: string
  runtimeSeconds: number
  releaseDate: string
  posterId: number | null
  credits: Credit[]
  status: DocumentaryStatus
  publishedAt: string | null
  /** When an editor featured it at the top of /documentaries (the newest mark wins); null when not. */
  featuredAt: string | null
  updatedAt: string
}

/** A film before it is stored, with the topics and funders it is filed under (featuring is its own write). */
export interface NewDocumentary extends Omit<Documentary, 'id' | 'updatedAt' | 'featuredAt'> {
  topicIds: number[]
  funderIds: number[]
}

type DocumentaryRow = {
  id: number
  slug: string
  title: string
  dek: string
  synopsis: string
  runtime_seconds: number
  release_date: string
  poster_id: number | null
  credits: string
  status: DocumentaryStatus
  published_at: string | null
  featured_at: string | null
  updated_at: string
}

/** A row as pages see it (showcase-store.ts reads rows too). */
export function toDocumentary(row: DocumentaryRow): Documentary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    synopsis: row.synopsis,
    runtimeSeconds: row.runtime_seconds,
    releaseDate: row.release_date,
    posterId: row.poster_id,
    credits: parseJsonColumn<Credit[]>(row.credits, []),
    status: row.status,
    publishedAt: row.published_at,
    featuredAt: row.featured_at,
    updatedAt: row.updated_at,
  }
}

/** The columns a Documentary is read from. */
export const COLUMNS = [
  'id',
  'slug',
  'title',
  'dek',
  'synopsis',
  'runtime_seconds',
  'release_date',
  'poster_id',
  'credits',
  'status',
  'published_at',
  'featured_at',
  'updated_at',
] as const

/** Creates a documentary with its topics and funders; call inside a transaction. */
export async function insertDocumentary(db: Db, doc: NewDocumentary): Promise<Documentary> {
  const now = nowIso()
  const row = await db
    .insertInto('documentaries')
    .values({
      slug: doc.slug,
      title: doc.title,
      dek: doc.dek,
      synopsis: doc.synopsis,
      runtime_seconds: doc.runtimeSeconds,
      release_date: doc.releaseDate,
      poster_id: doc.posterId,
      credits: JSON.stringify(doc.credits),
      status: doc.status,
      published_at: doc.publishedAt,
      created_at: now,
      updated_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
  await insertLinks(db, row.id, doc)
  await syncDocumentarySearch(db, row.id)
  return toDocumentary(row)
}

/** Links a documentary to its topics and funders, each list in the order given. */
async function insertLinks(db: Db, id: number, doc: Pick<NewDocumentary, 'topicIds' | 'funderIds'>): Promise<void> {
  if (doc.topicIds.length > 0) {
    await db
      .insertInto('documentary_topics')
      .values(doc.topicIds.map((topicId, position) => ({ documentary_id: id, topic_id: topicId, position })))
      .execute()
  }
  if (doc.funderIds.length > 0) {
    await db
      .insertInto('documentary_funders')
      .values(doc.funderIds.map((funderId, position) => ({ documentary_id: id, funder_id: funderId, position })))
      .execute()
  }
}

/** Replaces a documentary's fields and its topic and funder links; call inside the caller's transaction. */
export async function updateDocumentary(db: Db, id: number, doc: NewDocumentary): Promise<Documentary> {
  const row = await db
    .updateTable('documentaries')
    .set({
      slug: doc.slug,
      title: doc.title,
      dek: doc.dek,
      synopsis: doc.synopsis,
      runtime_seconds: doc.runtimeSeconds,
      release_date: doc.releaseDate,
      poster_id: doc.posterId,
      credits: JSON.stringify(doc.credits),
      status: doc.status,
      published_at: doc.publishedAt,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
  await db.deleteFrom('documentary_topics').where('documentary_id', '=', id).execute()
  await db.deleteFrom('documentary_funders').where('documentary_id', '=', id).execute()
  await insertLinks(db, id, doc)
  // In or out of search with the same transaction: a film back in draft leaves the index.
  await syncDocumentarySearch(db, id)
  return toDocumentary(row)
}

/** Sets a film's runtime from its video file (the video pipeline calls this once a transcode is ready). */
export async function setDocumentaryRuntime(db: Db, id: number, seconds: number): Promise<void> {
  await db
    .updateTable('documentaries')
    .set({ runtime_seconds: Math.round(seconds) })
    .where('id', '=', id)
    .execute()
}

/** A documentary by id whatever its status: what the newsroom edits. */
export async function findDocumentaryById(db: Db, id: number): Promise<Documentary | undefined> {
  const row = await db.selectFrom('documentaries').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row ? toDocumentary(row) : undefined
}

/** A documentary by slug whatever its status: whose a slug is. */
export async function findDocumentaryBySlug(db: Db, slug: string): Promise<Documentary | undefined> {
  const row = await db.selectFrom('documentaries').select(COLUMNS).where('slug', '=', slug).executeTakeFirst()
  return row ? toDocumentary(row) : undefined
}

/** Published films: status published and published_at not in the future. */
export function published(db: Db, now: string = nowIso()) {
  return db
    .selectFrom('documentaries')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
}

/** A published documentary by slug; drafts and future releases are absent. */
export async function findPublishedDocumentaryBySlug(db: Db, slug: string): Promise<Documentary | undefined> {
  const row = await published(db).where('slug', '=', slug).executeTakeFirst()
  return row ? toDocumentary(row) : undefined
}

/** Published documentaries, newest first. */
export async function listPublishedDocumentaries(db: Db, page: number, pageSize: number): Promise<Paged<Documentary>> {
  const [rows, count] = await Promise.all([
    published(db)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    db
      .selectFrom('documentaries')
      .select(eb => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .where('published_at', '<=', nowIso())
      .executeTakeFirstOrThrow(),
  ])
  return paged(rows.map(toDocumentary), page, pageSize, Number(count.n))
}

/** The newest published documentaries, leaving out some (the one being shown). */
export async function latestDocumentaries(
  db: Db,
  limit: number,
  excludeIds: readonly number[] = [],
): Promise<Documentary[]> {
  // The newest `limit` plus as many as may be left out: one query compiled once (db/prepared.ts) for every story page.
  const rows = await latestRows(db, nowIso(), limit + excludeIds.length)
  return rows
    .filter(r => !excludeIds.includes(r.id))
    .slice(0, limit)
    .map(toDocumentary)
}

const latestRows = prepared(
  (db: Db, now: string, limit: number) =>
    published(db, now).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(sql.lit(limit)),
  { inline: [1] },
)
const rowsByIds = prepared((db: Db, now: string, ids: readonly number[]) => published(db, now).where('id', 'in', ids))

/** Loads many published documentaries in one query, keyed by id. */
export async function findPublishedDocumentariesByIds(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, Documentary>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await rowsByIds(db, nowIso(), unique)
  return new Map(rows.map(r => [r.id, toDocumentary(r)]))
}

/** Published documentaries filed under a topic, newest first. */
export async function listPublishedDocumentariesByTopic(
  db: Db,
  topicId: number,
  limit: number,
): Promise<Documentary[]> {
  const rows = await published(db)
    .where('id', 'in', db.selectFrom('documentary_topics').select('documentary_id').where('topic_id', '=', topicId))
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toDocumentary)
}

/** Topic ids of a documentary, in order. */
export async function documentaryTopicIds(db: Db, documentaryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documentary_topics')
    .select('topic_id')
    .where('documentary_id', '=', documentaryId)
    .orderBy('position')
    .execute()
  return rows.map(r => r.topic_id)
}

/** Funder ids credited on a documentary, in order. */
export async function documentaryFunderIds(db: Db, documentaryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documentary_funders')
    .select('funder_id')
    .where('documentary_id', '=', documentaryId)
    .orderBy('position')
    .execute()
  return rows.map(r => r.funder_id)
}

/** Every published documentary's slug and last change: the sitemap. */
export async function listPublishedDocumentarySlugs(db: Db): Promise<{ slug: string; updatedAt: string }[]> {
  const rows = await published(db).orderBy('published_at', 'desc').execute()
  return rows.map(r => ({ slug: r.slug, updatedAt: r.updated_at }))
}

/** Every documentary whatever its status, by title: the newsroom's choices. */
export async function listAllDocumentaries(db: Db): Promise<Documentary[]> {
  const rows = await db.selectFrom('documentaries').select(COLUMNS).orderBy('title').execute()
  return rows.map(toDocumentary)
}
