// SQL for interviews and what they are filed under: the documentaries, topics and interviewers.
// The moments of a film that use them are in `film-moments.ts`, passages and notes in
// `passages.ts`, revisions in `revisions.ts`.
import type { Selectable } from 'kysely'
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { InterviewStatus, InterviewsTable } from './schema.js'

/** An interview's own fields, as an editor sets them. */
export interface InterviewFields {
  slug: string
  title: string
  personId: number
  personRole: string
  recordedOn: string | null
  place: string
  summary: string
}

/** An interview as the rest of the part sees it: its own fields, where it stands, and when. */
export interface Interview extends InterviewFields {
  id: number
  status: InterviewStatus
  clearedBy: number | null
  clearedAt: string | null
  /** The account that made it; an author reaches the interviews they own (see `access.ts`). */
  ownerAccountId: number | null
  publishedAt: string | null
  createdAt: string
  updatedAt: string
}

/** What an interview is filed under, each list in the editor's order. */
export interface InterviewLinks {
  documentaryIds: number[]
  topicIds: number[]
  interviewerIds: number[]
}

function toInterview(row: Selectable<InterviewsTable>): Interview {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    personId: row.person_id,
    personRole: row.person_role,
    recordedOn: row.recorded_on,
    place: row.place,
    summary: row.summary,
    status: row.status,
    clearedBy: row.cleared_by,
    clearedAt: row.cleared_at,
    ownerAccountId: row.owner_account_id,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const columnsOf = (f: InterviewFields) => ({
  slug: f.slug,
  title: f.title,
  person_id: f.personId,
  person_role: f.personRole,
  recorded_on: f.recordedOn,
  place: f.place,
  summary: f.summary,
})

/** Creates a draft interview owned by the account that made it (none for a seeded one). */
export async function insertInterview(
  db: Db,
  fields: InterviewFields,
  ownerAccountId: number | null = null,
): Promise<Interview> {
  const now = nowIso()
  const row = await db
    .insertInto('interviews')
    .values({
      ...columnsOf(fields),
      status: 'draft',
      owner_account_id: ownerAccountId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toInterview(row)
}

/** Replaces an interview's own fields. */
export async function updateInterviewFields(db: Db, id: number, fields: InterviewFields): Promise<void> {
  await db
    .updateTable('interviews')
    .set({ ...columnsOf(fields), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

/** Moves an interview along its workflow; clearing records who, publishing when (once). */
export async function setInterviewStatus(
  db: Db,
  id: number,
  status: InterviewStatus,
  by: { accountId: number | null },
): Promise<void> {
  const now = nowIso()
  await db
    .updateTable('interviews')
    .set({
      status,
      updated_at: now,
      ...(status === 'cleared' ? { cleared_by: by.accountId, cleared_at: now } : {}),
      ...(status === 'draft' || status === 'in_review' ? { cleared_by: null, cleared_at: null } : {}),
    })
    .where('id', '=', id)
    .execute()
  if (status === 'published') {
    await db
      .updateTable('interviews')
      .set({ published_at: now })
      .where('id', '=', id)
      .where('published_at', 'is', null)
      .execute()
  }
}

/** Marks an interview changed (its passages, notes or links), for caches and feeds. */
export async function touchInterview(db: Db, id: number): Promise<void> {
  await db.updateTable('interviews').set({ updated_at: nowIso() }).where('id', '=', id).execute()
}

export async function findInterviewById(db: Db, id: number): Promise<Interview | undefined> {
  const row = await db.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toInterview(row)
}

export async function findInterviewBySlug(db: Db, slug: string): Promise<Interview | undefined> {
  const row = await db.selectFrom('interviews').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toInterview(row)
}

/** Loads many interviews in one query, keyed by id. */
export async function findInterviewsByIds(db: Db, ids: readonly number[]): Promise<Map<number, Interview>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('interviews').selectAll().where('id', 'in', unique).execute()
  return new Map(rows.map(r => [r.id, toInterview(r)]))
}

/** Which interviews to list; published ones only unless `anyStatus`. */
export interface InterviewFilter {
  personId?: number | undefined
  topicId?: number | undefined
  documentaryId?: number | undefined
  anyStatus?: boolean | undefined
}

/** Interviews, newest recording first (undated last), filtered. */
export async function listInterviews(db: Db, filter: InterviewFilter = {}): Promise<Interview[]> {
  let query = db.selectFrom('interviews').selectAll('interviews')
  if (!filter.anyStatus) query = query.where('interviews.status', '=', 'published')
  if (filter.personId !== undefined) query = query.where('interviews.person_id', '=', filter.personId)
  if (filter.topicId !== undefined) {
    const topicId = filter.topicId
    query = query.where(eb =>
      eb.exists(
        eb
          .selectFrom('interview_topics')
          .select('interview_id')
          .whereRef('interview_topics.interview_id', '=', 'interviews.id')
          .where('interview_topics.topic_id', '=', topicId),
      ),
    )
  }
  if (filter.documentaryId !== undefined) {
    const documentaryId = filter.documentaryId
    query = query.where(eb =>
      eb.exists(
        eb
          .selectFrom('interview_documentaries')
          .select('interview_id')
          .whereRef('interview_documentaries.interview_id', '=', 'interviews.id')
          .where('interview_documentaries.documentary_id', '=', documentaryId),
      ),
    )
  }
  const rows = await query
    .orderBy(eb => eb.case().when('interviews.recorded_on', 'is', null).then(1).else(0).end())
    .orderBy('interviews.recorded_on', 'desc')
    .orderBy('interviews.id', 'desc')
    .execute()
  return rows.map(toInterview)
}

/** What each interview is filed under. */
export async function findInterviewLinks(db: Db, ids: readonly number[]): Promise<Map<number, InterviewLinks>> {
  const out = new Map<number, InterviewLinks>(
    ids.map(id => [id, { documentaryIds: [], topicIds: [], interviewerIds: [] }]),
  )
  if (ids.length === 0) return out
  const [documentaries, topics, interviewers] = await Promise.all([
    db
      .selectFrom('interview_documentaries')
      .select(['interview_id', 'documentary_id as ref'])
      .where('interview_id', 'in', [...ids])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('interview_topics')
      .select(['interview_id', 'topic_id as ref'])
      .where('interview_id', 'in', [...ids])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('interview_interviewers')
      .select(['interview_id', 'person_id as ref'])
      .where('interview_id', 'in', [...ids])
      .orderBy('position')
      .execute(),
  ])
  for (const r of documentaries) out.get(r.interview_id)?.documentaryIds.push(r.ref)
  for (const r of topics) out.get(r.interview_id)?.topicIds.push(r.ref)
  for (const r of interviewers) out.get(r.interview_id)?.interviewerIds.push(r.ref)
  return out
}

/** Replaces what an interview is filed under. */
export async function replaceInterviewLinks(db: Db, id: number, links: InterviewLinks): Promise<void> {
  await db.deleteFrom('interview_documentaries').where('interview_id', '=', id).execute()
  await db.deleteFrom('interview_topics').where('interview_id', '=', id).execute()
  await db.deleteFrom('interview_interviewers').where('interview_id', '=', id).execute()
  const unique = (list: number[]) => [...new Set(list)]
  const documentaries = unique(links.documentaryIds).map((ref, position) => ({
    interview_id: id,
    documentary_id: ref,
    position,
  }))
  const topics = unique(links.topicIds).map((ref, position) => ({ interview_id: id, topic_id: ref, position }))
  const interviewers = unique(links.interviewerIds).map((ref, position) => ({
    interview_id: id,
    person_id: ref,
    position,
  }))
  if (documentaries.length) await db.insertInto('interview_documentaries').values(documentaries).execute()
  if (topics.length) await db.insertInto('interview_topics').values(topics).execute()
  if (interviewers.length) await db.insertInto('interview_interviewers').values(interviewers).execute()
}
