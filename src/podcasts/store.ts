// SQL for podcast episodes: their fields, who may see them and their transcript. Their audio's
// state is in audio-store.ts, shows in show-store.ts, chapters in chapter-store.ts.
import type { Selectable } from 'kysely'
import type { Db } from '../db/index.js'
import { readStoredBody, type BodyDocument } from '../body/index.js'
import { offsetOf, paged, type Paged } from '../platform/pagination.js'
import { nowIso } from '../platform/time.js'
import { newEpisodeGuid } from './guid.js'
import type { AudioStatus, EpisodeStatus, EpisodeType, PodcastEpisodesTable } from './schema.js'
import { syncEpisodeSearch } from './search.js'

/** An episode's editable fields. */
export interface EpisodeFields {
  slug: string
  title: string
  number: number | null
  season: number | null
  episodeType: EpisodeType
  status: EpisodeStatus
  publishedAt: string | null
  summary: string
  showNotes: BodyDocument
}

/** An episode with its audio's state. */
export interface Episode extends EpisodeFields {
  id: number
  showId: number
  guid: string
  audioMasterKey: string | null
  audioStatus: AudioStatus
  audioError: string | null
  audioPrefix: string | null
  durationSeconds: number | null
  mp3Key: string | null
  mp3Bytes: number | null
  m4aKey: string | null
  m4aBytes: number | null
  transcriptKey: string | null
  createdAt: string
  updatedAt: string
}

const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v))

function toEpisode(row: Selectable<PodcastEpisodesTable>): Episode {
  return {
    id: row.id,
    showId: row.show_id,
    slug: row.slug,
    title: row.title,
    number: row.number,
    season: row.season,
    episodeType: row.episode_type,
    status: row.status,
    publishedAt: row.published_at,
    summary: row.summary,
    showNotes: readStoredBody(row.show_notes),
    guid: row.guid,
    audioMasterKey: row.audio_master_key,
    audioStatus: row.audio_status,
    audioError: row.audio_error,
    audioPrefix: row.audio_prefix,
    durationSeconds: numberOrNull(row.duration_seconds),
    mp3Key: row.mp3_key,
    mp3Bytes: numberOrNull(row.mp3_bytes),
    m4aKey: row.m4a_key,
    m4aBytes: numberOrNull(row.m4a_bytes),
    transcriptKey: row.transcript_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function episodeValues(episode: EpisodeFields) {
  return {
    slug: episode.slug,
    title: episode.title,
    number: episode.number,
    season: episode.season,
    episode_type: episode.episodeType,
    status: episode.status,
    published_at: episode.publishedAt,
    summary: episode.summary,
    show_notes: JSON.stringify(episode.showNotes),
  }
}

/** Stores a new episode with a GUID made here, once. */
export async function insertEpisode(db: Db, showId: number, episode: EpisodeFields): Promise<Episode> {
  const now = nowIso()
  const row = await db
    .insertInto('podcast_episodes')
    .values({
      ...episodeValues(episode),
      show_id: showId,
      guid: newEpisodeGuid(),
      audio_status: 'none',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncEpisodeSearch(db, row.id)
  return toEpisode(row)
}

/** Publishes a scheduled episode (its date stays the one it was scheduled for); answers whether it was still scheduled. */
export async function publishScheduled(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('podcast_episodes')
    .set({ status: 'published', updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst()
  await syncEpisodeSearch(db, id)
  return Number(result.numUpdatedRows) > 0
}

/** Changes an episode's fields; its GUID and audio are left as they are. */
export async function updateEpisode(db: Db, id: number, episode: EpisodeFields): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ ...episodeValues(episode), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  // Publishing, unpublishing and edits of a published episode reach search in the same transaction.
  await syncEpisodeSearch(db, id)
}

/** The episode with this id, any status. */
export async function findEpisodeById(db: Db, id: number): Promise<Episode | undefined> {
  const row = await db.selectFrom('podcast_episodes').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toEpisode(row)
}

/** The show's episode at this slug, any status. */
export async function findEpisodeBySlug(db: Db, showId: number, slug: string): Promise<Episode | undefined> {
  const row = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && toEpisode(row)
}

/** The show's episode at this slug when readers may see it: published, and its time has come. */
export async function findPublishedEpisode(db: Db, showId: number, slug: string): Promise<Episode | undefined> {
  const row = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso())
    .executeTakeFirst()
  return row && toEpisode(row)
}

/** Every episode of a show, drafts included, newest first (the newsroom's list). */
export async function listAllEpisodes(db: Db, showId: number): Promise<Episode[]> {
  const rows = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toEpisode)
}

/** One page of a show's public episodes, newest first. */
export async function listPublishedEpisodes(
  db: Db,
  showId: number,
  page: number,
  pageSize: number,
): Promise<Paged<Episode>> {
  const now = nowIso()
  const base = db
    .selectFrom('podcast_episodes')
    .where('show_id', '=', showId)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    base.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return paged(rows.map(toEpisode), page, pageSize, Number(count.n))
}

/** The newest public episodes across every show, newest first: the /podcasts page's latest list. */
export async function listLatestPublishedEpisodes(db: Db, limit: number): Promise<Episode[]> {
  const rows = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso())
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toEpisode)
}

/** What a feed lists: published episodes whose audio is made (a re-run keeps the earlier files playing), newest first. */
export async function listFeedEpisodes(db: Db, showId: number, limit: number): Promise<Episode[]> {
  const rows = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso())
    .where('mp3_key', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toEpisode)
}

/** Scheduled episodes of every show, soonest first (the dashboard's calendar). */
export async function listScheduledEpisodes(db: Db, limit: number): Promise<Episode[]> {
  const rows = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('status', '=', 'scheduled')
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute()
  return rows.map(toEpisode)
}

/** Episodes whose audio is in one of these states, most recently changed first (the dashboard's watch list). */
export async function listEpisodesByAudioStatus(
  db: Db,
  statuses: readonly AudioStatus[],
  limit: number,
): Promise<Episode[]> {
  if (!statuses.length) return []
  const rows = await db
    .selectFrom('podcast_episodes')
    .selectAll()
    .where('audio_status', 'in', [...statuses])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toEpisode)
}

/** How many public episodes each show has, by show id. */
export async function countPublishedEpisodes(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('podcast_episodes')
    .select(['show_id', eb => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso())
    .groupBy('show_id')
    .execute()
  return new Map(rows.map(r => [r.show_id, Number(r.n)]))
}

/** A transcript to record: the key of its stored WebVTT file and what it says as plain text. */
export interface StoredTranscript {
  key: string
  text: string
}

/** Records (or, given null, clears) the episode's transcript and re-indexes it; call inside a transaction. */
export async function replaceEpisodeTranscript(db: Db, id: number, transcript: StoredTranscript | null): Promise<void> {
  await db
    .updateTable('podcast_episodes')
    .set({ transcript_key: transcript?.key ?? null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  await db.deleteFrom('podcast_transcripts').where('episode_id', '=', id).execute()
  if (transcript) await db.insertInto('podcast_transcripts').values({ episode_id: id, text: transcript.text }).execute()
  await syncEpisodeSearch(db, id)
}
