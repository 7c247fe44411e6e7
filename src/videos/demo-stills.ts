// The pictures a demo film is cut from: the demo newsroom's own landscapes, read from storage.
// A film opens on the pictures of the stories that point to it and fills up with the rest of the
// newsroom's landscapes (the heroes the seed stored under images/demo/), rotated per film so two
// films don't open alike. Seeding may hand the keys in the job's payload instead; with none in
// storage yet (artwork still being made), the film falls back to drawn skies (demo-sky.ts).
import { sql } from 'kysely'
import type { Db } from '../db/index.js'
import type { Storage } from '../platform/storage/index.js'

/** How many pictures a film is cut from at most. */
export const MAX_STILLS = 8

/**
 * The storage keys of a demo film's landscape pictures: `given` (from the job's payload) when
 * present, else the pictures of the stories about the documentary, then the other demo landscapes.
 */
export async function demoStillKeys(
  db: Db,
  documentaryId: number | null,
  index: number,
  given?: readonly string[],
): Promise<string[]> {
  if (given && given.length > 0) return given.slice(0, MAX_STILLS)
  // Raw reads of the stories' and images' tables: a demo-only look-up that must not make this
  // part import its owners (documentaries and stories import videos).
  const own =
    documentaryId === null
      ? []
      : await db
          .selectFrom('story_documentaries as sd')
          .innerJoin('stories as s', 's.id', 'sd.story_id')
          .innerJoin('images as i', 'i.id', 's.hero_image_id')
          .select('i.storage_key as key')
          .where('sd.documentary_id', '=', documentaryId)
          .where(sql<boolean>`i.width > i.height`)
          .orderBy('s.id')
          .execute()
  const all = await db
    .selectFrom('images')
    .select('storage_key as key')
    .where('storage_key', 'like', 'images/demo/hero-%')
    .where(sql<boolean>`width > height`)
    .orderBy('id')
    .execute()
  const keys = own.map(r => r.key)
  const rest = all.map(r => r.key).filter(k => !keys.includes(k))
  const shift = rest.length > 0 ? (index * 5) % rest.length : 0
  keys.push(...rest.slice(shift), ...rest.slice(0, shift))
  return keys.slice(0, MAX_STILLS)
}

/** Reads the pictures that are in storage (a missing one is skipped). */
export async function readStills(storage: Storage, keys: readonly string[]): Promise<Buffer[]> {
  const found: Buffer[] = []
  for (const key of keys) {
    if (!(await storage.stat(key))) continue
    const chunks: Buffer[] = []
    for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer)
    found.push(Buffer.concat(chunks))
  }
  return found
}
