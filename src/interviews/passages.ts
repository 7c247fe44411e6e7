// SQL for an interview's transcript (its passages, some withheld) and the notes beside them.
// Times are stored in whole milliseconds and handed out in seconds.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { NoteKind, WithheldReason } from './schema.js'
import type { Passage } from './transcript-files.js'

/** A passage as stored: its place in the transcript, and whether readers may see and hear it. */
export interface StoredPassage extends Passage {
  id: number
  /** 0, 1, 2 … in time order; the page's address for it is `#p-<position + 1>`. */
  position: number
  withheldReason: WithheldReason | null
}

/** A note beside a passage. */
export interface PassageNote {
  id: number
  passageId: number
  kind: NoteKind
  body: string
  linkUrl: string | null
  createdBy: number | null
  createdAt: string
  updatedAt: string
}

export type NoteFields = Pick<PassageNote, 'kind' | 'body' | 'linkUrl'>

const ms = (seconds: number) => Math.round(seconds * 1000)

/**
 * The transcript of an interview, in time order. A 90-minute interview has 1,500 rows, the
 * largest read of any public page, so only the columns a passage needs are read.
 */
export async function listPassages(db: Db, interviewId: number): Promise<StoredPassage[]> {
  const rows = await db
    .selectFrom('interview_passages')
    .select(['id', 'position', 'speaker', 'start_ms', 'end_ms', 'text', 'withheld_reason'])
    .where('interview_id', '=', interviewId)
    .orderBy('position')
    .execute()
  return rows.map(r => ({
    id: r.id,
    position: r.position,
    speaker: r.speaker,
    text: r.text,
    withheldReason: r.withheld_reason,
    startSeconds: Number(r.start_ms) / 1000,
    endSeconds: Number(r.end_ms) / 1000,
  }))
}

/** When a passage runs and whether readers may hear it: all a story needs to place its excerpts and quotes. */
export interface PassageTime {
  position: number
  startSeconds: number
  endSeconds: number
  withheld: boolean
}

/**
 * The passages' times of several interviews, keyed by interview id, in one query and without
 * their words (a story quoting a 90-minute interview needs 1,500 times, not 15,000 words).
 */
export async function listPassageTimes(db: Db, interviewIds: readonly number[]): Promise<Map<number, PassageTime[]>> {
  const byInterview = new Map<number, PassageTime[]>(interviewIds.map(id => [id, []]))
  if (interviewIds.length === 0) return byInterview
  const rows = await db
    .selectFrom('interview_passages')
    .select(['interview_id', 'position', 'start_ms', 'end_ms', 'withheld_reason'])
    .where('interview_id', 'in', [...interviewIds])
    .orderBy('interview_id')
    .orderBy('position')
    .execute()
  for (const r of rows)
    byInterview.get(Number(r.interview_id))?.push({
      position: r.position,
      startSeconds: Number(r.start_ms) / 1000,
      endSeconds: Number(r.end_ms) / 1000,
      withheld: r.withheld_reason !== null,
    })
  return byInterview
}

/**
 * Replaces the transcript. Nothing an editor decided is lost: a new passage that overlaps a
 * passage withheld before is withheld for the same reason (a refill never lets off-the-record
 * words out), and each note moves to the new passage where its old passage began.
 */
