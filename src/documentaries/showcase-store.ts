// SQL for the /documentaries showcase: the featured film (an editor's newest mark, else the newest
// film), the list filtered by topic and release year, and the topics and years worth offering.
import type { Db } from '../db/index.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import { published, toDocumentary, type Documentary } from './store.js'

/** What the list is narrowed to; `excludeId` leaves out the film featured above it. */
export interface DocumentaryFilter {
  topicId?: number | undefined
  /** The release year. */
  year?: number | undefined
  excludeId?: number | undefined
}

/** Marks a film as featured now, or takes the mark off (null); call inside the caller's transaction. */
export async function setDocumentaryFeatured(db: Db, id: number, featuredAt: string | null): Promise<void> {
  await db.updateTable('documentaries').set({ featured_at: featuredAt }).where('id', '=', id).execute()
}

/** The film at the top of /documentaries: the newest editor's mark among published films, else the newest film. */
export async function findFeaturedDocumentary(db: Db): Promise<Documentary | undefined> {
  const marked = await published(db)
    .where('featured_at', 'is not', null)
    .orderBy('featured_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const row = marked ?? (await published(db).orderBy('published_at', 'desc').orderBy('id', 'desc').executeTakeFirst())
  return row ? toDocumentary(row) : undefined
}

function filtered(db: Db, filter: DocumentaryFilter) {
  let query = published(db)
  if (filter.topicId !== undefined) {
    const topicId = filter.topicId
    query = query.where(
      'id',
      'in',
      db.selectFrom('documentary_topics').select('documentary_id').where('topic_id', '=', topicId),
    )
  }
  // release_date is YYYY-MM-DD text on both databases, so a year is a range of strings.
  if (filter.year !== undefined)
    query = query
      .where('release_date', '>=', `${filter.year}-01-01`)
      .where('release_date', '<', `${filter.year + 1}-01-01`)
  if (filter.excludeId !== undefined) query = query.where('id', '!=', filter.excludeId)
  return query
}

/** Published films matching the filter, newest first, a page at a time. */
export async function listFilteredDocumentaries(
  db: Db,
  filter: DocumentaryFilter,
  page: number,
  pageSize: number,
): Promise<Paged<Documentary>> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    filtered(db, filter)
      .clearSelect()
      .select(eb => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return paged(rows.map(toDocumentary), page, pageSize, Number(count.n))
}

/** The topics (ids) and release years that published films have, for the filters; years newest first. */
export async function listDocumentaryFilterChoices(db: Db): Promise<{ topicIds: number[]; years: number[] }> {
  const [topics, dates] = await Promise.all([
    db
      .selectFrom('documentary_topics')
      .innerJoin('documentaries', 'documentaries.id', 'documentary_topics.documentary_id')
      .select('documentary_topics.topic_id')
      .distinct()
      .where('documentaries.status', '=', 'published')
      .where('documentaries.published_at', '<=', nowIso())
      .execute(),
    published(db).execute(),
  ])
  const years = [...new Set(dates.map(d => Number(d.release_date.slice(0, 4))))].sort((a, b) => b - a)
  return { topicIds: topics.map(t => t.topic_id), years }
}
