// Demo media: each demo documentary gets a generated film of one to three minutes (the demo
// newsroom's landscapes panning slowly between a title card and an end card, lower thirds and a
// tone bed: demo-film.ts plans it, demo-render.ts cuts it), English and Spanish captions, and
// chapters spread over its runtime. Seeding only queues the work; a job makes each master and then
// queues its transcode, so the site serves at once and shows the films as processing until ready.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Db } from '../db/index.js'
import { enqueueJob, type JobHandler } from '../platform/jobs/index.js'
import type { Storage } from '../platform/storage/index.js'
import { addCaptions, setChapters } from './captions.js'
import { runFfmpeg } from '../platform/ffmpeg.js'
import { demoChapters, demoRuntime, planDemoFilm } from './demo-film.js'
import { STILL_H, STILL_W } from './demo-cards.js'
import { prepareDemoFilm } from './demo-render.js'
import { webVttTimestamp } from '../platform/webvtt.js'
import { findVideoById, upsertVideo } from './store.js'
import { listCaptions } from './caption-store.js'
import { enqueueTranscode } from './transcode.js'

/**
 * The job kind that makes one demo film's master; payload `{ videoId, title, index, stills? }`,
 * `stills` the demo pictures to cut it from, as (kind, artwork seed) pairs.
 */
export const DEMO_MASTER_JOB = 'video-demo-master'

/** A demo picture a film is cut from: the demo artwork's kind and seed, which `DrawDemoStill` draws. */
export interface DemoStill {
  kind: string
  seed: number
}

/**
 * Draws a demo picture at exactly `width`×`height`, as PNG, at full quality. Handed in where the job
 * is wired (src/core.ts: the demo part's `renderDemoStill`), since the demo part imports this one.
 */
export type DrawDemoStill = (still: DemoStill, width: number, height: number) => Promise<Buffer>

/**
 * Makes a demo film's master elsewhere (src/core.ts: in the demo's drawing process, so what sharp
 * and the drawing keep never stays in the server) and answers the file it wrote, alone in a
 * scratch folder that the caller removes once it has stored the file.
 */
export type CutDemoFilm = (
  film: { title: string; index: number; seconds: number; stills: readonly DemoStill[] },
  signal: AbortSignal,
) => Promise<string>

/** Gives each demo film a queued video and a job that makes its master; call in the seeding transaction. */
export async function queueDemoVideos(
  db: Db,
  films: readonly { documentaryId: number; title: string; stills?: readonly DemoStill[] }[],
): Promise<void> {
  for (const [index, film] of films.entries()) {
    const video = await upsertVideo(db, film.documentaryId, `videos/demo/${film.documentaryId}/master.mp4`)
    await enqueueJob(db, {
      kind: DEMO_MASTER_JOB,
      payload: { videoId: video.id, title: film.title, index, stills: film.stills ?? [] },
      uniqueKey: `${DEMO_MASTER_JOB}:${video.id}`,
      maxAttempts: 3,
    })
  }
}

/** The handler for `video-demo-master`: makes the master if missing, adds captions and chapters, queues the transcode. */
export function createDemoMasterHandler(deps: {
  db: Db
  storage: Storage
  drawStill?: DrawDemoStill
  cutFilm?: CutDemoFilm
}): JobHandler {
  return async (payload, ctx) => {
    const p = payload as { videoId?: unknown; title?: unknown; index?: unknown; stills?: unknown } | null
    if (typeof p?.videoId !== 'number' || typeof p.title !== 'string' || typeof p.index !== 'number')
      throw new Error(`video-demo-master: bad payload ${JSON.stringify(payload)}`)
    const wanted = Array.isArray(p.stills) ? p.stills.filter(isDemoStill) : []
    const video = await findVideoById(deps.db, p.videoId)
    if (!video) return
    const seconds = demoRuntime(p.title, p.index)
    if (!(await deps.storage.stat(video.masterKey))) {
      // Drawn at full quality, never read from storage (the pictures may still be previews).
      const draw = deps.drawStill
      if (deps.cutFilm) {
        const file = await deps.cutFilm({ title: p.title, index: p.index, seconds, stills: wanted }, ctx.signal)
        // Streamed in, so the server never holds the megabytes of a master (see uploadAttemptFolder).
        try {
          await deps.storage.copyIn(video.masterKey, file)
        } finally {
          await rm(dirname(file), { recursive: true, force: true })
        }
      } else {
        const stills = draw ? await Promise.all(wanted.map(s => draw(s, STILL_W, STILL_H))) : []
        await deps.storage.put(video.masterKey, await renderDemoMaster(p.title, p.index, ctx.signal, seconds, stills))
      }
    }
    if ((await listCaptions(deps.db, video.id)).length < 2) {
      await addCaptions(deps.db, deps.storage, video.id, {
        lang: 'en',
        label: 'English',
        vttText: demoCaptions(p.title, EN, seconds),
      })
      await addCaptions(deps.db, deps.storage, video.id, {
        lang: 'es',
        label: 'Español',
        vttText: demoCaptions(p.title, ES, seconds),
      })
    }
    await setChapters(deps.db, video.id, demoChapters(seconds))
    if (video.status === 'queued') await enqueueTranscode(deps.db, video.id, { preset: 'ultrafast', madeAtRung: true })
  }
}