export async function replacePassages(
  db: Db,
  interviewId: number,
  passages: readonly Passage[],
): Promise<StoredPassage[]> {
  const before = await listPassages(db, interviewId)
  const notes = await listNotes(db, interviewId)
  const startOf = new Map(before.map(p => [p.id, p.startSeconds]))
  await db.deleteFrom('interview_passages').where('interview_id', '=', interviewId).execute()
  if (passages.length === 0) return []
  const withheld = before.filter(p => p.withheldReason)
  const rows = passages.map((p, position) => ({
    interview_id: interviewId,
    position,
    speaker: p.speaker,
    text: p.text,
    start_ms: ms(p.startSeconds),
    end_ms: ms(p.endSeconds),
    withheld_reason:
      withheld.find(w => w.startSeconds < p.endSeconds && p.startSeconds < w.endSeconds)?.withheldReason ?? null,
  }))
  // Inserted in slices: a 1,500-passage transcript would pass PostgreSQL's bind-parameter limit at once.
  for (let at = 0; at < rows.length; at += 500)
    await db
      .insertInto('interview_passages')
      .values(rows.slice(at, at + 500))
      .execute()
  const after = await listPassages(db, interviewId)
  for (const note of notes) {
    const start = startOf.get(note.passageId) ?? 0
    const home = [...after].reverse().find(p => p.startSeconds <= start) ?? after[0]
    if (home)
      await db
        .insertInto('interview_notes')
        .values({
          ...noteColumns(note),
          interview_id: interviewId,
          passage_id: home.id,
          created_by: note.createdBy,
          created_at: note.createdAt,
          updated_at: note.updatedAt,
        })
        .execute()
  }
  return after
}

/** Withholds (a reason) or releases (null) the passages at these positions; answers whether anything changed. */
export async function setWithheld(
  db: Db,
  interviewId: number,
  positions: readonly number[],
  reason: WithheldReason | null,
): Promise<boolean> {
  if (positions.length === 0) return false
  const changed = await db
    .updateTable('interview_passages')
    .set({ withheld_reason: reason })
    .where('interview_id', '=', interviewId)
    .where('position', 'in', [...positions])
    .where(eb =>
      reason === null
        ? eb('withheld_reason', 'is not', null)
        : eb.or([eb('withheld_reason', 'is', null), eb('withheld_reason', '!=', reason)]),
    )
    .executeTakeFirst()
  return Number(changed.numUpdatedRows) > 0
}

/** The spans of time the published video must not carry, merged, in order: what the transcode cuts. */
export function withheldSpans(passages: readonly StoredPassage[]): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const p of passages) {
    if (!p.withheldReason) continue
    const last = spans[spans.length - 1]
    if (last && p.startSeconds <= last[1]) last[1] = Math.max(last[1], p.endSeconds)
    else spans.push([p.startSeconds, p.endSeconds])
  }
  return spans
}

const noteColumns = (n: NoteFields) => ({ kind: n.kind, body: n.body, link_url: n.linkUrl })

/** The notes of an interview, by passage then age. */
export async function listNotes(db: Db, interviewId: number): Promise<PassageNote[]> {
  const rows = await db
    .selectFrom('interview_notes')
    .selectAll()
    .where('interview_id', '=', interviewId)
    .orderBy('passage_id')
    .orderBy('id')
    .execute()
  return rows.map(r => ({
    id: r.id,
    passageId: r.passage_id,
    kind: r.kind,
    body: r.body,
    linkUrl: r.link_url,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

export async function insertNote(
  db: Db,
  interviewId: number,
  passageId: number,
  note: NoteFields,
  createdBy: number | null,
): Promise<PassageNote> {
  const now = nowIso()
  const row = await db
    .insertInto('interview_notes')
    .values({
      ...noteColumns(note),
      interview_id: interviewId,
      passage_id: passageId,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ...note, id: row.id, passageId, createdBy, createdAt: now, updatedAt: now }
}

/** Replaces a note's words; answers false when the interview has no such note. */
export async function updateNote(db: Db, interviewId: number, noteId: number, note: NoteFields): Promise<boolean> {
  const result = await db
    .updateTable('interview_notes')
    .set({ ...noteColumns(note), updated_at: nowIso() })
    .where('id', '=', noteId)
    .where('interview_id', '=', interviewId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Removes a note; answers false when the interview has no such note. */
export async function deleteNote(db: Db, interviewId: number, noteId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('interview_notes')
    .where('id', '=', noteId)
    .where('interview_id', '=', interviewId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
