// The transcode job: master → HLS ladder, progressive MP4, poster and thumbnail sprite.
// The master is decoded whole in the same ffmpeg run as the ladder: one cut short or damaged is
// refused with the reason, never retried, and nothing made from it goes live. Each attempt
// writes to its own folder and switches the row (and readers) to it in one update at the end, so
// a run killed mid-way leaves the film "processing", readers keep the film they had, and the
// next run starts clean.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '../db/index.js'
import type { ContentEvents } from '../platform/events.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { enqueueJob, type JobContext, type JobHandler, type JobLog } from '../platform/jobs/index.js'
import { withLocalCopy, type Storage } from '../platform/storage/index.js'
import { removeAttempt } from '../platform/storage/attempts.js'
import { DECODE_OUTPUT, probeVideo, runCheckingDecode, runFfmpeg } from '../platform/ffmpeg.js'
import { forgetUploadOfKey, progressReporter, runMediaAttempt, uploadAttemptFolder } from '../media/index.js'
import {
  planLadder,
  planSprite,
  posterArgs,
  transcodeArgs,
  mp4Args,
  canCopyVideo,
  type EncoderPreset,
} from './ladder.js'
import { masterPlaylist, measureBandwidth, thumbnailsVtt } from './playlists.js'
import { scheduleReplacedFilesRemoval } from './replaced-files.js'
import {
  findVideoById,
  markFailed,
  markProcessing,
  markQueued,
  markReady,
  markRefused,
  setProgress,
  type Rendition,
  type Video,
} from './store.js'

/** The job kind that transcodes a video; payload `{ videoId }`. */
export const TRANSCODE_JOB = 'transcode-video'

/**
 * What a video's owner does when the job changes its video. Wired in core.ts: videos/ imports
 * neither documentaries/ nor interviews/, so both can import videos/.
 */
export interface VideoOwnerHooks {
  /** Inside the transaction that makes new outputs live (a documentary takes its runtime from the file). */
  onReady?: ((trx: Db, ownerId: number, durationSeconds: number) => Promise<void>) | undefined
  /** The cache tags of the owner's pages, announced after the video changed. */
  tags(ownerId: number): string[]
}

/** The hooks of each kind of owner. */
export interface VideoOwners {
  documentary: VideoOwnerHooks
  interview: VideoOwnerHooks
}

/** What the transcode job needs. */
export interface TranscodeDeps {
  db: Db
  storage: Storage
  events: ContentEvents
  owners: VideoOwners
  log?: JobLog
}

/** The video's owner's hooks and id. */
function ownerOf(owners: VideoOwners, video: Video): { hooks: VideoOwnerHooks; id: number } {
  if (video.documentaryId !== null) return { hooks: owners.documentary, id: video.documentaryId }
  if (video.interviewId !== null) return { hooks: owners.interview, id: video.interviewId }
  throw new Error(`video ${video.id} has no owner`)
}

/** Queues (or re-arms) the transcode of a video; pass a transaction to commit it with the write that asked. */
export async function enqueueTranscode(
  db: Db,
  videoId: number,
  options: { preset?: EncoderPreset; madeAtRung?: boolean } = {},
): Promise<void> {
  // Three attempts: a worker killed mid-run gets its job back at least once more.
  await enqueueJob(db, {
    kind: TRANSCODE_JOB,
    // `preset`: the demo's generated films ask for x264's fastest (see EncoderPreset); `madeAtRung`:
    // their masters are encoded at the lowest rung's settings, so the pictures are copied (canCopyVideo).
    // A retry uses the defaults.
    payload: {
      videoId,
      ...(options.preset ? { preset: options.preset } : {}),
      ...(options.madeAtRung ? { madeAtRung: true } : {}),
    },
    uniqueKey: `${TRANSCODE_JOB}:${videoId}`,
    maxAttempts: 3,
  })
}

/**
 * Queues a failed (or any) video's transcode again; a refused master is refused again. Pass a
 * transaction, so the status and the job commit together; call the runner's `wake()` after.
 */
