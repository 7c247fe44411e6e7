// SQL for corrections and clarifications and their history. There is deliberately no delete:
// a correction is amended, never removed, and every state it had is kept.
import { prepared, type Db } from '../db/index.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import type { CorrectionKind } from './schema.js'

/** A correction or clarification as readers see it. */
export interface Correction {
  id: number
  storyId: number
  kind: CorrectionKind
  body: string
  publishedAt: string
  /** When it was last amended after readers could see it; null when never. */
  updatedAt: string | null
}

/** A correction as the newsroom manages it. */
export interface EditableCorrection extends Correction {
  /** The story revision it fixes, when the editor named one. */
  fixesRevisionId: number | null
  createdAt: string
}

/** One state a correction has had, oldest first in a history. */
export interface CorrectionHistoryEntry {
  id: number
  correctionId: number
  kind: CorrectionKind
  body: string
  accountId: number | null
  changedAt: string
}

export interface NewCorrection {
  storyId: number
  kind: CorrectionKind
  body: string
  publishedAt: string
}

/** A correction an editor appends, with who did it for its history. */
export interface AppendedCorrection extends NewCorrection {
  fixesRevisionId?: number | null | undefined
  accountId: number | null
}

type CorrectionRow = {
  id: number
  story_id: number
  kind: CorrectionKind
  body: string
  published_at: string
  created_at: string
  fixes_revision_id: number | null
  revisions: number | string | null
  last_changed_at: string | null
}

function toEditable(row: CorrectionRow): EditableCorrection {
  // Corrections written before histories existed have no revision rows; one row is the original.
  const amended =
    Number(row.revisions ?? 0) > 1 &&
    row.last_changed_at !== null &&
    Date.parse(row.last_changed_at) > Date.parse(row.published_at)
  return {
    id: row.id,
    storyId: row.story_id,
    kind: row.kind,
    body: row.body,
    publishedAt: row.published_at,
    updatedAt: amended ? row.last_changed_at : null,
    fixesRevisionId: row.fixes_revision_id,
    createdAt: row.created_at,
  }
}

function toCorrection(row: CorrectionRow): Correction {
  const { id, storyId, kind, body, publishedAt, updatedAt } = toEditable(row)
  return { id, storyId, kind, body, publishedAt, updatedAt }
}

/** Corrections with how many states each has had and when it last changed. */
function selectCorrections(db: Db) {
  return db
    .selectFrom('corrections')
    .selectAll('corrections')
    .select(eb => [
      eb
        .selectFrom('correction_revisions')
        .whereRef('correction_revisions.correction_id', '=', 'corrections.id')
        .select(sub => sub.fn.countAll<number>().as('n'))
        .as('revisions'),
      eb
        .selectFrom('correction_revisions')
        .whereRef('correction_revisions.correction_id', '=', 'corrections.id')
        .select(sub => sub.fn.max('correction_revisions.changed_at').as('at'))
        .as('last_changed_at'),
    ])
}

