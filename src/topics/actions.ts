// What an editor does with topics: create one, change one, move one up or down the navigation.
// Each runs in one transaction through runAction (the write, its search update, its audit row
// and, when a slug changes, the old address's moved path), and the pages that show topics are
// dropped only after the commit.
import { NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import {
  findTopicById,
  findTopicBySlug,
  insertTopic,
  listTopics,
  nextTopicPosition,
  renumberTopics,
  replaceTopic,
  type NewTopic,
  type Topic,
} from './store.js'

/** A topic's checked fields; no position puts it last. */
export type TopicInput = Omit<NewTopic, 'position'> & { position: number | undefined }

/** Which way a topic moves in the navigation. */
export type TopicDirection = 'up' | 'down'

const topicUrl = (slug: string) => `/topics/${slug}`
// A topic's name shows in the navigation on every page, which the 'topics' tag drops.
const tagsOf = (ids: readonly number[]) => [...ids.map(id => `topic:${id}`), 'topics']

/** Creates a topic; a taken slug throws `slugTakenError` and stores nothing. */
export function createTopic(deps: ActionDeps, actor: Actor, input: TopicInput): Promise<Topic> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await findTopicBySlug(trx, input.slug)) throw slugTakenError()
    const topic = await insertTopic(trx, { ...input, position: input.position ?? (await nextTopicPosition(trx)) })
    await audit({ action: 'topic-created', subject: `topic:${topic.id}`, detail: { slug: topic.slug } })
    return { result: topic, tags: tagsOf([topic.id]) }
  })
}

/** Replaces a topic's fields; a new slug keeps the old address alive as a moved path. */
export function updateTopic(deps: ActionDeps, actor: Actor, id: number, input: TopicInput): Promise<Topic> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await findTopicById(trx, id)
    if (!before) throw new NotFound('topic', id)
    const holder = await findTopicBySlug(trx, input.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    const next: NewTopic = { ...input, position: input.position ?? (await nextTopicPosition(trx)) }
    await replaceTopic(trx, id, next)
    if (before.slug !== next.slug) await recordMovedPath(trx, topicUrl(before.slug), topicUrl(next.slug))
    const changed = (['name', 'slug', 'description', 'position'] as const).filter(k => before[k] !== next[k])
    await audit({ action: 'topic-updated', subject: `topic:${id}`, detail: { changed } })
    return { result: { ...next, id }, tags: tagsOf([id]) }
  })
}

/** Swaps a topic with its neighbour and renumbers the list 1, 2, 3 …; at either end nothing moves. */
export function moveTopic(deps: ActionDeps, actor: Actor, id: number, direction: TopicDirection): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    const order = (await listTopics(trx)).map(t => t.id)
    const at = order.indexOf(id)
    if (at < 0) throw new NotFound('topic', id)
    const to = direction === 'up' ? at - 1 : at + 1
    if (to >= 0 && to < order.length) [order[at], order[to]] = [order[to] as number, order[at] as number]
    const moved = await renumberTopics(trx, order)
    if (moved.length === 0) return { result: undefined, tags: [] }
    await audit({ action: 'topic-moved', subject: `topic:${id}`, detail: { direction } })
    return { result: undefined, tags: tagsOf(moved) }
  })
}
