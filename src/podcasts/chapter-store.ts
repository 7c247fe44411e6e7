// SQL for episode chapters: titled start times, replaced whole on each save.
import type { Db } from '../db/index.js'

/** A chapter as stored. */
export interface EpisodeChapter {
  startSeconds: number
  title: string
}

/** Replaces the episode's chapters; call inside a transaction. */
export async function replaceEpisodeChapters(
  db: Db,
  episodeId: number,
  chapters: readonly EpisodeChapter[],
): Promise<void> {
  await db.deleteFrom('podcast_chapters').where('episode_id', '=', episodeId).execute()
  if (chapters.length === 0) return
  await db
    .insertInto('podcast_chapters')
    .values(chapters.map(c => ({ episode_id: episodeId, start_seconds: c.startSeconds, title: c.title })))
    .execute()
}

/** The episode's chapters in order. */
export async function listEpisodeChapters(db: Db, episodeId: number): Promise<EpisodeChapter[]> {
  const rows = await db
    .selectFrom('podcast_chapters')
    .select(['start_seconds', 'title'])
    .where('episode_id', '=', episodeId)
    .orderBy('start_seconds')
    .execute()
  return rows.map(r => ({ startSeconds: Number(r.start_seconds), title: r.title }))
}

/** The chapters of several episodes, by episode id, in order (one query for a whole feed). */
export async function listChaptersOfEpisodes(
  db: Db,
  episodeIds: readonly number[],
): Promise<Map<number, EpisodeChapter[]>> {
  const out = new Map<number, EpisodeChapter[]>()
  if (episodeIds.length === 0) return out
  const rows = await db
    .selectFrom('podcast_chapters')
    .select(['episode_id', 'start_seconds', 'title'])
    .where('episode_id', 'in', [...episodeIds])
    .orderBy('episode_id')
    .orderBy('start_seconds')
    .execute()
  for (const r of rows) {
    const list = out.get(r.episode_id) ?? []
    list.push({ startSeconds: Number(r.start_seconds), title: r.title })
    out.set(r.episode_id, list)
  }
  return out
}
