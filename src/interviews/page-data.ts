// What the reader's interview pages show, loaded in a fixed number of queries: the list (one
// query for the interviews, one round for what they are filed under, one for the names) and one
// interview (one query for the row, one round of seven for everything that hangs off it, one
// round for the names).
import type { Db } from '../db/index.js'
import { findPeopleByIds, type Person } from '../people/index.js'
import { findTopicsByIds, type Topic } from '../topics/index.js'
import { findPublishedDocumentariesByIds, type Documentary } from '../documentaries/index.js'
import { findPlayableInterviewVideo, type PlayableVideo } from '../videos/index.js'
import {
  findInterviewBySlug,
  findInterviewLinks,
  listInterviews,
  type Interview,
  type InterviewFilter,
  type InterviewLinks,
} from './store.js'
import { listFilmMoments, type FilmMoment } from './film-moments.js'
import { listNotes, listPassages, type PassageNote, type StoredPassage } from './passages.js'

/** A story that quotes or embeds an interview, as the stories part answers it. */
export interface CitingStory {
  id: number
  title: string
  url: string
  publishedAt: string | null
}

/** Finds the published stories that cite an interview (the stories part's `listStoriesCitingInterview`). */
export type CitingStoriesFinder = (db: Db, interviewId: number) => Promise<CitingStory[]>

/** One interview in a list: its row, who gave it, and what it is filed under. */
export interface InterviewListItem {
  interview: Interview
  person: Person | undefined
  links: InterviewLinks
}

/** Interviews grouped by the first published documentary they were recorded for; null holds the rest. */
export interface InterviewGroup {
  documentary: Documentary | null
  items: InterviewListItem[]
}

/** Loads published interviews (filtered) with their people and documentaries. */
export async function loadInterviewList(
  db: Db,
  filter: InterviewFilter,
): Promise<{ items: InterviewListItem[]; documentaries: Map<number, Documentary> }> {
  const interviews = await listInterviews(db, filter)
  const ids = interviews.map(i => i.id)
  const links = await findInterviewLinks(db, ids)
  const [people, documentaries] = await Promise.all([
    findPeopleByIds(
      db,
      interviews.map(i => i.personId),
    ),
    findPublishedDocumentariesByIds(
      db,
      [...links.values()].flatMap(l => l.documentaryIds),
    ),
  ])
  const empty: InterviewLinks = { documentaryIds: [], topicIds: [], interviewerIds: [] }
  const items = interviews.map(interview => ({
    interview,
    person: people.get(interview.personId),
    links: links.get(interview.id) ?? empty,
  }))
  return { items, documentaries }
}

/**
 * Groups list items under their documentaries, each group in the order its first interview
 * comes; an interview recorded for two films is listed under both. Interviews with no
 * published documentary come last, in a group of their own.
 */
export function groupByDocumentary(
  items: readonly InterviewListItem[],
  documentaries: ReadonlyMap<number, Documentary>,
): InterviewGroup[] {
  const groups = new Map<number | null, InterviewGroup>()
  const add = (key: number | null, documentary: Documentary | null, item: InterviewListItem) => {
    const group = groups.get(key) ?? { documentary, items: [] }
    group.items.push(item)
    groups.set(key, group)
  }
  for (const item of items) {
    const films = item.links.documentaryIds.flatMap(id => documentaries.get(id) ?? [])
    if (films.length === 0) add(null, null, item)
    for (const film of films) add(film.id, film, item)
  }
  const rest = groups.get(null)
  groups.delete(null)
  return [...groups.values(), ...(rest ? [rest] : [])]
}

/** Everything the interview page shows. */
export interface InterviewPageData {
  interview: Interview
  person: Person | undefined
  interviewers: Person[]
  documentaries: Documentary[]
  topics: Topic[]
  passages: StoredPassage[]
  /** Notes by passage id. */
  notes: Map<number, PassageNote[]>
  moments: FilmMoment[]
  video: PlayableVideo | undefined
  citedIn: CitingStory[]
}

/** Loads a published interview's page, or undefined when there is no such published interview. */
export async function loadInterviewPage(
  db: Db,
  slug: string,
  citedIn: CitingStoriesFinder | undefined,
): Promise<InterviewPageData | undefined> {
  const interview = await findInterviewBySlug(db, slug)
  if (interview?.status !== 'published') return undefined
  const [passages, noteList, linkMap, moments, video, stories, person] = await Promise.all([
    listPassages(db, interview.id),
    listNotes(db, interview.id),
    findInterviewLinks(db, [interview.id]),
    listFilmMoments(db, { interviewId: interview.id }),
    findPlayableInterviewVideo(db, interview.id),
    citedIn ? citedIn(db, interview.id) : Promise.resolve([]),
    findPeopleByIds(db, [interview.personId]),
  ])
  const links = linkMap.get(interview.id) ?? { documentaryIds: [], topicIds: [], interviewerIds: [] }
  const [interviewers, documentaries, topics] = await Promise.all([
    findPeopleByIds(db, links.interviewerIds),
    findPublishedDocumentariesByIds(db, [...new Set([...links.documentaryIds, ...moments.map(m => m.documentaryId)])]),
    findTopicsByIds(db, links.topicIds),
  ])
  const notes = new Map<number, PassageNote[]>()
  for (const note of noteList) notes.set(note.passageId, [...(notes.get(note.passageId) ?? []), note])
  const films = documentaries
  return {
    interview,
    person: person.get(interview.personId),
    passages,
    notes,
    video,
    citedIn: stories,
    interviewers: links.interviewerIds.flatMap(id => interviewers.get(id) ?? []),
    documentaries: links.documentaryIds.flatMap(id => films.get(id) ?? []),
    topics: links.topicIds.flatMap(id => topics.get(id) ?? []),
    // A moment in a film readers cannot see is not shown.
    moments: moments.filter(m => films.has(m.documentaryId)),
  }
}
