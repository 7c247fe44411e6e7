// Table types owned by the interviews part.
import type { Generated } from 'kysely'

/** Where an interview is in its editorial handling; only an editor or admin clears one. */
export const INTERVIEW_STATUSES = ['draft', 'in_review', 'cleared', 'published'] as const
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number]

/** Why a passage is withheld; readers see the category, never the words. */
export const WITHHELD_REASONS = ['off-the-record', 'unverified', 'legal', 'privacy', 'safety'] as const
export type WithheldReason = (typeof WITHHELD_REASONS)[number]

/** What a note on a passage is. */
export const NOTE_KINDS = ['note', 'disputed', 'supporting', 'correction'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/** One recorded conversation with one person, by staff interviewers. */
export interface InterviewsTable {
  id: Generated<number>
  slug: string
  title: string
  /** The person interviewed (a Person, who need not be staff). */
  person_id: number
  /** The role the person held at the time of the interview. */
  person_role: string
  /** YYYY-MM-DD, or null when not known. */
  recorded_on: string | null
  place: string
  summary: string
  status: InterviewStatus
  cleared_by: number | null
  cleared_at: string | null
  /** The account that made it (null for seeded ones, or once that account is deleted). */
  owner_account_id: number | null
  published_at: string | null
  created_at: string
  updated_at: string
}

/** One passage of the transcript, in time order by `position` (0, 1, 2 …). */
export interface InterviewPassagesTable {
  id: Generated<number>
  interview_id: number
  position: number
  speaker: string
  start_ms: number
  end_ms: number
  text: string
  /** Null when readers may see and hear it. */
  withheld_reason: WithheldReason | null
}

/** An editor's note beside a passage: "Disputed: see …", a link to supporting material. */
export interface InterviewNotesTable {
  id: Generated<number>
  interview_id: number
  passage_id: number
  kind: NoteKind
  body: string
  link_url: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface InterviewDocumentariesTable {
  interview_id: number
  documentary_id: number
  position: Generated<number>
}
export interface InterviewTopicsTable {
  interview_id: number
  topic_id: number
  position: Generated<number>
}
export interface InterviewInterviewersTable {
  interview_id: number
  person_id: number
  position: Generated<number>
}

/** A moment of a documentary's film that uses a span of this interview. */
export interface InterviewFilmMomentsTable {
  id: Generated<number>
  interview_id: number
  documentary_id: number
  film_start_ms: number
  film_end_ms: number
  interview_start_ms: number
  interview_end_ms: number
  label: string
}

/** One change an editor made: what, by whom, and the interview as it then stood (JSON). */
export interface InterviewRevisionsTable {
  id: Generated<number>
  interview_id: number
  account_id: number | null
  action: string
  snapshot: string
  created_at: string
}
