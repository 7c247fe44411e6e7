// Table types owned by the corrections part.
import type { Generated } from 'kysely'

export const CORRECTION_KINDS = ['correction', 'clarification'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

/** A correction or clarification appended to a story. Rows are never deleted. */
export interface CorrectionsTable {
  id: Generated<number>
  story_id: number
  kind: CorrectionKind
  body: string
  published_at: string
  created_at: string
  /** The story revision this corrects, when the editor named one. */
  fixes_revision_id: Generated<number | null>
}

/** Every state a correction has had: amendments are kept, nothing is deleted. */
export interface CorrectionRevisionsTable {
  id: Generated<number>
  correction_id: number
  kind: CorrectionKind
  body: string
  account_id: number | null
  changed_at: string
}
