// Demo audio: each demo episode gets a generated master (tones over filtered noise, different
// per episode; no speech, no downloads), its transcript and chapters from the demo content,
// then the ordinary audio job. Seeding only queues this work, so the site serves at once and
// shows the episodes as being prepared until their audio is ready.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../db/index.js'
import { enqueueJob, type JobHandler } from '../platform/jobs/index.js'
import { runFfmpeg } from '../platform/ffmpeg.js'
import type { Storage } from '../platform/storage/index.js'
import { validateWebVtt, webVttTimestamp } from '../platform/webvtt.js'
import { transcriptPlainText } from './transcript.js'
import { enqueueAudio } from './audio.js'
import { replaceEpisodeChapters, type EpisodeChapter } from './chapter-store.js'
import { attachAudioMaster } from './audio-store.js'
import { findEpisodeById, replaceEpisodeTranscript } from './store.js'

/** The job kind that makes one demo episode's master; payload `DemoAudioPayload`. */
export const DEMO_AUDIO_JOB = 'podcast-demo-master'

/** What the demo job needs to make one episode's audio, transcript and chapters. */
export interface DemoAudioPayload {
  episodeId: number
  index: number
  seconds: number
  transcript: { speaker: string; text: string }[]
  chapters: EpisodeChapter[]
}

/** Points each demo episode at its (future) master and queues the job that makes it; call in the seeding transaction. */
export async function queueDemoAudio(db: Db, episodes: readonly DemoAudioPayload[]): Promise<void> {
  for (const e of episodes) {
    await attachAudioMaster(db, e.episodeId, `podcasts/demo/${e.episodeId}/master.flac`)
    await enqueueJob(db, {
      kind: DEMO_AUDIO_JOB,
      payload: e,
      uniqueKey: `${DEMO_AUDIO_JOB}:${e.episodeId}`,
      maxAttempts: 3,
    })
  }
}

function isPayload(p: unknown): p is DemoAudioPayload {
  const o = p as Partial<DemoAudioPayload> | null
  return (
    typeof o?.episodeId === 'number' &&
    typeof o.index === 'number' &&
    typeof o.seconds === 'number' &&
    Array.isArray(o.transcript) &&
    Array.isArray(o.chapters)
  )
}

/** The handler for `podcast-demo-master`: makes the master if missing, stores transcript and chapters, queues the audio job. */
export function createDemoAudioHandler(deps: { db: Db; storage: Storage }): JobHandler {
  return async (payload, ctx) => {
    if (!isPayload(payload)) throw new Error(`podcast-demo-master: bad payload ${JSON.stringify(payload)}`)
    const episode = await findEpisodeById(deps.db, payload.episodeId)
    if (!episode?.audioMasterKey) return
    if (!(await deps.storage.stat(episode.audioMasterKey))) {
      await deps.storage.put(episode.audioMasterKey, await renderDemoAudio(payload.index, payload.seconds, ctx.signal))
    }
    const transcriptKey = `podcasts/${episode.id}/transcript-demo.vtt`
    const vtt = validateWebVtt(demoTranscript(payload.transcript, payload.seconds))
    if (!episode.transcriptKey) await deps.storage.put(transcriptKey, Buffer.from(vtt, 'utf8'))
    await deps.db.transaction().execute(async trx => {
      if (!episode.transcriptKey)
        await replaceEpisodeTranscript(trx, episode.id, { key: transcriptKey, text: transcriptPlainText(vtt) })
      // Demo chapters are authored inside the generated length (the content test checks it).
      await replaceEpisodeChapters(trx, episode.id, payload.chapters)
      if (episode.audioStatus === 'queued') await enqueueAudio(trx, episode.id)
    })
  }
}

// Per episode: a low drone, a melody tone that pulses like speech, and noise of a different colour.
// Each pulse divides 44,100 exactly: some ffmpeg builds (the npm one included) crash in tremolo otherwise.
const VOICES = [
  { drone: 110, tone: 196, pulse: 2.5, noise: 'pink', cutoff: 900 },
  { drone: 98, tone: 262, pulse: 3, noise: 'brown', cutoff: 1400 },
  { drone: 82, tone: 330, pulse: 2.25, noise: 'white', cutoff: 600 },
] as const

/** Renders a demo master (mono FLAC, quiet on purpose, so the loudness job has work to do). */
export async function renderDemoAudio(index: number, seconds: number, signal?: AbortSignal): Promise<Buffer> {
  const v = VOICES[index % VOICES.length] ?? VOICES[0]
  const work = await mkdtemp(join(tmpdir(), 'newsreel-demo-audio-'))
  try {
    const d = seconds
    const graph = [
      `anoisesrc=d=${d}:c=${v.noise}:r=44100:a=0.25,lowpass=f=${v.cutoff}[n]`,
      `sine=f=${v.drone}:r=44100:d=${d},volume=0.6[a]`,
      `sine=f=${v.tone}:r=44100:d=${d},tremolo=f=${v.pulse}:d=0.9[b]`,
      `sine=f=${v.tone * 1.5}:r=44100:d=${d}:beep_factor=4,volume=0.25[c]`,
      `[n][a][b][c]amix=inputs=4,volume=0.4,afade=t=in:d=2,afade=t=out:st=${d - 3}:d=3[out]`,
    ].join(';')
    await runFfmpeg(['-filter_complex', graph, '-map', '[out]', '-ac', '1', '-c:a', 'flac', 'master.flac'], {
      cwd: work,
      signal,
    })
    return await readFile(join(work, 'master.flac'))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const escapeCue = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A WebVTT transcript with the lines spread evenly over the episode, each with its speaker's voice tag. */
export function demoTranscript(lines: readonly { speaker: string; text: string }[], seconds: number): string {
  const step = seconds / Math.max(1, lines.length)
  const cues = ['WEBVTT', '']
  lines.forEach((line, i) => {
    cues.push(
      `${webVttTimestamp(i * step)} --> ${webVttTimestamp((i + 1) * step - 0.2)}`,
      `<v ${escapeCue(line.speaker)}>${escapeCue(line.text)}`,
      '',
    )
  })
  return cues.join('\n')
}
