// SQL for people.
import { prepared, type Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { nowIso } from '../platform/time.js'
import { syncPersonSearch } from './search.js'

export const SOCIAL_NETWORKS = [
  'x',
  'bluesky',
  'mastodon',
  'instagram',
  'linkedin',
  'youtube',
  'website',
  'email',
] as const
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number]

/** A link to one of a person's (or the newsroom's) accounts elsewhere. */
export interface SocialLink {
  network: SocialNetwork
  url: string
}

/** A person as the site shows them in bylines, author boxes and their own page. */
export interface Person {
  id: number
  slug: string
  name: string
  jobTitle: string
  bio: string
  photoId: number | null
  socials: SocialLink[]
}

/** A person before they are stored. */
export type NewPerson = Omit<Person, 'id'>

type PersonRow = {
  id: number
  slug: string
  name: string
  job_title: string
  bio: string
  photo_id: number | null
  socials: string
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    jobTitle: row.job_title,
    bio: row.bio,
    photoId: row.photo_id,
    socials: parseJsonColumn<SocialLink[]>(row.socials, []),
  }
}

export async function insertPerson(db: Db, person: NewPerson): Promise<Person> {
  const now = nowIso()
  const row = await db
    .insertInto('people')
    .values({
      slug: person.slug,
      name: person.name,
      job_title: person.jobTitle,
      bio: person.bio,
      photo_id: person.photoId,
      socials: JSON.stringify(person.socials),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncPersonSearch(db, row.id)
  return toPerson(row)
}

export async function findPersonBySlug(db: Db, slug: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row ? toPerson(row) : undefined
}

const peopleRows = prepared((db: Db, ids: readonly number[]) =>
  db.selectFrom('people').selectAll().where('id', 'in', ids),
)

/** Loads many people in one query, keyed by id. */
export async function findPeopleByIds(db: Db, ids: readonly number[]): Promise<Map<number, Person>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await peopleRows(db, unique)
  return new Map(rows.map(r => [r.id, toPerson(r)]))
}

/** Everyone, alphabetically: the staff directory and sitemaps. */
export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('name').execute()
  return rows.map(toPerson)
}

/** One person by id, or undefined. */
export async function findPersonById(db: Db, id: number): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toPerson(row) : undefined
}

/** Replaces a person's fields. */
export async function replacePerson(db: Db, id: number, person: NewPerson): Promise<void> {
  await db
    .updateTable('people')
    .set({
      slug: person.slug,
      name: person.name,
      job_title: person.jobTitle,
      bio: person.bio,
      photo_id: person.photoId,
      socials: JSON.stringify(person.socials),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute()
  await syncPersonSearch(db, id)
}
