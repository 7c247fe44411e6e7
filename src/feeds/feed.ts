// A feed before it is written as RSS or Atom: its channel and its entries, in plain values
// with absolute URLs. Stories, documentaries and corrections become entries here.
import type { Db } from '../db/index.js'
import type { CacheTag } from '../platform/events.js'
import { truncate } from '../platform/format.js'
import { nowIso } from '../platform/time.js'
import { bodyToPlainText } from '../body/index.js'
import { findPublishedStoryBySlug, storyUrl, type StorySummary } from '../stories/index.js'
import { documentaryUrl, type Documentary } from '../documentaries/index.js'
import { correctionLabel, type Correction } from '../corrections/index.js'
import { findPeopleByIds } from '../people/index.js'
import { findTopicsByIds } from '../topics/index.js'
import { findInterviewLinks, interviewUrl, type PublishedInterview } from '../interviews/index.js'

/** How long a summary cut from a body or synopsis may be. */
const SUMMARY_LENGTH = 300

/** One item of a feed: a story, a documentary or a correction. */
export interface FeedEntry {
  /** Stable identifier: the permalink, or a unique URI when several entries share a page. */
  id: string
  /** Whether `id` is the entry's own address (RSS guid isPermaLink). */
  idIsPermalink: boolean
  /** Absolute address of the page the entry links to. */
  url: string
  title: string
  /** Plain text: the dek, or an excerpt of the body. */
  summary: string
  publishedAt: string
  updatedAt: string
  authors: string[]
  categories: string[]
  /** Cache tags of what the entry shows. */
  tags: CacheTag[]
}

/** A whole feed: what the channel says about itself and its entries, newest first. */
export interface Feed {
  title: string
  description: string
  /** Absolute address of the page the feed follows. */
  homeUrl: string
  /** Absolute address of the feed without its extension: RSS adds ".xml", Atom ".atom". */
  feedUrl: string
  siteName: string
  language: string
  entries: FeedEntry[]
  tags: CacheTag[]
}

/** When the feed last changed: its newest entry's update, so an unchanged feed keeps its ETag. */
export function feedUpdatedAt(feed: Feed): string {
  let newest: string | undefined
  for (const e of feed.entries)
    if (newest === undefined || Date.parse(e.updatedAt) > Date.parse(newest)) newest = e.updatedAt
  return newest ?? nowIso()
}

/** Every cache tag a feed's page must carry: its own and its entries'. */
export function feedTags(feed: Feed): CacheTag[] {
  return [...new Set([...feed.tags, ...feed.entries.flatMap(e => e.tags), 'site'])]
}

/** Merges lists of entries newest first and keeps the first `limit`. */
export function newestEntries(lists: readonly FeedEntry[][], limit: number): FeedEntry[] {
  return lists
    .flat()
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    .slice(0, limit)
}

/** Stories as entries, with author and topic names; bodies are loaded only for stories without a dek. */
export async function storyEntries(db: Db, publicUrl: string, stories: readonly StorySummary[]): Promise<FeedEntry[]> {
  const [people, topics, excerpts] = await Promise.all([
    findPeopleByIds(
      db,
      stories.flatMap(s => s.authorIds),
    ),
    findTopicsByIds(
      db,
      stories.flatMap(s => s.topicIds),
    ),
    bodyExcerpts(
      db,
      stories.filter(s => s.dek.trim() === ''),
    ),
  ])
  return stories.map(story => {
    const url = `${publicUrl}${storyUrl(story.slug)}`
    const authors = story.authorIds.flatMap(id => people.get(id) ?? [])
    const filedUnder = story.topicIds.flatMap(id => topics.get(id) ?? [])
    return {
      id: url,
      idIsPermalink: true,
      url,
      title: story.title,
      summary: story.dek.trim() || (excerpts.get(story.id) ?? ''),
      publishedAt: story.publishedAt ?? story.updatedAt,
      updatedAt: story.updatedAt,
      authors: authors.map(p => p.name),
      categories: filedUnder.map(t => t.name),
      tags: [`story:${story.id}`, ...authors.map(p => `person:${p.id}`), ...filedUnder.map(t => `topic:${t.id}`)],
    }
  })
}

