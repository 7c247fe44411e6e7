// Transcode overhead: the `transcode-video` job, run as the app runs it, against the plain
// ffmpeg command lines making the same ladder, poster, MP4 and sprite from the same master.
// What differs is our orchestration: the copy out of storage, the probe, the database writes
// and the upload of every output into storage.
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, setPriority, tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest, openDatabase, type Database } from '../src/db/index.js'
import { insertDocumentary } from '../src/documentaries/index.js'
import { createContentEvents } from '../src/platform/events.js'
import { binary, probeVideo } from '../src/platform/ffmpeg.js'
import { createJobRunner } from '../src/platform/jobs/index.js'
import { createLocalStorage, type Storage } from '../src/platform/storage/index.js'
import {
  TRANSCODE_JOB,
  createTranscodeHandler,
  enqueueTranscode,
  findVideoById,
  upsertVideo,
} from '../src/videos/index.js'
import { planLadder, planSprite, posterArgs, transcodeArgs } from '../src/videos/ladder.js'
import { VIDEO_OWNERS } from '../src/core.js'
import { round, type BenchRow } from './results.js'

const MASTER_SECONDS = 60
/** Above this many seconds for one round of each side, the bench stops after one round: the media bench should stay near 12 minutes. */
const SECOND_ROUND_LIMIT = 300
/** The app runs ffmpeg at this niceness (src/platform/ffmpeg-process.ts); the baseline gets the same, so only orchestration differs. */
const FFMPEG_NICENESS = 10

type Side = 'ours' | 'plain'
/** One run's cost: wall seconds, and CPU seconds of this process plus the ffmpeg and ffprobe it ran. */
interface Cost {
  wall: number
  cpu: number
}
type Run = (round: number) => Promise<Cost>

