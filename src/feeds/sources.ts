// What each feed holds: the site's latest work, a topic's, a person's, and the corrections.
// Each loader reads only through the other parts' doors and answers a format-free Feed.
import { NotFound } from '../platform/errors.js'
import { latestStories, listPublishedStories, findPublishedStoriesByIds } from '../stories/index.js'
import { latestDocumentaries, listPublishedDocumentariesByTopic } from '../documentaries/index.js'
import { listCorrections } from '../corrections/index.js'
import { findTopicBySlug } from '../topics/index.js'
import { findPersonBySlug, personUrl } from '../people/index.js'
import { latestInterviews } from '../interviews/index.js'
import type { PublicDeps } from '../site/index.js'
import {
  correctionEntries,
  documentaryEntries,
  interviewEntries,
  newestEntries,
  storyEntries,
  type Feed,
} from './feed.js'

/** How many entries a feed carries. */
export const FEED_LENGTH = 30

/** The site's feed: the newest stories and documentaries, interleaved by publication time. */
export async function siteFeed(deps: PublicDeps): Promise<Feed> {
  const [stories, films, { settings }] = await Promise.all([
    latestStories(deps.db, FEED_LENGTH),
    latestDocumentaries(deps.db, FEED_LENGTH),
    deps.chrome(),
  ])
  return {
    title: settings.name,
    description: settings.description,
    homeUrl: `${deps.publicUrl}/`,
    feedUrl: `${deps.publicUrl}/feed`,
    siteName: settings.name,
    language: settings.language,
    entries: newestEntries(
      [await storyEntries(deps.db, deps.publicUrl, stories), documentaryEntries(deps.publicUrl, films)],
      FEED_LENGTH,
    ),
    tags: ['list:stories', 'list:documentaries'],
  }
}

/** A topic's feed: its newest stories and documentaries; an unknown topic is NotFound. */
export async function topicFeed(deps: PublicDeps, slug: string): Promise<Feed> {
  const topic = await findTopicBySlug(deps.db, slug)
  if (!topic) throw new NotFound('topic', slug)
  const [stories, films, { settings }] = await Promise.all([
    listPublishedStories(deps.db, { page: 1, pageSize: FEED_LENGTH, topicId: topic.id }),
    listPublishedDocumentariesByTopic(deps.db, topic.id, FEED_LENGTH),
    deps.chrome(),
  ])
  return {
    title: `${settings.name}: ${topic.name}`,
    description: topic.description || `Stories about ${topic.name} from ${settings.name}.`,
    homeUrl: `${deps.publicUrl}/topics/${topic.slug}`,
    feedUrl: `${deps.publicUrl}/topics/${topic.slug}/feed`,
    siteName: settings.name,
    language: settings.language,
    entries: newestEntries(
      [await storyEntries(deps.db, deps.publicUrl, stories.items), documentaryEntries(deps.publicUrl, films)],
      FEED_LENGTH,
    ),
    tags: [`topic:${topic.id}`, 'list:stories', 'list:documentaries'],
  }
}

/** A person's feed: the stories they wrote; an unknown person is NotFound. */
export async function personFeed(deps: PublicDeps, slug: string): Promise<Feed> {
  const person = await findPersonBySlug(deps.db, slug)
  if (!person) throw new NotFound('person', slug)
  const [stories, { settings }] = await Promise.all([
    listPublishedStories(deps.db, { page: 1, pageSize: FEED_LENGTH, personId: person.id }),
    deps.chrome(),
  ])
  return {
    title: `${settings.name}: ${person.name}`,
    description: `Stories by ${person.name}, ${settings.name}.`,
    homeUrl: `${deps.publicUrl}${personUrl(person.slug)}`,
    feedUrl: `${deps.publicUrl}${personUrl(person.slug)}/feed`,
    siteName: settings.name,
    language: settings.language,
    entries: await storyEntries(deps.db, deps.publicUrl, stories.items),
    tags: [`person:${person.id}`, 'list:stories'],
  }
}

/** The corrections feed: corrections and clarifications to public stories, newest first. */
export async function correctionsFeed(deps: PublicDeps): Promise<Feed> {
  // Read a little past the feed's length: corrections to stories no longer public are dropped.
  const [list, { settings }] = await Promise.all([listCorrections(deps.db, 1, FEED_LENGTH * 2), deps.chrome()])
  const stories = await findPublishedStoriesByIds(
    deps.db,
    list.items.map(c => c.storyId),
  )
  const shown = list.items.flatMap(correction => {
    const story = stories.get(correction.storyId)
    return story ? [{ correction, story }] : []
  })
  return {
    title: `${settings.name}: corrections`,
    description: `Every correction and clarification ${settings.name} has published.`,
    homeUrl: `${deps.publicUrl}/corrections`,
    feedUrl: `${deps.publicUrl}/corrections/feed`,
    siteName: settings.name,
    language: settings.language,
    entries: correctionEntries(deps.publicUrl, shown.slice(0, FEED_LENGTH)),
    tags: ['list:corrections', 'list:stories'],
  }
}

/** The interviews feed: newly published interviews, newest first. */
export async function interviewsFeed(deps: PublicDeps): Promise<Feed> {
  const [interviews, { settings }] = await Promise.all([latestInterviews(deps.db, FEED_LENGTH), deps.chrome()])
  return {
    title: `${settings.name}: interviews`,
    description: `The full interviews behind the documentaries of ${settings.name}, with their transcripts.`,
    homeUrl: `${deps.publicUrl}/interviews`,
    feedUrl: `${deps.publicUrl}/interviews/feed`,
    siteName: settings.name,
    language: settings.language,
    entries: await interviewEntries(deps.db, deps.publicUrl, interviews),
    tags: ['list:interviews'],
  }
}