export async function retryVideo(db: Db, videoId: number): Promise<void> {
  const video = await findVideoById(db, videoId)
  if (!video) throw new NotFound('video', videoId)
  if (video.masterRefused)
    throw new InvalidInput(
      'This file was refused for what it holds; trying again gives the same answer. Upload the film again from the original.',
    )
  await markQueued(db, videoId)
  await enqueueTranscode(db, videoId)
}

/** The job handler for `transcode-video`. */
export function createTranscodeHandler(deps: TranscodeDeps): JobHandler {
  return async (payload, ctx) => {
    const { videoId, preset, madeAtRung } = (payload ?? {}) as {
      videoId?: unknown
      preset?: unknown
      madeAtRung?: unknown
    }
    if (typeof videoId !== 'number' || !Number.isInteger(videoId))
      throw new Error(`transcode-video: bad payload ${JSON.stringify(payload)}`)
    const video = await findVideoById(deps.db, videoId)
    // Gone, or already done by an earlier delivery of this job.
    if (!video || video.status === 'ready') return
    await transcodeVideo(deps, video, ctx, {
      preset: preset === 'ultrafast' ? 'ultrafast' : 'veryfast',
      madeAtRung: madeAtRung === true,
    })
  }
}

/** How a transcode encodes: x264's preset, and whether the master says it was made at its one rung's settings. */
interface EncodeChoice {
  preset: EncoderPreset
  madeAtRung: boolean
}

async function transcodeVideo(deps: TranscodeDeps, video: Video, ctx: JobContext, choice: EncodeChoice): Promise<void> {
  const { db, storage } = deps
  await runMediaAttempt({
    storage,
    root: `videos/${video.id}`,
    signal: ctx.signal,
    // An unfinished attempt's files go; the folder readers play from stays.
    leftover: video.outputPrefix && video.outputPrefix !== video.livePrefix ? video.outputPrefix : null,
    markProcessing: prefix => markProcessing(db, video.id, prefix),
    // A run outdated by a new master or new cuts leaves the row to the run that replaces it.
    markFailed: reason => markFailed(db, video.id, reason, video),
    refuse: reason => refuseMaster(deps, video, reason),
    run: async (prefix, work) => {
      const outputs = await makeOutputs({ ...deps, video, prefix, work, signal: ctx.signal, choice })
      const owner = ownerOf(deps.owners, video)
      const current = await db.transaction().execute(async trx => {
        const before = await findVideoById(trx, video.id)
        const switched = await markReady(trx, video.id, outputs)
        if (!switched) return false
        await owner.hooks.onReady?.(trx, owner.id, outputs.durationSeconds)
        // What readers played until now goes a quarter of an hour later (see replaced-files.ts).
        await scheduleReplacedFilesRemoval(trx, {
          masterKeys: before?.liveMasterKey && before.liveMasterKey !== outputs.masterKey ? [before.liveMasterKey] : [],
          prefixes: before?.livePrefix && before.livePrefix !== prefix ? [before.livePrefix] : [],
        })
        return true
      })
      if (!current) {
        // A new master or new cuts arrived while this run worked: its outputs never go live.
        await removeAttempt(storage, prefix)
        deps.log?.info({ videoId: video.id, prefix }, 'video outputs stale; a newer run makes them')
        return
      }
      deps.log?.info({ videoId: video.id, prefix }, 'video ready')
      deps.events.emit({ tags: owner.hooks.tags(owner.id) })
    },
  })
}

