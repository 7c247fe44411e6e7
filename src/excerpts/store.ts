// SQL for excerpts.
import { prepared, type Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'

/** A named passage of a documentary. */
export interface Excerpt {
  id: number
  documentaryId: number
  title: string
  caption: string
  startSeconds: number
  endSeconds: number
}

export interface NewExcerpt {
  documentaryId: number
  title: string
  caption: string
  startSeconds: number
  endSeconds: number
}

type ExcerptRow = {
  id: number
  documentary_id: number
  title: string
  caption: string
  start_seconds: number
  end_seconds: number
}

function toExcerpt(row: ExcerptRow): Excerpt {
  return {
    id: row.id,
    documentaryId: row.documentary_id,
    title: row.title,
    caption: row.caption,
    startSeconds: Number(row.start_seconds),
    endSeconds: Number(row.end_seconds),
  }
}

/** Creates an excerpt of a documentary. */
export async function insertExcerpt(db: Db, excerpt: NewExcerpt): Promise<Excerpt> {
  const row = await db
    .insertInto('excerpts')
    .values({
      documentary_id: excerpt.documentaryId,
      title: excerpt.title,
      caption: excerpt.caption,
      start_seconds: excerpt.startSeconds,
      end_seconds: excerpt.endSeconds,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toExcerpt(row)
}

const excerptRows = prepared((db: Db, ids: readonly number[]) =>
  db.selectFrom('excerpts').selectAll().where('id', 'in', ids),
)

/** Loads many excerpts in one query, keyed by id. */
export async function findExcerptsByIds(db: Db, ids: readonly number[]): Promise<Map<number, Excerpt>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await excerptRows(db, unique)
  return new Map(rows.map(r => [r.id, toExcerpt(r)]))
}

/** A documentary's excerpts in timeline order. */
export async function listExcerptsOfDocumentary(db: Db, documentaryId: number): Promise<Excerpt[]> {
  const rows = await db
    .selectFrom('excerpts')
    .selectAll()
    .where('documentary_id', '=', documentaryId)
    .orderBy('start_seconds')
    .execute()
  return rows.map(toExcerpt)
}

/** Every excerpt, by documentary and start time: the newsroom's choices. */
export async function listAllExcerpts(db: Db): Promise<Excerpt[]> {
  const rows = await db.selectFrom('excerpts').selectAll().orderBy('documentary_id').orderBy('start_seconds').execute()
  return rows.map(toExcerpt)
}

/** One excerpt by id. */
export async function findExcerptById(db: Db, id: number): Promise<Excerpt | undefined> {
  const row = await db.selectFrom('excerpts').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toExcerpt(row) : undefined
}

/** Changes an excerpt's title, caption and times; it stays with its documentary. */
export async function updateExcerpt(db: Db, id: number, excerpt: Omit<NewExcerpt, 'documentaryId'>): Promise<void> {
  await db
    .updateTable('excerpts')
    .set({
      title: excerpt.title,
      caption: excerpt.caption,
      start_seconds: excerpt.startSeconds,
      end_seconds: excerpt.endSeconds,
    })
    .where('id', '=', id)
    .execute()
}