function isDemoStill(value: unknown): value is DemoStill {
  const v = value as Partial<DemoStill> | null
  return typeof v?.kind === 'string' && typeof v.seed === 'number'
}

/**
 * Renders a demo film's master (640×360, 24 fps, H.264 at the lowest rung's settings, FLAC sound) and returns its bytes:
 * `stills` (the newsroom's landscapes as PNGs of STILL_W×STILL_H; none means drawn skies) panned and cross-faded between a
 * title card and an end card, lower thirds naming invented speakers, a soft chord underneath.
 */
export async function renderDemoMaster(
  title: string,
  index: number,
  signal?: AbortSignal,
  seconds = demoRuntime(title, index),
  stills: readonly Buffer[] = [],
): Promise<Buffer> {
  const plan = planDemoFilm(index, seconds, Math.max(1, stills.length))
  return renderMasterInScratch('newsreel-demo-', signal, async work => {
    const args = await prepareDemoFilm(work, title, index, plan, stills)
    // Every word is drawn by sharp into the pictures: ffmpeg needs no font, so there is no fallback run.
    return { args: () => args, hasText: false }
  })
}

/** How to make one demo master: its ffmpeg arguments with and without drawn text, and whether there is text to draw (fonts found). */
export interface DemoMasterRecipe {
  args(withText: boolean): string[]
  hasText: boolean
}

/**
 * Makes a demo master in a scratch folder (named from `prefix`) and returns its bytes: `prepare`
 * writes what the ffmpeg run reads into the folder and answers the recipe, whose run writes
 * master.mp4 there. The folder is removed afterwards, whatever happens.
 */
export async function renderMasterInScratch(
  prefix: string,
  signal: AbortSignal | undefined,
  prepare: (work: string) => Promise<DemoMasterRecipe>,
): Promise<Buffer> {
  const work = await mkdtemp(join(tmpdir(), prefix))
  try {
    const recipe = await prepare(work)
    try {
      await runFfmpeg(recipe.args(true), { cwd: work, signal })
    } catch (error) {
      // An ffmpeg without drawtext (no freetype) still makes a master, just without the text.
      if (!recipe.hasText || signal?.aborted) throw error
      await runFfmpeg(recipe.args(false), { cwd: work, signal })
    }
    return await readFile(join(work, 'master.mp4'))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const EN = [
  'We started filming before anyone asked us to.',
  'The records were kept in a basement for eleven years.',
  'Nobody here calls it a story. They call it Tuesday.',
  'The first document did not match the second.',
  'We checked every name twice before we used it.',
  'Some people agreed to speak only without their faces.',
  'The numbers kept changing, so we kept counting.',
  'By spring, the office had gone quiet.',
  'This is what we found.',
]
const ES = [
  'Empezamos a filmar antes de que nadie nos lo pidiera.',
  'Los registros se guardaron en un sótano durante once años.',
  'Aquí nadie lo llama una historia. Lo llaman martes.',
  'El primer documento no coincidía con el segundo.',
  'Comprobamos cada nombre dos veces antes de usarlo.',
  'Algunas personas aceptaron hablar solo sin mostrar la cara.',
  'Las cifras seguían cambiando, así que seguimos contando.',
  'En primavera, la oficina se había quedado en silencio.',
  'Esto es lo que encontramos.',
]

/** Invented captions over a film of `seconds`: one line every five seconds, the title first. */
export function demoCaptions(title: string, lines: readonly string[], seconds: number): string {
  const cues = ['WEBVTT', '']
  for (let start = 0, i = 0; start + 4 <= seconds; start += 5, i++) {
    const text = i === 0 ? title : (lines[(i - 1) % lines.length] ?? '')
    cues.push(
      `${webVttTimestamp(start)} --> ${webVttTimestamp(start + 4)}`,
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      '',
    )
  }
  return cues.join('\n')
}
