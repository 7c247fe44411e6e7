// The shapes of the demo interviews, and builders so their transcripts read like a conversation.
import type { NoteKind, WithheldReason } from '../../interviews/index.js'

/** One passage: asked by the (first) interviewer, or answered by the person interviewed. */
export interface DemoPassage {
  by: 'interviewer' | 'interviewee'
  text: string
  /** Kept out of the published video and page, for this reason. */
  withheld?: WithheldReason | undefined
}

/** Someone interviewed: a person of the fiction, not staff. */
export interface DemoInterviewee {
  slug: string
  name: string
  jobTitle: string
  bio: string
}

/** An interview recorded for a documentary. */
export interface DemoInterview {
  slug: string
  title: string
  /** Documentary slug. */
  documentary: string
  person: DemoInterviewee
  /** The role the person held at the time. */
  personRole: string
  /** Staff person slugs; the first asks the questions in the transcript. */
  interviewers: string[]
  /** Topic slugs. */
  topics: string[]
  recordedOn: string
  place: string
  summary: string
  publishedDaysAgo: number
  passages: DemoPassage[]
  /** A note beside one passage (its index in `passages`). */
  note: { passage: number; kind: NoteKind; body: string; linkUrl?: string | undefined }
  /** Where the film uses the interview: a span of the film (within the demo film's 45 s) and a passage (index). */
  moments: { filmStartSeconds: number; filmEndSeconds: number; passage: number; label: string }[]
}

/** A question. */
export const q = (text: string): DemoPassage => ({ by: 'interviewer', text })
/** An answer; withheld for a reason when one is given. */
export const a = (text: string, withheld?: WithheldReason): DemoPassage => ({ by: 'interviewee', text, withheld })
