// SQL for static pages.
import type { Db } from '../db/index.js'
import { parseBody, readStoredBody, type BodyDocument } from '../body/index.js'
import { nowIso } from '../platform/time.js'

/** A static page such as the journalistic standards. */
export interface Page {
  id: number
  slug: string
  title: string
  summary: string
  body: BodyDocument
  updatedAt: string
}

export interface NewPage {
  slug: string
  title: string
  summary: string
  body: unknown
}

/** Creates a page; the body is validated here so no write skips it. */
export async function insertPage(db: Db, page: NewPage): Promise<Page> {
  const body = parseBody(page.body)
  const now = nowIso()
  const row = await db
    .insertInto('pages')
    .values({
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      body: JSON.stringify(body),
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'slug', 'title', 'summary', 'updated_at'])
    .executeTakeFirstOrThrow()
  return { id: row.id, slug: row.slug, title: row.title, summary: row.summary, body, updatedAt: row.updated_at }
}

export async function findPageBySlug(db: Db, slug: string): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: readStoredBody(row.body),
    updatedAt: row.updated_at,
  }
}

/** Every page's slug and last change: the sitemap. */
export async function listPageSlugs(db: Db): Promise<{ slug: string; updatedAt: string }[]> {
  const rows = await db.selectFrom('pages').select(['slug', 'updated_at']).orderBy('slug').execute()
  return rows.map(r => ({ slug: r.slug, updatedAt: r.updated_at }))
}

/** One page by id, or undefined. */
export async function findPageById(db: Db, id: number): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: readStoredBody(row.body),
    updatedAt: row.updated_at,
  }
}

/** Replaces a page's fields and gives the page as stored; the body is validated here so no write skips it. */
export async function replacePage(db: Db, id: number, page: NewPage): Promise<Page> {
  const body = parseBody(page.body)
  const updatedAt = nowIso()
  await db
    .updateTable('pages')
    .set({
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      body: JSON.stringify(body),
      updated_at: updatedAt,
    })
    .where('id', '=', id)
    .execute()
  return { id, slug: page.slug, title: page.title, summary: page.summary, body, updatedAt }
}

/** A page as the newsroom's list shows it. */
export interface PageListing {
  id: number
  slug: string
  title: string
  updatedAt: string
}

/** Every page by title, without bodies: the newsroom's list. */
export async function listPages(db: Db): Promise<PageListing[]> {
  const rows = await db.selectFrom('pages').select(['id', 'slug', 'title', 'updated_at']).orderBy('title').execute()
  return rows.map(r => ({ id: r.id, slug: r.slug, title: r.title, updatedAt: r.updated_at }))
}
