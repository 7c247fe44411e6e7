// SQL for a video's chapters: titled start times, replaced whole on each save. Apart from
// store.ts because chapters are their own table, typed by the newsroom rather than made by the transcode.
import type { Db } from '../db/index.js'

/** A chapter as stored. */
export interface VideoChapter {
  startSeconds: number
  title: string
}

/** Replaces the video's chapters; call inside a transaction. */
export async function replaceChapters(db: Db, videoId: number, chapters: readonly VideoChapter[]): Promise<void> {
  await db.deleteFrom('video_chapters').where('video_id', '=', videoId).execute()
  if (chapters.length === 0) return
  await db
    .insertInto('video_chapters')
    .values(chapters.map(c => ({ video_id: videoId, start_seconds: c.startSeconds, title: c.title })))
    .execute()
}

/** The video's chapters in order. */
export async function listChapters(db: Db, videoId: number): Promise<VideoChapter[]> {
  const rows = await db
    .selectFrom('video_chapters')
    .select(['start_seconds', 'title'])
    .where('video_id', '=', videoId)
    .orderBy('start_seconds')
    .execute()
  return rows.map(r => ({ startSeconds: Number(r.start_seconds), title: r.title }))
}
