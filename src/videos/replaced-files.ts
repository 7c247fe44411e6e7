// The files a video leaves behind when they are replaced: a master superseded by a new upload, and
// the folder readers played before a new master's outputs went live. Each is removed by a job a
// quarter of an hour later, not at once: a reader mid-film keeps fetching segments from the old
// folder, and a CDN may serve a page naming it for up to its ten minutes (SURROGATE_CONTROL).
// The job checks again that no video names the file before it removes anything.
import type { Db } from '../db/index.js'
import { enqueueJob, type JobHandler } from '../platform/jobs/index.js'
import { removeAttempt } from '../platform/storage/attempts.js'
import type { Storage } from '../platform/storage/index.js'
import { forgetUploadOfKey } from '../media/index.js'

/** The job kind that removes replaced video files; payload `{ masterKeys, prefixes }`. */
export const REMOVE_REPLACED_VIDEO_FILES_JOB = 'remove-replaced-video-files'

/** How long replaced files stay: longer than a CDN keeps a page that names them. */
export const REPLACED_FILES_KEPT_MS = 15 * 60_000

/** What a replacement leaves behind. */
export interface ReplacedFiles {
  masterKeys: string[]
  prefixes: string[]
}

/** Queues the removal of `files` a quarter of an hour from now; pass the transaction that replaced them. */
export async function scheduleReplacedFilesRemoval(db: Db, files: ReplacedFiles): Promise<void> {
  const masterKeys = files.masterKeys.filter(Boolean)
  const prefixes = files.prefixes.filter(Boolean)
  if (masterKeys.length === 0 && prefixes.length === 0) return
  await enqueueJob(db, {
    kind: REMOVE_REPLACED_VIDEO_FILES_JOB,
    payload: { masterKeys, prefixes },
    runAt: new Date(Date.now() + REPLACED_FILES_KEPT_MS),
    maxAttempts: 3,
  })
}

/** The job handler: removes each file no video names any more (a master taken back into use stays). */
export function createReplacedFilesHandler(deps: { db: Db; storage: Storage }): JobHandler {
  return async payload => {
    const { masterKeys, prefixes } = readPayload(payload)
    for (const key of masterKeys) {
      const named = await deps.db
        .selectFrom('videos')
        .select('id')
        .where(eb => eb.or([eb('master_key', '=', key), eb('live_master_key', '=', key)]))
        .executeTakeFirst()
      if (named) continue
      await forgetUploadOfKey(deps.db, key)
      await deps.storage.remove(key).catch(() => {})
    }
    for (const prefix of prefixes) {
      const named = await deps.db
        .selectFrom('videos')
        .select('id')
        .where(eb => eb.or([eb('live_prefix', '=', prefix), eb('output_prefix', '=', prefix)]))
        .executeTakeFirst()
      // The folder's manifest lists its files: nothing else under the prefix is touched.
      if (!named) await removeAttempt(deps.storage, prefix)
    }
  }
}

function readPayload(payload: unknown): ReplacedFiles {
  const { masterKeys, prefixes } = (payload ?? {}) as { masterKeys?: unknown; prefixes?: unknown }
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []
  return { masterKeys: strings(masterKeys), prefixes: strings(prefixes) }
}
