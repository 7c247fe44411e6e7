// SQL for a video's captions: one WebVTT file per language. Apart from store.ts because captions
// are their own table, written by the newsroom's captions forms rather than by the transcode.
import type { Db } from '../db/index.js'

/** A captions track as stored. */
export interface VideoCaptions {
  lang: string
  label: string
  storageKey: string
}

/** Adds or replaces the captions of one language. */
export async function saveCaptions(db: Db, videoId: number, captions: VideoCaptions): Promise<void> {
  await db.deleteFrom('video_captions').where('video_id', '=', videoId).where('lang', '=', captions.lang).execute()
  await db
    .insertInto('video_captions')
    .values({ video_id: videoId, lang: captions.lang, label: captions.label, storage_key: captions.storageKey })
    .execute()
}

/** The video's captions, by language. */
export async function listCaptions(db: Db, videoId: number): Promise<VideoCaptions[]> {
  const rows = await db
    .selectFrom('video_captions')
    .select(['lang', 'label', 'storage_key'])
    .where('video_id', '=', videoId)
    .orderBy('id')
    .execute()
  return rows.map(r => ({ lang: r.lang, label: r.label, storageKey: r.storage_key }))
}

/** Removes the captions of one language; answers whether there were any. */
export async function deleteCaptions(db: Db, videoId: number, lang: string): Promise<boolean> {
  const result = await db
    .deleteFrom('video_captions')
    .where('video_id', '=', videoId)
    .where('lang', '=', lang)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
