// The shell every media job runs its work in (the video transcode for documentaries and
// interviews, the podcast audio job): one shared module, so the jobs differ only in what they
// make. Each run writes to a fresh attempt folder (`<root>/<random>`) and a scratch folder of its
// own; what an unfinished earlier run uploaded goes first, never the folder readers play from
// (see platform/storage/attempts.ts). A failure is recorded with the reason a person reads,
// unless this worker lost its lease (another may own the row now) or the input was refused
// for what it holds (`InvalidInput`: three attempts would say the same thing).
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { InvalidInput } from '../../platform/errors.js'
import type { JobLog } from '../../platform/jobs/index.js'
import { removeAttempt, writeAttemptManifest } from '../../platform/storage/attempts.js'
import type { Storage } from '../../platform/storage/index.js'

/** One run of a media job. */
export interface MediaAttempt {
  storage: Storage
  /** Where attempt folders go, e.g. `videos/3`. */
  root: string
  /** An earlier run's folder that never went live, removed first; null when there is none. */
  leftover: string | null
  signal: AbortSignal
  /** Records that this run started, writing to `prefix`. */
  markProcessing(prefix: string): Promise<void>
  /** Records that it failed, with the reason a person reads. */
  markFailed(reason: string): Promise<void>
  /** Records an input refused for what it holds; without it, a refusal is a failure like any other. */
  refuse?: ((reason: string) => Promise<void>) | undefined
  /** The work: make the outputs in `work` (removed after), upload them under `prefix`, switch the row. */
  run(prefix: string, work: string): Promise<void>
}

/** Runs one attempt in its own output and scratch folders, recording a failure on the row. */
export async function runMediaAttempt(o: MediaAttempt): Promise<void> {
  if (o.leftover) await removeAttempt(o.storage, o.leftover)
  const prefix = `${o.root}/${randomBytes(6).toString('hex')}`
  await o.markProcessing(prefix)
  const work = await mkdtemp(join(tmpdir(), `newsreel-${o.root.replaceAll('/', '-')}-`))
  try {
    await o.run(prefix, work)
  } catch (error) {
    // A lost lease means another worker may own the row now: leave it alone.
    if (o.signal.aborted) throw error
    if (o.refuse && error instanceof InvalidInput) return o.refuse(error.message)
    await o.markFailed(error instanceof Error ? error.message : String(error))
    throw error
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Uploads every file of a folder under `prefix`; the list of files goes first so a later attempt can clean up. */
export async function uploadAttemptFolder(storage: Storage, dir: string, prefix: string): Promise<void> {
  const files = await listFiles(dir)
  await writeAttemptManifest(storage, prefix, files)
  // Copied by the store, never read whole: a film's MP4 is megabytes, and every large buffer a
  // long-running server frees raises glibc's threshold for handing memory back (a first start
  // idled 50 MB higher).
  for (const file of files) await storage.copyIn(`${prefix}/${file}`, join(dir, file))
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory() ? listFiles(join(dir, e.name), root) : Promise.resolve([relative(root, join(dir, e.name))]),
    ),
  )
  return nested.flat().sort()
}

/**
 * A reporter for ffmpeg's progress (seconds done of `duration`), mapped into `span` of the bar,
 * written at most once a second (writes queue, never overlap) and logged with `fields`.
 */
export function progressReporter(
  o: { write(progress: number): Promise<void>; log?: JobLog | undefined; fields: object; message: string },
  duration: number,
  span: readonly [number, number],
): (seconds: number) => void {
  let last = 0
  let writing: Promise<void> = Promise.resolve()
  return seconds => {
    const now = Date.now()
    if (now - last < 1000) return
    last = now
    const progress = span[0] + (span[1] - span[0]) * Math.min(1, seconds / duration)
    o.log?.info({ ...o.fields, progress: Number(progress.toFixed(3)) }, o.message)
    writing = writing.then(() => o.write(progress)).catch(() => {})
  }
}
