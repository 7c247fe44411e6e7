// The spans of a video its transcode blanks (withheld passages of an interview). Changing them
// takes what readers play down in the same write, so no reader is ever served a passage that has
// just been withheld, and queues a transcode that makes outputs without it.
import type { Db } from '../db/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { removeAttempt } from '../platform/storage/attempts.js'
import type { Storage } from '../platform/storage/index.js'
import { nowIso } from '../platform/time.js'
import { findVideoById } from './store.js'
import { enqueueTranscode } from './transcode.js'

/** Sorted spans with overlapping or touching ones merged; refuses spans that are not [start < end] seconds from 0. */
export function normalizeCuts(cuts: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const spans = cuts
    .map(([start, end]): [number, number] => {
      if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end <= start)
        throw new InvalidInput(`A cut must run from a time to a later one, in seconds; got ${start}–${end}.`)
      return [start, end]
    })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Array<[number, number]> = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/**
 * Stores the spans the video's transcode blanks. When they changed, the live outputs are taken
 * down at once (the row stops pointing at them, so pages show the video as processing) and the
 * transcode is queued again; the old live folder is answered for the caller to remove with
 * `removeVideoOutputs` after its commit. Pass the caller's transaction.
 */
export async function setVideoCuts(
  db: Db,
  videoId: number,
  cuts: ReadonlyArray<readonly [number, number]>,
): Promise<{ changed: boolean; removeAfterCommit: string | null }> {
  const video = await findVideoById(db, videoId)
  if (!video) throw new NotFound('video', videoId)
  const next = normalizeCuts(cuts)
  if (JSON.stringify(next) === JSON.stringify(video.cuts)) return { changed: false, removeAfterCommit: null }
  const requeue = !video.masterRefused
  await db
    .updateTable('videos')
    .set({
      cuts: JSON.stringify(next),
      live_prefix: null,
      live_master_key: null,
      renditions: '[]',
      poster_key: null,
      mp4_key: null,
      thumbnails_key: null,
      // The live folder is the caller's to remove; the next run must not count it as its own leftovers.
      ...(video.outputPrefix === video.livePrefix ? { output_prefix: null } : {}),
      ...(requeue ? { status: 'queued' as const, progress: 0, error: null } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', videoId)
    .execute()
  // A refused master stays refused: a new upload, not new cuts, is what it needs.
  if (requeue) await enqueueTranscode(db, videoId)
  return { changed: true, removeAfterCommit: video.livePrefix }
}

/** Removes a transcode's output folder (every file its manifest lists); call after the commit that stopped pointing at it. */
export async function removeVideoOutputs(storage: Storage, prefix: string): Promise<void> {
  await removeAttempt(storage, prefix)
}