/** Inserts a correction without history: seeds and fixtures. The newsroom uses `appendCorrection`. */
export async function insertCorrection(db: Db, correction: NewCorrection): Promise<Correction> {
  const row = await db
    .insertInto('corrections')
    .values({
      story_id: correction.storyId,
      kind: correction.kind,
      body: correction.body,
      published_at: correction.publishedAt,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return toCorrection(await findRow(db, row.id))
}

async function findRow(db: Db, id: number): Promise<CorrectionRow> {
  return selectCorrections(db).where('corrections.id', '=', id).executeTakeFirstOrThrow()
}

/** Appends a correction and the first entry of its history; call inside the caller's transaction. */
export async function appendCorrection(db: Db, correction: AppendedCorrection): Promise<EditableCorrection> {
  const now = nowIso()
  const row = await db
    .insertInto('corrections')
    .values({
      story_id: correction.storyId,
      kind: correction.kind,
      body: correction.body,
      published_at: correction.publishedAt,
      created_at: now,
      fixes_revision_id: correction.fixesRevisionId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('correction_revisions')
    .values({
      correction_id: row.id,
      kind: correction.kind,
      body: correction.body,
      account_id: correction.accountId,
      changed_at: now,
    })
    .execute()
  return toEditable(await findRow(db, row.id))
}

/**
 * Changes a correction's kind and text and records the new state in its history, keeping the
 * old one; call inside the caller's transaction. Undefined when there is no such correction.
 */
export async function amendCorrection(
  db: Db,
  id: number,
  change: { kind: CorrectionKind; body: string; accountId: number | null },
): Promise<EditableCorrection | undefined> {
  const before = await db.selectFrom('corrections').selectAll().where('id', '=', id).executeTakeFirst()
  if (!before) return undefined
  const history = await db
    .selectFrom('correction_revisions')
    .select('id')
    .where('correction_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  // A correction from before histories existed: its original text enters the history first.
  if (!history)
    await db
      .insertInto('correction_revisions')
      .values({
        correction_id: id,
        kind: before.kind,
        body: before.body,
        account_id: null,
        changed_at: before.created_at,
      })
      .execute()
  await db.updateTable('corrections').set({ kind: change.kind, body: change.body }).where('id', '=', id).execute()
  await db
    .insertInto('correction_revisions')
    .values({
      correction_id: id,
      kind: change.kind,
      body: change.body,
      account_id: change.accountId,
      changed_at: nowIso(),
    })
    .execute()
  return toEditable(await findRow(db, id))
}

/** Any correction by id, published or not yet. */
export async function findCorrection(db: Db, id: number): Promise<EditableCorrection | undefined> {
  const row = await selectCorrections(db).where('corrections.id', '=', id).executeTakeFirst()
  return row ? toEditable(row) : undefined
}

/** Every state a correction has had, oldest first. */
export async function listCorrectionHistory(db: Db, correctionId: number): Promise<CorrectionHistoryEntry[]> {
  const rows = await db
    .selectFrom('correction_revisions')
    .selectAll()
    .where('correction_id', '=', correctionId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
  return rows.map(r => ({
    id: r.id,
    correctionId: r.correction_id,
    kind: r.kind,
    body: r.body,
    accountId: r.account_id,
    changedAt: r.changed_at,
  }))
}

/** A story's corrections for the newsroom, oldest first, including those dated in the future. */
export async function listCorrectionsForNewsroom(db: Db, storyId: number): Promise<EditableCorrection[]> {
  const rows = await selectCorrections(db)
    .where('corrections.story_id', '=', storyId)
    .orderBy('corrections.published_at')
    .orderBy('corrections.id')
    .execute()
  return rows.map(toEditable)
}

const storyCorrectionRows = prepared((db: Db, storyId: number, now: string) =>
  selectCorrections(db)
    .where('corrections.story_id', '=', storyId)
    .where('corrections.published_at', '<=', now)
    .orderBy('corrections.published_at')
    .orderBy('corrections.id'),
)

/** A story's corrections, oldest first, as they are appended to it. */
export async function listCorrectionsOfStory(db: Db, storyId: number): Promise<Correction[]> {
  return (await storyCorrectionRows(db, storyId, nowIso())).map(toCorrection)
}

/** Every correction, newest first. Callers show only those whose story is public. */
export async function listCorrections(db: Db, page: number, pageSize: number): Promise<Paged<Correction>> {
  const now = nowIso()
  const [rows, count] = await Promise.all([
    selectCorrections(db)
      .where('corrections.published_at', '<=', now)
      .orderBy('corrections.published_at', 'desc')
      .orderBy('corrections.id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    db
      .selectFrom('corrections')
      .where('published_at', '<=', now)
      .select(eb => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return paged(rows.map(toCorrection), page, pageSize, Number(count.n))
}
