// Stories ready to show as cards: hero image, primary topic and author names, loaded
// for a whole list in a fixed number of queries.
import type { Db } from '../db/index.js'
import { findImagesByIds, type Image } from '../media/index.js'
import { findPeopleByIds, type Person } from '../people/index.js'
import { findTopicsByIds, type Topic } from '../topics/index.js'
import type { StorySummary } from './store.js'

/** A story with what its card shows. */
export interface StoryTeaser {
  story: StorySummary
  hero?: Image | undefined
  topic?: Topic | undefined
  authors: Person[]
}

/** Loads the images, authors and topics of many stories in three queries. */
export async function loadStoryTeasers(db: Db, stories: StorySummary[]): Promise<StoryTeaser[]> {
  const [images, people, topics] = await Promise.all([
    findImagesByIds(
      db,
      stories.flatMap(s => (s.heroImageId ? [s.heroImageId] : [])),
    ),
    findPeopleByIds(
      db,
      stories.flatMap(s => s.authorIds),
    ),
    findTopicsByIds(
      db,
      stories.flatMap(s => s.topicIds.slice(0, 1)),
    ),
  ])
  return buildStoryTeasers(stories, { images, people, topics })
}

/** What teasers are built from, already loaded (a page that loads more can share one query per table). */
export interface TeaserLookups {
  images: ReadonlyMap<number, Image>
  people: ReadonlyMap<number, Person>
  topics: ReadonlyMap<number, Topic>
}

/** Builds teasers from loaded lookups, without queries. */
export function buildStoryTeasers(stories: StorySummary[], lookups: TeaserLookups): StoryTeaser[] {
  return stories.map(story => ({
    story,
    hero: story.heroImageId ? lookups.images.get(story.heroImageId) : undefined,
    topic: story.topicIds[0] !== undefined ? lookups.topics.get(story.topicIds[0]) : undefined,
    authors: story.authorIds.flatMap(id => lookups.people.get(id) ?? []),
  }))
}

/** Cache tags of what a list of story cards shows. */
export function storyTeaserTags(teasers: StoryTeaser[]): string[] {
  const tags = new Set<string>()
  for (const t of teasers) {
    tags.add(`story:${t.story.id}`)
    for (const a of t.authors) tags.add(`person:${a.id}`)
  }
  return [...tags]
}
