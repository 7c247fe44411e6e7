// The newsletters a reader can pick. A fresh install gets one, so the sign-up form always has
// somewhere to go; the newsroom can add more.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'

/** One newsletter a reader can subscribe to. */
export interface NewsletterList {
  id: number
  slug: string
  name: string
  description: string
  position: number
}

/** Every list, in the order readers see them. */
export async function listNewsletterLists(db: Db): Promise<NewsletterList[]> {
  return db
    .selectFrom('newsletter_lists')
    .select(['id', 'slug', 'name', 'description', 'position'])
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function findListById(db: Db, id: number): Promise<NewsletterList | undefined> {
  return db
    .selectFrom('newsletter_lists')
    .select(['id', 'slug', 'name', 'description', 'position'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Adds a list; `slug` must be unused. */
export async function insertList(
  db: Db,
  list: { slug: string; name: string; description?: string; position?: number },
): Promise<NewsletterList> {
  return db
    .insertInto('newsletter_lists')
    .values({
      slug: list.slug,
      name: list.name,
      description: list.description ?? '',
      position: list.position ?? 0,
      created_at: nowIso(),
    })
    .returning(['id', 'slug', 'name', 'description', 'position'])
    .executeTakeFirstOrThrow()
}

/** Makes the first list when there is none (at start-up), so sign-ups always have a list. */
export async function ensureDefaultList(db: Db): Promise<void> {
  const any = await db.selectFrom('newsletter_lists').select('id').limit(1).executeTakeFirst()
  if (any) return
  await db
    .insertInto('newsletter_lists')
    .values({
      slug: 'weekly',
      name: 'The weekly newsletter',
      description: 'New documentaries and investigations, once a week.',
      position: 0,
      created_at: nowIso(),
    })
    .onConflict(oc => oc.column('slug').doNothing())
    .execute()
}

/** How many confirmed subscribers a list has: whom a send now would reach. */
export async function countConfirmedSubscribers(db: Db, listId: number): Promise<number> {
  const row = await db
    .selectFrom('newsletter_subscriptions as ns')
    .innerJoin('newsletter_subscribers as s', 's.id', 'ns.subscriber_id')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('ns.list_id', '=', listId)
    .where('s.status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