/** Runs the transcode comparison and returns its row. */
export async function benchTranscode(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-bench-transcode-'))
  let database: Database | undefined
  try {
    const master = join(dir, 'master.mp4')
    generateMaster(master)
    database = await openDatabase({ dialect: 'sqlite', file: join(dir, 'newsreel.db') })
    await migrateToLatest(database)
    const sides: Record<Side, Run> = {
      ours: pipelineRun(database, createLocalStorage(join(dir, 'media')), master),
      plain: await plainRun(master, dir),
    }
    console.log(
      `transcode: load average ${loadavg()
        .map(l => l.toFixed(2))
        .join(' ')} on this machine before the first run`,
    )
    const costs = await interleaved(sides)
    const [ours, plain] = [mean(costs.ours.map(c => c.wall)), mean(costs.plain.map(c => c.wall))]
    const [oursCpu, plainCpu] = [mean(costs.ours.map(c => c.cpu)), mean(costs.plain.map(c => c.cpu))]
    const list = (runs: Cost[]) => runs.map(c => round(c.wall, 1)).join(', ')
    console.log(
      `transcode ${MASTER_SECONDS} s 1080p master: job ${list(costs.ours)} s; plain ffmpeg ${list(costs.plain)} s` +
        ` (${costs.ours.length === 2 ? 'two runs each, A B B A' : 'one run each: a round took too long for a second'}); ratio ${round(ours / plain)} (target ≤ 1.10)`,
    )
    // CPU time hardly moves with other load on the machine, unlike wall time: a cross-check of the ratio.
    console.log(
      `transcode CPU time (this process + ffmpeg/ffprobe): job ${round(oursCpu, 1)} s; plain ffmpeg ${round(plainCpu, 1)} s; ratio ${round(oursCpu / plainCpu)}`,
    )
    return [
      {
        name: 'media.transcode-60s-1080p-master-wall-time',
        value: round(ours, 1),
        unit: 's',
        baseline: round(plain, 1),
        ratio: round(ours / plain),
      },
      {
        name: 'media.transcode-60s-1080p-master-cpu-time',
        value: round(oursCpu, 1),
        unit: 's',
        baseline: round(plainCpu, 1),
        ratio: round(oursCpu / plainCpu),
      },
    ]
  } finally {
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A B, then B A if time allows: drift on a busy machine then falls on both sides alike. */
async function interleaved(sides: Record<Side, Run>): Promise<Record<Side, Cost[]>> {
  const times: Record<Side, Cost[]> = { ours: [], plain: [] }
  const started = Date.now()
  times.ours.push(await sides.ours(1))
  times.plain.push(await sides.plain(1))
  if ((Date.now() - started) / 1000 > SECOND_ROUND_LIMIT) return times
  times.plain.push(await sides.plain(2))
  times.ours.push(await sides.ours(2))
  return times
}

/** A 60 s 1920x1080 H.264/AAC master: a moving test pattern and a tone. Made fast; not timed. */
function generateMaster(file: string): void {
  const made = spawnSync(
    binary('ffmpeg'),
    [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=1920x1080:rate=25:duration=${MASTER_SECONDS}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=48000:duration=${MASTER_SECONDS}`,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      file,
    ],
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`could not generate the master: ${made.stderr}`)
}

/**
 * One run of the job as the app runs it: a film whose master sits in storage, its transcode
 * queued, and the media runner's pass timed from the claim until the row reads ready.
 */
function pipelineRun(database: Database, storage: Storage, master: string): Run {
  const runner = createJobRunner({
    db: database.db,
    dialect: database.dialect,
    onlyOwnKinds: true,
    concurrency: 1,
    leaseMs: 60_000,
    handlers: {
      [TRANSCODE_JOB]: createTranscodeHandler({
        db: database.db,
        storage,
        events: createContentEvents(),
        owners: VIDEO_OWNERS,
      }),
    },
  })
  return async round => {
    // The master arrives as an upload would leave it; putting it there is not part of the transcode.
    const masterKey = `videos/masters/bench-${round}.mp4`
    await storage.write(masterKey, createReadStream(master))
    const film = await insertDocumentary(database.db, {
      slug: `bench-film-${round}`,
      title: `Bench film ${round}`,
      dek: 'A generated master.',
      synopsis: 'A test pattern and a tone.',
      runtimeSeconds: MASTER_SECONDS,
      releaseDate: '2026-01-01',
      posterId: null,
      credits: [],
      status: 'draft',
      publishedAt: null,
      topicIds: [],
      funderIds: [],
    })
    const video = await upsertVideo(database.db, film.id, masterKey)
    await enqueueTranscode(database.db, video.id)
    const cost = measure()
    const ran = await runner.runDueJobs()
    const spent = cost.end()
    const done = await findVideoById(database.db, video.id)
    if (ran !== 1 || done?.status !== 'ready')
      throw new Error(`the transcode job did not finish: ran ${ran}, status ${done?.status}, ${done?.error ?? ''}`)
    return spent
  }
}

/**
 * The baseline: the same ffmpeg arguments (from ladder.ts, planned once from a probe made
 * before timing) spawned directly — the one pass for ladder, MP4 and sprite, then the poster.
 */
async function plainRun(master: string, dir: string): Promise<Run> {
  const source = await probeVideo(master)
  const ladder = planLadder(source)
  const passes = [
    transcodeArgs(master, source, ladder, planSprite(source)),
    posterArgs(master, source, ladder[ladder.length - 1] ?? ladder[0]!),
  ]
  return async round => {
    const out = join(dir, `plain-${round}`)
    const cost = measure()
    for (const r of ladder) mkdirSync(join(out, r.name), { recursive: true })
    for (const args of passes) await ffmpeg(args, out)
    const spent = cost.end()
    rmSync(out, { recursive: true, force: true })
    return spent
  }
}

/** `ffmpeg <args>` in `cwd`, at the app's niceness; rejects with its log when it fails. */
function ffmpeg(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      binary('ffmpeg'),
      ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-nostats', ...args],
      { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    if (child.pid)
      try {
        setPriority(child.pid, FFMPEG_NICENESS)
      } catch {
        /* not permitted: the app's ffmpeg runs at normal priority then too */
      }
    let log = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      log = (log + chunk).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', code => (code === 0 ? resolve() : reject(new Error(`plain ffmpeg exited with ${code}: ${log}`))))
  })
}

/** Starts measuring wall and CPU time; `end()` gives both since the start. */
function measure(): { end(): Cost } {
  const wall = process.hrtime.bigint()
  const cpu = cpuSeconds()
  return { end: () => ({ wall: Number(process.hrtime.bigint() - wall) / 1e9, cpu: cpuSeconds() - cpu }) }
}

/**
 * CPU seconds used by this process and by the children it has reaped (ffmpeg and ffprobe, on
 * both sides), from /proc/self/stat: utime, stime, cutime, cstime, in USER_HZ (100 on Linux).
 */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // The command name in parentheses may hold spaces: count fields from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is the state (field 3 of the man page); utime..cstime are fields 14..17.
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
