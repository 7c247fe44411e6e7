// SQL for videos: the row behind a film or a recording, from its master to its live outputs
// (captions and chapters have their own stores: caption-store.ts, chapter-store.ts).
import type { Selectable } from 'kysely'
import type { Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { nowIso } from '../platform/time.js'
import { scheduleReplacedFilesRemoval } from './replaced-files.js'
import type { VideoStatus, VideosTable } from './schema.js'

/** One rung of the HLS ladder as made. */
export interface Rendition {
  height: number
  width: number
  /** Peak bits per second, as the master playlist says. */
  bandwidth: number
  /** The rendition's media playlist, under the video's output folder. */
  playlistKey: string
}

/** A film as the rest of the part sees it. */
export interface Video {
  id: number
  /** The owner: exactly one of a documentary and an interview. */
  documentaryId: number | null
  interviewId: number | null
  masterKey: string
  status: VideoStatus
  progress: number
  error: string | null
  durationSeconds: number | null
  width: number | null
  height: number | null
  /** The folder the latest transcode attempt writes to. */
  outputPrefix: string | null
  /** The folder readers play, null until a first transcode is ready. A new master never changes it before its own is. */
  livePrefix: string | null
  /** The master behind what readers play. */
  liveMasterKey: string | null
  /** The master was refused for what it holds (cut short, damaged): retrying cannot help, uploading again can. */
  masterRefused: boolean
  renditions: Rendition[]
  posterKey: string | null
  mp4Key: string | null
  thumbnailsKey: string | null
  /** Spans ([start, end] seconds, sorted, not overlapping) every output blanks to black and silence: withheld passages. */
  cuts: Array<[number, number]>
  updatedAt: string
}

function toVideo(row: Selectable<VideosTable>): Video {
  return {
    id: row.id,
    documentaryId: row.documentary_id,
    interviewId: row.interview_id,
    masterKey: row.master_key,
    status: row.status,
    progress: Number(row.progress),
    error: row.error,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    width: row.width,
    height: row.height,
    outputPrefix: row.output_prefix,
    livePrefix: row.live_prefix,
    liveMasterKey: row.live_master_key,
    masterRefused: Number(row.master_refused) === 1,
    renditions: parseJsonColumn<Rendition[]>(row.renditions, []),
    posterKey: row.poster_key,
    mp4Key: row.mp4_key,
    thumbnailsKey: row.thumbnails_key,
    cuts: parseJsonColumn<Array<[number, number]>>(row.cuts, []),
    updatedAt: row.updated_at,
  }
}

/** Whose video it is: a documentary's film or an interview's recording. */
export type VideoOwner = { documentaryId: number } | { interviewId: number }

function ownerColumn(owner: VideoOwner): ['documentary_id' | 'interview_id', number] {
  return 'documentaryId' in owner ? ['documentary_id', owner.documentaryId] : ['interview_id', owner.interviewId]
}

/**
 * Creates the owner's video row (queued), or points an existing one at a new master and
 * queues it again. What readers play (the live outputs) stays until the new master's are ready.
 */
export async function upsertOwnedVideo(db: Db, owner: VideoOwner, masterKey: string): Promise<Video> {
  const now = nowIso()
  const [column, ownerId] = ownerColumn(owner)
  const existing = await db
    .selectFrom('videos')
    .select(['id', 'master_key', 'live_master_key'])
    .where(column, '=', ownerId)
    .executeTakeFirst()
  // A master that never went live and is now replaced is of no use (a live one goes when its successor is live).
  if (existing && existing.master_key !== masterKey && existing.master_key !== existing.live_master_key)
    await scheduleReplacedFilesRemoval(db, { masterKeys: [existing.master_key], prefixes: [] })
  if (existing) {
    await db
      .updateTable('videos')
      .set({ master_key: masterKey, master_refused: 0, status: 'queued', progress: 0, error: null, updated_at: now })
      .where('id', '=', existing.id)
      .execute()
  } else {
    await db
      .insertInto('videos')
      .values({
        [column]: ownerId,
        master_key: masterKey,
        status: 'queued',
        progress: 0,
        renditions: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute()
  }
  const row = await db.selectFrom('videos').selectAll().where(column, '=', ownerId).executeTakeFirstOrThrow()
  return toVideo(row)
}

/** The documentary's film: see `upsertOwnedVideo`. */
export function upsertVideo(db: Db, documentaryId: number, masterKey: string): Promise<Video> {
  return upsertOwnedVideo(db, { documentaryId }, masterKey)
}

/** The interview's recording: see `upsertOwnedVideo`. The caller enqueues its transcode in the same transaction. */
export function upsertInterviewVideo(db: Db, interviewId: number, masterKey: string): Promise<Video> {
  return upsertOwnedVideo(db, { interviewId }, masterKey)
}

/** The video with this id. */
export async function findVideoById(db: Db, id: number): Promise<Video | undefined> {
  const row = await db.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toVideo(row)
}

/** The documentary's video. */
export async function findVideoByDocumentary(db: Db, documentaryId: number): Promise<Video | undefined> {
  const row = await db.selectFrom('videos').selectAll().where('documentary_id', '=', documentaryId).executeTakeFirst()
  return row && toVideo(row)
}

/** The interview's recording. */
export async function findVideoByInterview(db: Db, interviewId: number): Promise<Video | undefined> {
  const row = await db.selectFrom('videos').selectAll().where('interview_id', '=', interviewId).executeTakeFirst()
  return row && toVideo(row)
}

/** The recordings of these interviews, keyed by interview id, in one query (a story quoting several). */
export async function findVideosByInterviews(db: Db, interviewIds: readonly number[]): Promise<Map<number, Video>> {
  if (interviewIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('videos')
    .selectAll()
    .where('interview_id', 'in', [...interviewIds])
    .execute()
  return new Map(rows.map(row => [Number(row.interview_id), toVideo(row)]))
}

/** Films in one of these states, most recently changed first (the dashboard's watch list). */
export async function listVideosByStatus(db: Db, statuses: readonly VideoStatus[], limit: number): Promise<Video[]> {
  if (!statuses.length) return []
  const rows = await db
    .selectFrom('videos')
    .selectAll()
    .where('status', 'in', [...statuses])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toVideo)
}

/** Marks a transcode attempt as started, writing to this attempt's folder. Readers keep playing the live outputs. */
export async function markProcessing(db: Db, id: number, outputPrefix: string): Promise<void> {
  await db
    .updateTable('videos')
    .set({ status: 'processing', progress: 0, error: null, output_prefix: outputPrefix, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '!=', 'ready')
    .execute()
}

/** Records how far the transcode is (0..1). */
export async function setProgress(db: Db, id: number, progress: number): Promise<void> {
  await db
    .updateTable('videos')
    .set({ progress: Math.min(1, Math.max(0, progress)), updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'processing')
    .execute()
}

/** What a finished transcode made. */
export interface TranscodeOutputs {
  outputPrefix: string
  /** The master these outputs were made from. */
  masterKey: string
  /** The spans they blank; the row must still ask for exactly these. */
  cuts: Array<[number, number]>
  durationSeconds: number
  width: number
  height: number
  renditions: Rendition[]
  posterKey: string
  mp4Key: string
  thumbnailsKey: string | null
}

/**
 * Switches the video to ready and readers to the new outputs, every key in one update. Answers
 * false, changing nothing, when the row has since moved on to another master or other cuts: the
 * outputs are stale (they may show a passage withheld while they were made) and a re-armed run
 * makes the right ones.
 */
export async function markReady(db: Db, id: number, out: TranscodeOutputs): Promise<boolean> {
  const result = await db
    .updateTable('videos')
    .set({
      status: 'ready',
      progress: 1,
      error: null,
      master_refused: 0,
      output_prefix: out.outputPrefix,
      live_prefix: out.outputPrefix,
      live_master_key: out.masterKey,
      duration_seconds: out.durationSeconds,
      width: out.width,
      height: out.height,
      renditions: JSON.stringify(out.renditions),
      poster_key: out.posterKey,
      mp4_key: out.mp4Key,
      thumbnails_key: out.thumbnailsKey,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('master_key', '=', out.masterKey)
    .where('cuts', '=', JSON.stringify(out.cuts))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A run's master and cuts: a run's outcome is written only while the row still asks for them. */
type RunOf = Pick<Video, 'masterKey' | 'cuts'>

/** Marks the video failed with the reason a person can read (unless, given `run`, the row has moved on from it). */
export async function markFailed(db: Db, id: number, reason: string, run?: RunOf): Promise<void> {
  let update = db
    .updateTable('videos')
    .set({ status: 'failed', error: reason, updated_at: nowIso() })
    .where('id', '=', id)
  if (run) update = update.where('master_key', '=', run.masterKey).where('cuts', '=', JSON.stringify(run.cuts))
  await update.execute()
}

/** Marks the master refused for what it holds, with the reason; the live outputs stay as they are. Given `run`, only that master. */
export async function markRefused(db: Db, id: number, reason: string, run?: Pick<Video, 'masterKey'>): Promise<void> {
  let update = db
    .updateTable('videos')
    .set({ status: 'failed', master_refused: 1, progress: 0, error: reason, updated_at: nowIso() })
    .where('id', '=', id)
  if (run) update = update.where('master_key', '=', run.masterKey)
  await update.execute()
}

/** Queues a video again (for a retry). */
export async function markQueued(db: Db, id: number): Promise<void> {
  await db
    .updateTable('videos')
    .set({ status: 'queued', progress: 0, error: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}
