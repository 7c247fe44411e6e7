// The audio job: an uploaded master → loudness-normalised MP3 and AAC (.m4a). Loudness follows
// EBU R128's podcast target (-16 LUFS integrated, -1.5 dBTP, LRA 11) in two passes: the first
// measures, the second applies the measured values linearly, so the sound is not pumped by a
// dynamic compressor. Each attempt writes to its own folder; the row switches to ready with
// every key, size and the measured duration in one update at the end.
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '../db/index.js'
import type { ContentEvents } from '../platform/events.js'
import { enqueueJob, type JobContext, type JobHandler, type JobLog } from '../platform/jobs/index.js'
import { withLocalCopy, type Storage } from '../platform/storage/index.js'
import { runMediaAttempt, uploadAttemptFolder } from '../media/index.js'
import { checkDecodes, probeAudio, runFfmpeg, runFfmpegForLog } from '../platform/ffmpeg.js'
import { episodeTags } from './tags.js'
import { markAudioFailed, markAudioProcessing, markAudioReady, type AudioOutputs } from './audio-store.js'
import { findEpisodeById, type Episode } from './store.js'

/** The job kind that makes an episode's audio; payload `{ episodeId }`. */
export const AUDIO_JOB = 'podcast-audio'

/** The loudness an episode is normalised to (EBU R128 as podcast platforms ask it). */
export const LOUDNESS_TARGET = { integrated: -16, truePeak: -1.5, range: 11 }

/** What the audio job needs. */
export interface AudioDeps {
  db: Db
  storage: Storage
  events: ContentEvents
  log?: JobLog
}

/** Queues (or re-arms) an episode's audio job; pass a transaction to commit it with the write that asked. */
export async function enqueueAudio(db: Db, episodeId: number): Promise<void> {
  // Three attempts, as the transcode job: a worker killed mid-run gets its job back.
  await enqueueJob(db, {
    kind: AUDIO_JOB,
    payload: { episodeId },
    uniqueKey: `${AUDIO_JOB}:${episodeId}`,
    maxAttempts: 3,
  })
}

/** The job handler for `podcast-audio`. */
export function createAudioHandler(deps: AudioDeps): JobHandler {
  return async (payload, ctx) => {
    const episodeId = (payload as { episodeId?: unknown } | null)?.episodeId
    if (typeof episodeId !== 'number' || !Number.isInteger(episodeId))
      throw new Error(`podcast-audio: bad payload ${JSON.stringify(payload)}`)
    const episode = await findEpisodeById(deps.db, episodeId)
    // Gone, without a master, or already done by an earlier delivery of this job.
    if (!episode?.audioMasterKey || episode.audioStatus === 'ready') return
    await processAudio(deps, episode, ctx)
  }
}

async function processAudio(deps: AudioDeps, episode: Episode, ctx: JobContext): Promise<void> {
  const { db, storage } = deps
  await runMediaAttempt({
    storage,
    root: `podcasts/${episode.id}`,
    signal: ctx.signal,
    // An unfinished attempt's files go; the folder the current (ready) audio plays from stays.
    leftover:
      episode.audioPrefix && !episode.mp3Key?.startsWith(`${episode.audioPrefix}/`) ? episode.audioPrefix : null,
    markProcessing: prefix => markAudioProcessing(db, episode.id, prefix),
    markFailed: reason => markAudioFailed(db, episode.id, reason),
    run: async (prefix, work) => {
      const outputs = await makeOutputs(storage, episode.audioMasterKey ?? '', { prefix, work, signal: ctx.signal })
      await markAudioReady(db, episode.id, outputs)
      deps.log?.info({ episodeId: episode.id, prefix, seconds: outputs.durationSeconds }, 'episode audio ready')
      deps.events.emit({ tags: episodeTags(episode) })
    },
  })
}

/** loudnorm's measurement, as its first pass prints it. */
interface Measured {
  input_i: string
  input_tp: string
  input_lra: string
  input_thresh: string
  target_offset: string
}