// Stories without a dek are rare, so their bodies are loaded one by one through the stories
// part's door rather than widening every list query with the body column.
async function bodyExcerpts(db: Db, stories: readonly StorySummary[]): Promise<Map<number, string>> {
  const whole = await Promise.all(stories.map(s => findPublishedStoryBySlug(db, s.slug)))
  return new Map(whole.flatMap(s => (s ? [[s.id, truncate(bodyToPlainText(s.body), SUMMARY_LENGTH)] as const] : [])))
}

/** Documentaries as entries, credited to their directors. */
export function documentaryEntries(publicUrl: string, films: readonly Documentary[]): FeedEntry[] {
  return films.map(film => {
    const url = `${publicUrl}${documentaryUrl(film.slug)}`
    return {
      id: url,
      idIsPermalink: true,
      url,
      title: film.title,
      summary: film.dek.trim() || truncate(film.synopsis, SUMMARY_LENGTH),
      publishedAt: film.publishedAt ?? film.updatedAt,
      updatedAt: film.updatedAt,
      authors: film.credits.filter(c => /director/i.test(c.role)).map(c => c.name),
      categories: ['Documentary'],
      tags: [`documentary:${film.id}`],
    }
  })
}

/** Corrections as entries, each pointing at the corrections of its (public) story. */
export function correctionEntries(
  publicUrl: string,
  shown: readonly { correction: Correction; story: StorySummary }[],
): FeedEntry[] {
  return shown.map(({ correction, story }) => {
    const storyAddress = `${publicUrl}${storyUrl(story.slug)}`
    const label = correctionLabel(correction.kind)
    return {
      // Several corrections share the story's #corrections link, so each gets its own non-permalink id.
      id: `${storyAddress}#correction-${correction.id}`,
      idIsPermalink: false,
      url: `${storyAddress}#corrections`,
      title: `${label}: ${story.title}`,
      summary: correction.body,
      publishedAt: correction.publishedAt,
      updatedAt: correction.publishedAt,
      authors: [],
      categories: [label],
      tags: [`story:${story.id}`],
    }
  })
}

/** Interviews as entries, credited to their interviewers and filed under their topics. */
export async function interviewEntries(
  db: Db,
  publicUrl: string,
  interviews: readonly PublishedInterview[],
): Promise<FeedEntry[]> {
  const links = await findInterviewLinks(
    db,
    interviews.map(i => i.id),
  )
  const all = [...links.values()]
  const [people, topics] = await Promise.all([
    findPeopleByIds(db, [...interviews.map(i => i.personId), ...all.flatMap(l => l.interviewerIds)]),
    findTopicsByIds(
      db,
      all.flatMap(l => l.topicIds),
    ),
  ])
  return interviews.map(interview => {
    const url = `${publicUrl}${interviewUrl(interview.slug)}`
    const link = links.get(interview.id)
    const interviewers = (link?.interviewerIds ?? []).flatMap(id => people.get(id) ?? [])
    const filedUnder = (link?.topicIds ?? []).flatMap(id => topics.get(id) ?? [])
    const person = people.get(interview.personId)
    const who = person ? [person.name, interview.personRole].filter(Boolean).join(', ') : interview.personRole
    return {
      id: url,
      idIsPermalink: true,
      url,
      title: interview.title,
      summary: truncate(interview.summary.trim() || `An interview with ${who}.`, SUMMARY_LENGTH),
      publishedAt: interview.publishedAt,
      updatedAt: interview.updatedAt,
      authors: interviewers.map(p => p.name),
      categories: ['Interview', ...filedUnder.map(t => t.name)],
      tags: [
        `interview:${interview.id}`,
        ...interviewers.map(p => `person:${p.id}`),
        ...(person ? [`person:${person.id}`] : []),
        ...filedUnder.map(t => `topic:${t.id}`),
      ],
    }
  })
}
