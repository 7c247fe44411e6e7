// SQL for podcast shows, and the public addresses of shows and episodes for the sitemap.
import type { Selectable } from 'kysely'
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { PodcastShowsTable, ShowType } from './schema.js'
import { syncShowEpisodesSearch } from './search.js'

/** A show's editable fields. */
export interface ShowFields {
  slug: string
  title: string
  description: string
  artworkId: number | null
  category: string
  subcategory: string | null
  explicit: boolean
  ownerName: string
  ownerEmail: string
  author: string
  language: string
  showType: ShowType
  copyright: string
}

/** A show as the rest of the part sees it. */
export interface Show extends ShowFields {
  id: number
  podcastGuid: string
  createdAt: string
  updatedAt: string
}

function toShow(row: Selectable<PodcastShowsTable>): Show {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    artworkId: row.artwork_id,
    category: row.category,
    subcategory: row.subcategory,
    explicit: Number(row.explicit) === 1,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    author: row.author,
    language: row.language,
    showType: row.show_type,
    copyright: row.copyright,
    podcastGuid: row.podcast_guid,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function showValues(show: ShowFields) {
  return {
    slug: show.slug,
    title: show.title,
    description: show.description,
    artwork_id: show.artworkId,
    category: show.category,
    subcategory: show.subcategory,
    explicit: show.explicit ? 1 : 0,
    owner_name: show.ownerName,
    owner_email: show.ownerEmail,
    author: show.author,
    language: show.language,
    show_type: show.showType,
    copyright: show.copyright,
  }
}

/** Stores a new show with its podcast:guid (computed by the caller from the feed URL, once). */
export async function insertShow(db: Db, show: ShowFields & { podcastGuid: string }): Promise<Show> {
  const now = nowIso()
  const row = await db
    .insertInto('podcast_shows')
    .values({ ...showValues(show), podcast_guid: show.podcastGuid, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toShow(row)
}

/** Changes a show's fields; its podcast:guid never changes. */
export async function updateShow(db: Db, id: number, show: ShowFields): Promise<void> {
  await db
    .updateTable('podcast_shows')
    .set({ ...showValues(show), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  // A new slug moves every episode's address.
  await syncShowEpisodesSearch(db, id)
}

/** The show with this id. */
export async function findShowById(db: Db, id: number): Promise<Show | undefined> {
  const row = await db.selectFrom('podcast_shows').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toShow(row)
}

/** The show at this slug. Shows have no status: a show is public once it exists. */
export async function findShowBySlug(db: Db, slug: string): Promise<Show | undefined> {
  const row = await db.selectFrom('podcast_shows').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toShow(row)
}

/** Every show, by title. */
export async function listShows(db: Db): Promise<Show[]> {
  const rows = await db.selectFrom('podcast_shows').selectAll().orderBy('title').orderBy('id').execute()
  return rows.map(toShow)
}

/** Every public show and episode address with when it last changed, for the sitemap. */
export async function listPodcastSitemapPaths(db: Db): Promise<{ path: string; lastmod: string }[]> {
  const [shows, episodes] = await Promise.all([
    db.selectFrom('podcast_shows').select(['id', 'slug', 'updated_at']).orderBy('id').execute(),
    db
      .selectFrom('podcast_episodes')
      .select(['show_id', 'slug', 'updated_at'])
      .where('status', '=', 'published')
      .where('published_at', '<=', nowIso())
      .orderBy('id')
      .execute(),
  ])
  const slugOf = new Map(shows.map(s => [s.id, s.slug]))
  return [
    ...shows.map(s => ({ path: `/podcasts/${s.slug}`, lastmod: s.updated_at })),
    ...episodes.map(e => ({ path: `/podcasts/${slugOf.get(e.show_id) ?? ''}/${e.slug}`, lastmod: e.updated_at })),
  ]
}