/** The last JSON object ffmpeg's log holds (loudnorm prints its measurement that way). */
export function lastJsonObject(log: string): Record<string, unknown> | undefined {
  const end = log.lastIndexOf('}')
  const start = log.lastIndexOf('{', end)
  if (start < 0 || end < 0) return undefined
  try {
    return JSON.parse(log.slice(start, end + 1)) as Record<string, unknown>
  } catch {
    return undefined
  }
}

const finite = (value: unknown) => typeof value === 'string' && Number.isFinite(Number(value))

/** Pass one: what the master measures. Silence measures -inf and is refused with a reason. */
async function measureLoudness(input: string, signal: AbortSignal): Promise<Measured> {
  const { integrated: I, truePeak: TP, range: LRA } = LOUDNESS_TARGET
  const log = await runFfmpegForLog(
    ['-i', input, '-vn', '-af', `loudnorm=I=${I}:TP=${TP}:LRA=${LRA}:print_format=json`, '-f', 'null', '-'],
    { signal },
  )
  const json = lastJsonObject(log)
  const keys = ['input_i', 'input_tp', 'input_lra', 'input_thresh', 'target_offset'] as const
  if (!json || !keys.every(k => finite(json[k])))
    throw new Error('The audio could not be measured for loudness: it may be silent.')
  return json as unknown as Measured
}

/** The second pass's filter: the target, the measured values, linear gain, resampled for the encoders. */
function normaliseFilter(m: Measured): string {
  const { integrated: I, truePeak: TP, range: LRA } = LOUDNESS_TARGET
  return (
    `loudnorm=I=${I}:TP=${TP}:LRA=${LRA}:measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}` +
    `:measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true,aresample=44100`
  )
}

async function makeOutputs(
  storage: Storage,
  masterKey: string,
  o: { prefix: string; work: string; signal: AbortSignal },
): Promise<AudioOutputs> {
  const out = join(o.work, 'out')
  await mkdir(out)
  const mp3 = join(out, 'episode.mp3')
  const m4a = join(out, 'episode.m4a')
  await withLocalCopy(storage, masterKey, async input => {
    const source = await probeAudio(input, o.signal)
    // Decoded whole first (seconds for an hour of sound): a header can promise what a copy cut off in transfer no longer holds.
    await checkDecodes(input, { durationSeconds: source.durationSeconds }, { signal: o.signal })
    const measured = await measureLoudness(input, o.signal)
    const channels = String(Math.min(2, Math.max(1, source.channels || 2)))
    // One decode, two encodes: the normalised signal is split to MP3 (every app) and AAC (smaller, Apple).
    await runFfmpeg(
      [
        '-i',
        input,
        '-map_metadata',
        '-1',
        '-filter_complex',
        `[0:a:0]${normaliseFilter(measured)},asplit=2[mp3][aac]`,
        '-map',
        '[mp3]',
        '-ac',
        channels,
        '-c:a',
        'libmp3lame',
        '-b:a',
        '128k',
        '-f',
        'mp3',
        mp3,
        '-map',
        '[aac]',
        '-ac',
        channels,
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        m4a,
      ],
      { signal: o.signal },
    )
  })
  // The duration readers see is the encoded file's, not what the master claimed.
  const made = await probeAudio(m4a, o.signal)
  const [mp3Bytes, m4aBytes] = await Promise.all([stat(mp3).then(s => s.size), stat(m4a).then(s => s.size)])
  const mp3Key = `${o.prefix}/episode.mp3`
  const m4aKey = `${o.prefix}/episode.m4a`
  await uploadAttemptFolder(storage, out, o.prefix)
  return {
    prefix: o.prefix,
    durationSeconds: Math.round(made.durationSeconds * 1000) / 1000,
    mp3Key,
    mp3Bytes,
    m4aKey,
    m4aBytes,
  }
}
