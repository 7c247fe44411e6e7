// An interview's revision history: one row per change an editor makes, holding what was done,
// by whom, and the interview as it then stood (fields, links, withheld passages and notes), so
// a note edited or removed, or a passage released, can always be read as it was.
import type { Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { nowIso } from '../platform/time.js'
import { listNotes, listPassages, type PassageNote } from './passages.js'
import { findInterviewById, findInterviewLinks, type Interview, type InterviewLinks } from './store.js'

/** The interview as it stood after a change. */
export interface InterviewSnapshot {
  interview: Interview
  links: InterviewLinks
  passageCount: number
  /** Positions of withheld passages, with their reasons. */
  withheld: Array<{ position: number; reason: string }>
  notes: Array<Pick<PassageNote, 'kind' | 'body' | 'linkUrl'> & { position: number }>
}

export interface InterviewRevision {
  id: number
  accountId: number | null
  action: string
  snapshot: InterviewSnapshot | undefined
  createdAt: string
}

/** Records a revision of the interview as it now stands; call it inside the change's transaction. */
export async function recordRevision(
  db: Db,
  interviewId: number,
  accountId: number | null,
  action: string,
): Promise<void> {
  const interview = await findInterviewById(db, interviewId)
  if (!interview) return
  const [links, passages, notes] = await Promise.all([
    findInterviewLinks(db, [interviewId]),
    listPassages(db, interviewId),
    listNotes(db, interviewId),
  ])
  const positionOf = new Map(passages.map(p => [p.id, p.position]))
  const snapshot: InterviewSnapshot = {
    interview,
    links: links.get(interviewId) ?? { documentaryIds: [], topicIds: [], interviewerIds: [] },
    passageCount: passages.length,
    withheld: passages
      .filter(p => p.withheldReason)
      .map(p => ({ position: p.position, reason: p.withheldReason as string })),
    notes: notes.map(n => ({
      kind: n.kind,
      body: n.body,
      linkUrl: n.linkUrl,
      position: positionOf.get(n.passageId) ?? -1,
    })),
  }
  await db
    .insertInto('interview_revisions')
    .values({
      interview_id: interviewId,
      account_id: accountId,
      action,
      snapshot: JSON.stringify(snapshot),
      created_at: nowIso(),
    })
    .execute()
}

/** An interview's revisions, newest first. */
export async function listRevisions(db: Db, interviewId: number, limit = 100): Promise<InterviewRevision[]> {
  const rows = await db
    .selectFrom('interview_revisions')
    .selectAll()
    .where('interview_id', '=', interviewId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(r => ({
    id: r.id,
    accountId: r.account_id,
    action: r.action,
    snapshot: parseJsonColumn<InterviewSnapshot | undefined>(r.snapshot, undefined),
    createdAt: r.created_at,
  }))
}
