// SQL for topics.
import type { Db } from '../db/index.js'
import { syncTopicSearch } from './search.js'

/** A subject stories and documentaries are filed under. */
export interface Topic {
  id: number
  slug: string
  name: string
  description: string
  position: number
}

export interface NewTopic {
  slug: string
  name: string
  description: string
  position: number
}

export async function insertTopic(db: Db, topic: NewTopic): Promise<Topic> {
  const row = await db.insertInto('topics').values(topic).returningAll().executeTakeFirstOrThrow()
  await syncTopicSearch(db, row.id)
  return row
}

/** All topics in navigation order. */
export async function listTopics(db: Db): Promise<Topic[]> {
  return db.selectFrom('topics').selectAll().orderBy('position').orderBy('name').execute()
}

export async function findTopicBySlug(db: Db, slug: string): Promise<Topic | undefined> {
  return db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst()
}

/** Loads many topics in one query, keyed by id. */
export async function findTopicsByIds(db: Db, ids: readonly number[]): Promise<Map<number, Topic>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('topics').selectAll().where('id', 'in', unique).execute()
  return new Map(rows.map(r => [r.id, r]))
}

/** One topic by id, or undefined. */
export async function findTopicById(db: Db, id: number): Promise<Topic | undefined> {
  return db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Replaces a topic's fields. */
export async function replaceTopic(db: Db, id: number, topic: NewTopic): Promise<void> {
  await db.updateTable('topics').set(topic).where('id', '=', id).execute()
  await syncTopicSearch(db, id)
}

/** The position after the last topic's: where a new topic goes unless told otherwise. */
export async function nextTopicPosition(db: Db): Promise<number> {
  const row = await db
    .selectFrom('topics')
    .select(eb => eb.fn.max('position').as('last'))
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

/** Numbers the given topics 1, 2, 3 … in that order; returns the ids whose position changed. */
export async function renumberTopics(db: Db, idsInOrder: readonly number[]): Promise<number[]> {
  const current = new Map((await listTopics(db)).map(t => [t.id, t.position]))
  const changed: number[] = []
  for (const [i, id] of idsInOrder.entries()) {
    if (current.get(id) === i + 1) continue
    await db
      .updateTable('topics')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .execute()
    changed.push(id)
  }
  return changed
}
