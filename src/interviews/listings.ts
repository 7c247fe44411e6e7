// The interviews another page lists: a documentary's (with the moments of its film that use
// each) and a person's (the ones they gave). Published interviews only, in two queries.
import type { Db } from '../db/index.js'
import { findPeopleByIds, type Person } from '../people/index.js'
import { listInterviews, type Interview } from './store.js'
import { listFilmMoments } from './film-moments.js'

/** A moment of a film that uses a span of the interview. */
export interface InterviewListMoment {
  label: string
  filmStartSeconds: number
  interviewStartSeconds: number
  interviewEndSeconds: number
  /** Where the film plays from this moment, when the list should link there too. */
  filmHref?: string | undefined
}

/** One interview in a list, with who gave it and (on a documentary's page) its moments in the film. */
export interface InterviewListEntry {
  interview: Interview
  person?: Person | undefined
  moments?: InterviewListMoment[] | undefined
}

/**
 * The published interviews recorded for a documentary, each with the moments of the film that
 * use it; `filmHref` says where the film page plays a moment (so the list links both ways).
 */
export async function listDocumentaryInterviews(
  db: Db,
  documentaryId: number,
  filmHref: (seconds: number) => string,
): Promise<InterviewListEntry[]> {
  const [interviews, moments] = await Promise.all([
    listInterviews(db, { documentaryId }),
    listFilmMoments(db, { documentaryId }),
  ])
  // A moment may name an interview not filed under the film: it is listed too, if published.
  const extra = moments.some(m => !interviews.some(i => i.id === m.interviewId))
    ? (await listInterviews(db, {})).filter(
        i => moments.some(m => m.interviewId === i.id) && !interviews.some(j => j.id === i.id),
      )
    : []
  const all = [...interviews, ...extra]
  const people = await findPeopleByIds(
    db,
    all.map(i => i.personId),
  )
  return all.map(interview => ({
    interview,
    person: people.get(interview.personId),
    moments: moments
      .filter(m => m.interviewId === interview.id)
      .map(m => ({
        label: m.label,
        filmStartSeconds: m.filmStartSeconds,
        interviewStartSeconds: m.interviewStartSeconds,
        interviewEndSeconds: m.interviewEndSeconds,
        filmHref: filmHref(m.filmStartSeconds),
      })),
  }))
}

/** The published interviews a person gave, newest recording first. */
export async function listPersonInterviews(db: Db, personId: number): Promise<InterviewListEntry[]> {
  return (await listInterviews(db, { personId })).map(interview => ({ interview }))
}
