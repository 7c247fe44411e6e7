// A story's references into interviews: checked at every save (the interview exists, the span
// lies within its video, or its transcript before the video is ready, and reaches no withheld
// passage), kept as `story_interviews` rows so an interview's page can say where it is quoted.
import type { Db } from '../db/index.js'
import {
  interviewReferenceProblems,
  interviewReferences,
  type BodyDocument,
  type InterviewFacts,
} from '../body/index.js'
import { findInterviewsByIds, listPassageTimes } from '../interviews/index.js'
import { findVideosByInterviews } from '../videos/index.js'
import { InvalidInput } from '../platform/errors.js'
import { MAX_ID } from '../platform/http/integer-inputs.js'
import { nowIso } from '../platform/time.js'
import { storyUrl } from './urls.js'

/** One sentence per block whose interview is missing or whose span readers may not be given; empty when all are fine. */
export async function findInterviewReferenceProblems(db: Db, doc: BodyDocument): Promise<string[]> {
  const refs = interviewReferences(doc)
  if (refs.length === 0) return []
  // An id past what an id column holds exists nowhere, and PostgreSQL would refuse to compare it.
  const ids = [...new Set(refs.map(r => r.interviewId))].filter(id => id <= MAX_ID)
  const interviews = await findInterviewsByIds(db, ids)
  const found = [...interviews.keys()]
  const [passageTimes, videos] = await Promise.all([listPassageTimes(db, found), findVideosByInterviews(db, found)])
  const facts = new Map<number, InterviewFacts>(
    found.map(id => [
      id,
      { durationSeconds: videos.get(id)?.durationSeconds ?? null, passages: passageTimes.get(id) ?? [] },
    ]),
  )
  return interviewReferenceProblems(refs, facts)
}

/** Throws InvalidInput naming each block whose interview reference readers may not be given; call inside the save's transaction. */
export async function assertInterviewReferences(db: Db, doc: BodyDocument): Promise<void> {
  const problems = await findInterviewReferenceProblems(db, doc)
  if (problems.length) throw new InvalidInput(problems[0] as string, problems)
}

/** Makes `story_interviews` say exactly which interviews the body embeds or quotes. */
export async function keepStoryInterviews(db: Db, storyId: number, doc: BodyDocument): Promise<void> {
  const ids = [...new Set(interviewReferences(doc).map(r => r.interviewId))]
  await db.deleteFrom('story_interviews').where('story_id', '=', storyId).execute()
  if (ids.length)
    await db
      .insertInto('story_interviews')
      .values(ids.map(interview_id => ({ story_id: storyId, interview_id })))
      .execute()
}

/** A story that embeds or quotes an interview, as its page lists it ("Quoted in"). */
export interface StoryCitingInterview {
  id: number
  title: string
  url: string
  publishedAt: string | null
}

/** The published stories that embed or quote an interview, newest first. */
export async function listStoriesCitingInterview(db: Db, interviewId: number): Promise<StoryCitingInterview[]> {
  const rows = await db
    .selectFrom('story_interviews')
    .innerJoin('stories', 'stories.id', 'story_interviews.story_id')
    .select(['stories.id', 'stories.title', 'stories.slug', 'stories.published_at'])
    .where('story_interviews.interview_id', '=', interviewId)
    .where('stories.status', '=', 'published')
    .where('stories.published_at', '<=', nowIso())
    .orderBy('stories.published_at', 'desc')
    .orderBy('stories.id', 'desc')
    .execute()
  return rows.map(r => ({ id: r.id, title: r.title, url: storyUrl(r.slug), publishedAt: r.published_at }))
}
