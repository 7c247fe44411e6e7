// SQL for funders.
import type { Db } from '../db/index.js'
import type { FunderTier } from './schema.js'

/** An organisation whose support is credited on the site. */
export interface Funder {
  id: number
  slug: string
  name: string
  url: string
  logoId: number | null
  tier: FunderTier
  description: string
  siteWide: boolean
  /** The order funders are listed in (then by name). */
  position: number
}

/** A funder before it is stored. */
export type NewFunder = Omit<Funder, 'id'>

type FunderRow = {
  id: number
  slug: string
  name: string
  url: string
  logo_id: number | null
  tier: FunderTier
  description: string
  site_wide: number
  position: number
}

function toFunder(row: FunderRow): Funder {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    url: row.url,
    logoId: row.logo_id,
    tier: row.tier,
    description: row.description,
    siteWide: row.site_wide === 1,
    position: row.position,
  }
}

export async function insertFunder(db: Db, funder: NewFunder): Promise<Funder> {
  const row = await db
    .insertInto('funders')
    .values({
      slug: funder.slug,
      name: funder.name,
      url: funder.url,
      logo_id: funder.logoId,
      tier: funder.tier,
      description: funder.description,
      site_wide: funder.siteWide ? 1 : 0,
      position: funder.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toFunder(row)
}

/** Every funder in the order the newsroom set: the "Support us" page groups them by tier. */
export async function listFunders(db: Db): Promise<Funder[]> {
  const rows = await db.selectFrom('funders').selectAll().orderBy('position').orderBy('name').execute()
  return rows.map(toFunder)
}

/** Funders credited on every page ("Support provided by ..."). */
export async function listSiteWideFunders(db: Db): Promise<Funder[]> {
  const rows = await db.selectFrom('funders').selectAll().where('site_wide', '=', 1).orderBy('position').execute()
  return rows.map(toFunder)
}

/** Loads many funders in one query, keyed by id. */
export async function findFundersByIds(db: Db, ids: readonly number[]): Promise<Map<number, Funder>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('funders').selectAll().where('id', 'in', unique).execute()
  return new Map(rows.map(r => [r.id, toFunder(r)]))
}

/** One funder by id, or undefined. */
export async function findFunderById(db: Db, id: number): Promise<Funder | undefined> {
  const row = await db.selectFrom('funders').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toFunder(row) : undefined
}

/** One funder by slug, or undefined. */
export async function findFunderBySlug(db: Db, slug: string): Promise<Funder | undefined> {
  const row = await db.selectFrom('funders').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row ? toFunder(row) : undefined
}

/** Replaces a funder's fields. */
export async function replaceFunder(db: Db, id: number, funder: NewFunder): Promise<void> {
  await db
    .updateTable('funders')
    .set({
      slug: funder.slug,
      name: funder.name,
      url: funder.url,
      logo_id: funder.logoId,
      tier: funder.tier,
      description: funder.description,
      site_wide: funder.siteWide ? 1 : 0,
      position: funder.position,
    })
    .where('id', '=', id)
    .execute()
}

/** The position after the last funder's: where a new funder goes unless told otherwise. */
export async function nextFunderPosition(db: Db): Promise<number> {
  const row = await db
    .selectFrom('funders')
    .select(eb => eb.fn.max('position').as('last'))
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}
