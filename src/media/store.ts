// SQL for stored images.
import { sql } from 'kysely'
import { prepared, type Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { containsPattern } from '../platform/like.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'

/** Formats a variant is made in, best compression first. */
export type VariantFormat = 'avif' | 'webp' | 'jpeg'

/** One resized copy of an image. */
export interface ImageVariant {
  format: VariantFormat
  width: number
  height: number
  storageKey: string
}

/** A stored picture as other parts see it. */
export interface Image {
  id: number
  storageKey: string
  contentType: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  /** Where a crop keeps its centre, 0..1 from the left and from the top. */
  focalX: number
  focalY: number
  /**
   * Resized copies; empty for an image stored before variants (pages then use the original).
   * Frozen and shared between reads of the same stored list (see `parseVariants`).
   */
  variants: readonly ImageVariant[]
}

export interface NewImage {
  storageKey: string
  contentType: string
  width: number
  height: number
  alt: string
  caption?: string | undefined
  credit?: string | undefined
  focalX?: number | undefined
  focalY?: number | undefined
  variants?: ImageVariant[] | undefined
}

type ImageRow = {
  id: number
  storage_key: string
  content_type: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  focal_x: number
  focal_y: number
  variants: string
}

function toImage(row: ImageRow): Image {
  return {
    id: row.id,
    storageKey: row.storage_key,
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    focalX: Number(row.focal_x),
    focalY: Number(row.focal_y),
    variants: parseVariants(row.variants),
  }
}

/**
 * Parsed variant lists by their column's text, at most PARSED_VARIANTS_KEPT, the oldest dropped
 * first. An uncached page shows the same pictures request after request (its hero, the teasers',
 * the authors' and the posters'): each list is parsed once and shared, frozen, so no reader can
 * change another's; the srcsets made from a list are kept with it (media/urls.ts). The key is the
 * stored text itself, so an image whose variants change reads its new list at once.
 */
const parsedVariants = new Map<string, readonly ImageVariant[]>()
const PARSED_VARIANTS_KEPT = 500

function parseVariants(json: string): readonly ImageVariant[] {
  const kept = parsedVariants.get(json)
  if (kept) return kept
  const list = Object.freeze(readVariants(json).map(variant => Object.freeze(variant)))
  if (parsedVariants.size >= PARSED_VARIANTS_KEPT) {
    const oldest = parsedVariants.keys().next()
    if (!oldest.done) parsedVariants.delete(oldest.value)
  }
  parsedVariants.set(json, list)
  return list
}

function readVariants(json: string): ImageVariant[] {
  const value = parseJsonColumn<unknown>(json, [])
  return Array.isArray(value) ? (value as ImageVariant[]) : []
}

/** Records an image whose bytes (and variants' bytes) are already in storage. */
export async function insertImage(db: Db, image: NewImage): Promise<Image> {
  const row = await db
    .insertInto('images')
    .values({
      storage_key: image.storageKey,
      content_type: image.contentType,
      width: image.width,
      height: image.height,
      alt: image.alt,
      caption: image.caption ?? '',
      credit: image.credit ?? '',
      created_at: nowIso(),
      focal_x: image.focalX ?? 0.5,
      focal_y: image.focalY ?? 0.5,
      variants: JSON.stringify(image.variants ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toImage(row)
}

/** Replaces an image's list of variants (after they were made again). */
export async function updateImageVariants(db: Db, id: number, variants: readonly ImageVariant[]): Promise<void> {
  await db
    .updateTable('images')
    .set({ variants: JSON.stringify(variants) })
    .where('id', '=', id)
    .execute()
}

/** Points an image at a new file of the same picture (e.g. the demo's artwork replacing its preview). */
export async function replaceImageFile(
  db: Db,
  id: number,
  file: { storageKey: string; contentType: string; variants: readonly ImageVariant[] },
): Promise<void> {
  await db
    .updateTable('images')
    .set({ storage_key: file.storageKey, content_type: file.contentType, variants: JSON.stringify(file.variants) })
    .where('id', '=', id)
    .execute()
}

const imageRows = prepared((db: Db, ids: readonly number[]) =>
  db.selectFrom('images').selectAll().where('id', 'in', ids),
)

/** Loads many images in one query, keyed by id; missing ids are simply absent. */
export async function findImagesByIds(db: Db, ids: readonly number[]): Promise<Map<number, Image>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await imageRows(db, unique)
  return new Map(rows.map(r => [r.id, toImage(r)]))
}

/** One image by its storage key (what the file route is asked for). */
export async function findImageByKey(db: Db, storageKey: string): Promise<Image | undefined> {
  const row = await db.selectFrom('images').selectAll().where('storage_key', '=', storageKey).executeTakeFirst()
  return row ? toImage(row) : undefined
}

/** Stored images, newest first: the newsroom's image choices. */
export async function listImages(db: Db, limit = 500): Promise<Image[]> {
  const rows = await db.selectFrom('images').selectAll().orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toImage)
}

/** What the newsroom's image library is asked for: words to find, a page, and images to leave out. */
export interface LibraryQuery {
  /** Words that must each appear in the alt text, caption, credit or file name (any case). */
  q?: string | undefined
  page: number
  pageSize: number
  /** Images other parts use as portraits, logos or artwork: not pictures for a story. */
  exclude: readonly number[]
}

/** A library image and the name of the file it was uploaded from ('' for one that never was). */
export interface LibraryImage extends Image {
  filename: string
}

/** Images for the newsroom's picker, newest first, one page of them with the total count. */
export async function listLibraryImages(db: Db, query: LibraryQuery): Promise<Paged<LibraryImage>> {
  let base = db.selectFrom('images')
  if (query.exclude.length > 0) base = base.where('images.id', 'not in', [...new Set(query.exclude)])
  // Every word must be found somewhere; a word may match the file name the upload came with.
  for (const word of (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = containsPattern(word)
    base = base.where(({ or, exists, selectFrom }) =>
      or([
        sql<boolean>`lower(images.alt) like ${pattern} escape '\\'`,
        sql<boolean>`lower(images.caption) like ${pattern} escape '\\'`,
        sql<boolean>`lower(images.credit) like ${pattern} escape '\\'`,
        sql<boolean>`lower(images.storage_key) like ${pattern} escape '\\'`,
        exists(
          selectFrom('uploads')
            .select('uploads.id')
            .whereRef('uploads.image_id', '=', 'images.id')
            .where(sql<boolean>`lower(uploads.filename) like ${pattern} escape '\\'`),
        ),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('images')
      .select(eb =>
        eb
          .selectFrom('uploads')
          .select('uploads.filename')
          .whereRef('uploads.image_id', '=', 'images.id')
          .limit(1)
          .as('filename'),
      )
      .orderBy('images.id', 'desc')
      .limit(query.pageSize)
      .offset(offsetOf(query.page, query.pageSize))
      .execute(),
    base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return paged(
    rows.map(row => ({ ...toImage(row), filename: row.filename ?? '' })),
    query.page,
    query.pageSize,
    Number(count.n),
  )
}
