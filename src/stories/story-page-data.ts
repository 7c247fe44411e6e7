// Everything a story page shows, loaded in a fixed number of queries whatever the story:
// one per table where it can, so the page costs the same with one author or five.
import type { Db } from '../db/index.js'
import { bodyReferences, renderBody } from '../body/index.js'
import { findImagesByIds, type Image } from '../media/index.js'
import { findPeopleByIds, type Person } from '../people/index.js'
import type { Topic } from '../topics/index.js'
import { listCorrectionsOfStory, type Correction } from '../corrections/index.js'
import { findExcerptsByIds } from '../excerpts/index.js'
import {
  buildDocumentaryTeasers,
  findPublishedDocumentariesByIds,
  latestDocumentaries,
  type DocumentaryTeaser,
} from '../documentaries/index.js'
import { bodyDocumentaryIds, bodyImageIds, buildBodyContext } from '../site/index.js'
import { findPublishedStoryBySlug, type Story } from './store.js'
import { relatedStories } from './published-list-store.js'
import { buildStoryTeasers, type StoryTeaser } from './teasers.js'
import { loadInterviewContext } from './interview-context.js'

/** A story page's data. */
export interface StoryPageData {
  story: Story
  bodyHtml: string
  /** The body shows an excerpt (of a film or an interview): the page loads the player. */
  player: boolean
  hero?: Image | undefined
  authors: { person: Person; photo?: Image | undefined }[]
  topics: Topic[]
  corrections: Correction[]
  relatedDocumentaries: DocumentaryTeaser[]
  latestDocumentaries: DocumentaryTeaser[]
  relatedStories: StoryTeaser[]
  tags: string[]
}

/**
 * Loads a published story's page, or undefined when there is no such public story.
 * `allTopics` comes from the page chrome, which already holds every topic.
 */
export async function loadStoryPage(
  db: Db,
  slug: string,
  allTopics: readonly Topic[],
): Promise<StoryPageData | undefined> {
  const story = await findPublishedStoryBySlug(db, slug)
  return story ? buildStoryPageData(db, story, allTopics) : undefined
}

/** Loads everything around a story already in hand (a published one, or a draft being previewed). */
export async function buildStoryPageData(db: Db, story: Story, allTopics: readonly Topic[]): Promise<StoryPageData> {
  const refs = bodyReferences(story.body)
  const [corrections, excerpts, related, latest, interviews] = await Promise.all([
    listCorrectionsOfStory(db, story.id),
    findExcerptsByIds(db, refs.excerptIds),
    relatedStories(db, story, 3),
    latestDocumentaries(db, 3, story.documentaryIds),
    loadInterviewContext(db, refs.interviewIds),
  ])
  const [films, people] = await Promise.all([
    findPublishedDocumentariesByIds(db, [...story.documentaryIds, ...bodyDocumentaryIds(refs, excerpts)]),
    findPeopleByIds(db, [...story.authorIds, ...related.flatMap(s => s.authorIds)]),
  ])
  const authors = story.authorIds.flatMap(id => people.get(id) ?? [])
  const images = await findImagesByIds(db, [
    ...(story.heroImageId ? [story.heroImageId] : []),
    ...authors.flatMap(p => (p.photoId ? [p.photoId] : [])),
    ...related.flatMap(s => (s.heroImageId ? [s.heroImageId] : [])),
    ...[...films.values(), ...latest].flatMap(d => (d.posterId ? [d.posterId] : [])),
    ...bodyImageIds(refs, films),
  ])
  const topics = new Map(allTopics.map(t => [t.id, t]))
  const body = buildBodyContext(refs, { excerpts, documentaries: films, images })
  const context = { ...body.context, interviews: interviews.interviews }
  const relatedDocumentaries = buildDocumentaryTeasers(
    story.documentaryIds.flatMap(id => films.get(id) ?? []),
    images,
  )
  const tags = new Set([
    `story:${story.id}`,
    'list:stories',
    'list:documentaries',
    ...body.tags,
    ...interviews.tags,
    ...authors.map(p => `person:${p.id}`),
    ...story.topicIds.map(id => `topic:${id}`),
    ...story.documentaryIds.map(id => `documentary:${id}`),
  ])
  return {
    story,
    bodyHtml: renderBody(story.body, context),
    // An interview excerpt with a video plays in the same island as a documentary's.
    player:
      body.player ||
      story.body.content.some(
        n => n.type === 'interviewExcerpt' && interviews.interviews.get(n.attrs.interviewId)?.video,
      ),
    hero: story.heroImageId ? images.get(story.heroImageId) : undefined,
    authors: authors.map(person => ({ person, photo: person.photoId ? images.get(person.photoId) : undefined })),
    topics: story.topicIds.flatMap(id => topics.get(id) ?? []),
    corrections,
    relatedDocumentaries,
    latestDocumentaries: buildDocumentaryTeasers(latest, images),
    relatedStories: buildStoryTeasers(related, { images, people, topics }),
    tags: [...tags],
  }
}