async function makeOutputs(
  o: TranscodeDeps & { video: Video; prefix: string; work: string; signal: AbortSignal; choice: EncodeChoice },
) {
  const out = join(o.work, 'out')
  // ffmpeg reads the master where it is stored when that is on this machine (no copy of a 20 GB file).
  const { source, ladder, sprite } = await withLocalCopy(o.storage, o.video.masterKey, async input => {
    const source = await probeVideo(input, o.signal)
    const ladder = planLadder(source)
    const sprite = planSprite(source)
    for (const r of ladder) await mkdir(join(out, r.name), { recursive: true })
    const copy = canCopyVideo(source, ladder, o.video.cuts, o.choice.madeAtRung)
    const args = transcodeArgs(input, source, ladder, sprite, {
      cuts: o.video.cuts,
      preset: o.choice.preset,
      copyVideo: copy,
      firstOutput: DECODE_OUTPUT,
    })
    // The pass also decodes the whole file for the check (a probe reads only the header, which a
    // file cut off in transfer keeps intact); a bad master is refused once the pass ends, before
    // anything else is made, and its outputs stay in the work folder.
    await runCheckingDecode(input, args, source, {
      cwd: out,
      signal: o.signal,
      onTime: progressReporter(progressOf(o), source.durationSeconds, [0, 0.99]),
    })
    await runFfmpeg(mp4Args(ladder[0]!), { cwd: out, signal: o.signal })
    await runFfmpeg(posterArgs(input, source, ladder[ladder.length - 1] ?? ladder[0]!, o.video.cuts), {
      cwd: out,
      signal: o.signal,
    })
    return { source, ladder, sprite }
  })

  const measured = await Promise.all(
    ladder.map(async r => {
      const playlist = await readFile(join(out, r.name, 'index.m3u8'), 'utf8')
      const sizes = new Map<string, number>()
      for (const name of await readdir(join(out, r.name))) sizes.set(name, (await stat(join(out, r.name, name))).size)
      const { peak, average } = measureBandwidth(playlist, uri => sizes.get(uri) ?? 0)
      // BANDWIDTH counts audio too; never claim less than the encoder's ceiling.
      return { ...r, bandwidth: Math.max(peak, average), averageBandwidth: average }
    }),
  )
  await writeFile(join(out, 'master.m3u8'), masterPlaylist(measured))
  await writeFile(join(out, 'thumbnails.vtt'), thumbnailsVtt(sprite, source.durationSeconds, 'sprite.jpg'))
  await uploadAttemptFolder(o.storage, out, o.prefix)

  const renditions: Rendition[] = measured.map(r => ({
    height: r.height,
    width: r.width,
    bandwidth: r.bandwidth,
    playlistKey: `${o.prefix}/${r.name}/index.m3u8`,
  }))
  const top = measured[measured.length - 1] ?? measured[0]!
  return {
    outputPrefix: o.prefix,
    masterKey: o.video.masterKey,
    cuts: o.video.cuts,
    durationSeconds: source.durationSeconds,
    width: top.width,
    height: top.height,
    renditions,
    posterKey: `${o.prefix}/poster.jpg`,
    mp4Key: `${o.prefix}/film.mp4`,
    thumbnailsKey: `${o.prefix}/thumbnails.vtt`,
  }
}

/** Records a refused master: the editor reads why on the film page, readers keep the film they had, and the file goes. */
async function refuseMaster(deps: TranscodeDeps, video: Video, reason: string): Promise<void> {
  await deps.db.transaction().execute(async trx => {
    await markRefused(trx, video.id, reason, video)
    // The upload cannot be attached again: nothing in it is of use.
    if (video.masterKey !== video.liveMasterKey) await forgetUploadOfKey(trx, video.masterKey)
  })
  if (video.masterKey !== video.liveMasterKey) await deps.storage.remove(video.masterKey).catch(() => {})
  deps.log?.warn({ videoId: video.id, reason }, 'video master refused')
  const owner = ownerOf(deps.owners, video)
  deps.events.emit({ tags: owner.hooks.tags(owner.id) })
}

/** Where the transcode's progress goes: the row (the film page's bar) and the log. */
function progressOf(o: TranscodeDeps & { video: Video }) {
  return {
    write: (progress: number) => setProgress(o.db, o.video.id, progress),
    log: o.log,
    fields: { videoId: o.video.id },
    message: 'transcoding video',
  }
}
