// After `newsreel start` seeds the demo, its media (artwork, films, interview recordings, podcast
// audio) are made by background jobs for a minute or two. This tells the terminal how far they
// are, and when they are all done, so a newcomer knows why pictures are soft and films "processing".
import type { Db } from '../db/index.js'
import { listJobs, type Job } from '../platform/jobs/index.js'

/** What the progress report writes to. */
interface ProgressLog {
  info(message: string): void
}

/** The words the log uses for each kind of demo job; a job of another kind counts as "other media". */
const KINDS: Record<string, string> = {
  'demo-artwork': 'pictures',
  'video-demo-master': 'films',
  'transcode-video': 'films',
  'interview-demo-master': 'interviews',
  'podcast-demo-master': 'episodes',
  'podcast-audio': 'episodes',
}

/** Jobs waiting or running now (the recurring housekeeping, due in an hour, is not the demo's). */
async function pendingJobs(db: Db): Promise<Job[]> {
  const now = new Date().toISOString()
  const [queued, running] = await Promise.all([
    listJobs(db, { status: 'queued', limit: 1000 }),
    listJobs(db, { status: 'running', limit: 1000 }),
  ])
  return [...queued.filter(j => j.runAt <= now && j.kind !== 'housekeeping'), ...running]
}

function describe(jobs: readonly Job[]): string {
  const counts = new Map<string, number>()
  for (const job of jobs) {
    const word = KINDS[job.kind] ?? 'other media'
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return [...counts].map(([word, count]) => `${word} ${count}`).join(', ')
}

/**
 * Logs what is left every few seconds while it changes, then "demo media ready" once no job is
 * waiting. `startedAt` is when the command started (ms), for the figures. Returns a stop function.
 */
export function reportDemoMedia(db: Db, log: ProgressLog, startedAt: number, everyMs = 5000): () => void {
  let last = ''
  let stopped = false
  const seconds = () => ((Date.now() - startedAt) / 1000).toFixed(0)
  const tick = async () => {
    if (stopped) return
    try {
      const pending = await pendingJobs(db)
      if (pending.length === 0) {
        log.info(`demo media ready: every picture, film and episode is made, ${seconds()} s after start`)
        return
      }
      const now = describe(pending)
      if (now !== last) log.info(`demo media being made in the background, still to do: ${now} (${seconds()} s)`)
      last = now
    } catch {
      // The database closed (shutting down): nothing more to report.
      return
    }
    setTimeout(() => void tick(), everyMs).unref()
  }
  setTimeout(() => void tick(), 1000).unref()
  return () => {
    stopped = true
  }
}
