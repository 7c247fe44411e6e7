// Keeps V8's young generation at most about 8 MB for every `newsreel` process, set before any
// other module loads: main.ts imports it first, and the compiled main.js (scripts/build.mjs) loads
// it before the bundle, whose packages would otherwise load (and allocate) ahead of it.
//
// Why: V8 grows the young generation to 32 MB (two 16 MB semi-spaces) under the start's and any
// busy moment's allocations and keeps it until the process has been idle a while; that is 25 MB of
// resident memory doing nothing. Measured under load on this 2-core machine (issue 15): the
// newsletter sender's peak over 60,000 messages went from 161 to 136 MB, the CPU per message
// within noise; an uncached story page costs about 5% more CPU.
//
// How: `--max-semi-space-size` only works on node's command line (V8 reads it when the heap is
// made; set at run time it changes nothing, measured), and a flag there is lost whenever a
// newsroom starts Newsreel some other way. `--semi-space-growth-factor` is read each time V8
// grows the young generation, so after every collection it is set to 2 (V8's default) while
// doubling would stay within the cap and to 1 (stay) once it would not. Deciding before the step,
// not after it, matters on newer V8 (Node 24 and 26), which grows in uneven steps (6 MB to 11 MB)
// and, with the factor at 1, may still add a page or two: measured, Node 20 holds at 8.0 MB and
// Node 26 at 7.5 to 7.8 MB on the same work, where waiting for the cap let Node 26 reach 14.5 MB.
// V8 still shrinks it when the process goes idle, and it may grow again to the cap. The watch runs
// between event-loop turns, so one long synchronous burst may take it a step further.
import { PerformanceObserver, performance, type EventLoopUtilization } from 'node:perf_hooks'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The most the young generation (both semi-spaces) may grow to, in bytes. */
export const YOUNG_GENERATION_CAP = 8 * 1024 * 1024

let growthFactor = 2

function holdYoungGeneration(): void {
  const young = v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space')
  if (!young) return
  const factor = young.space_size * 2 > YOUNG_GENERATION_CAP ? 1 : 2
  if (factor === growthFactor) return
  growthFactor = factor
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`)
}

// One watch a process, should a second copy of this file ever load (a bundle and its source tree).
const WATCHING = Symbol.for('newsreel.young-generation-cap')
const state = globalThis as { [WATCHING]?: true }
if (!state[WATCHING]) {
  state[WATCHING] = true
  // The old generation grows by 30% past what a full collection kept, not by V8's factor of up to
  // 2 or more: without it a quiet worker's first full collection came at 72 MB of heap, most of it
  // garbage (the sender then peaked at 167 MB over 60,000 messages; with it 127 MB, same CPU).
  v8.setFlagsFromString('--heap-growing-percent=30')
  new PerformanceObserver(holdYoungGeneration).observe({ entryTypes: ['gc'] })
  holdYoungGeneration()
}

type Collector = (options?: { type: 'minor' }) => void
let collector: Collector | undefined

/**
 * Runs a young-generation collection now (about a millisecond). For code that streams many large
 * buffers through few JavaScript objects, such as an upload: each 64 KB socket read is memory
 * outside V8's heap that only a collection frees, and so few small objects are made per read that
 * V8 waits until tens of megabytes of dead buffers have piled up before it collects.
 * V8 offers its collector only behind `--expose-gc`; set at run time that flag takes effect for
 * the next context made, so the function is fetched from one (node's documented way).
 */
export function collectYoungGarbage(): void {
  collect('minor')
}

function collect(type: 'minor' | 'major'): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc')
    collector = runInNewContext('gc') as Collector
  }
  // Called bare it is a full collection; Node 20's V8 reads `{ type: 'major' }` as a minor one
  // (its trace says Scavenge), so the full one is asked for that way.
  if (type === 'minor') collector({ type })
  else collector()
}

/**
 * A full collection that moves every live object out of old-generation pages with any free space
 * in them, so those pages go back to the system. A plain full collection compacts only the pages
 * V8 judges worth it, and it left a server idling after a first boot's jobs with 5 MB of its old
 * generation committed and empty (heap total 29.5 MB for 24 MB used, against 24.7 for 23 after a
 * seed alone). The flag is read when a collection starts, so it is set for this one and cleared.
 * A test process with 6 MB live in 55 MB of old space: the plain collection kept the 55 MB, this
 * one 6 MB, and resident memory fell by 48 MB a few seconds later, in 21-25 ms on Node 20 and 26.
 * On a demo server's 20-24 MB heap it pauses 60-75 ms (a plain one 15-25 ms), once after each busy
 * spell; a plain one first, to see whether compacting pays, still left over 2 MB to hand back after
 * every burst of pages tried, so it would only have added its own pause.
 */
function collectCompacting(): void {
  v8.setFlagsFromString('--compact-on-every-full-gc')
  try {
    collect('major')
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc')
  }
}

/** A counter of bytes passed through that runs collectYoungGarbage each time `bytes` more have gone by. */
export function collectEvery(bytes: number): (passed: number) => void {
  let since = 0
  return passed => {
    since += passed
    if (since < bytes) return
    since = 0
    collectYoungGarbage()
  }
}

/** The share of an interval the main thread may be busy and still count as quiet. */
const QUIET_UTILIZATION = 0.02

/**
 * Once the process falls quiet after busy work (its start, a seeding, a burst of pages, a
 * transcode's bookkeeping), runs one full collection that compacts every page with free space
 * (`collectCompacting`), then waits for the next busy spell.
 * Checked every `everyMs` by the event loop's utilisation, so no part has to report in.
 *
 * Why: V8 keeps a young generation grown by busy moments, and an old generation holding the
 * garbage of start-up, until its own memory reducer decides the process is idle, which it had
 * not yet done when the benches read an idle server's memory. Without a full collection it never
 * starts; after one, it runs its memory-reducing collections about 8 s later, which shrink the
 * young generation to a page and compact the old. Measured on a server just started on an empty
 * database: 96 MB resident before, 85 MB ten seconds after (young generation 8.0 to 0.3 MB, old
 * 17.5 to 14.2 MB); a minor collection changed nothing. It costs one collection (10-20 ms) after
 * each busy spell, and none while the process stays busy or stays quiet. Returns the function
 * that stops the checks.
 */
export function compactWhenQuiet(everyMs: number): () => void {
  let last: EventLoopUtilization = performance.eventLoopUtilization()
  let busySinceCompaction = true
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization()
    const spell = performance.eventLoopUtilization(now, last)
    last = now
    if (spell.utilization >= QUIET_UTILIZATION) {
      busySinceCompaction = true
      return
    }
    if (!busySinceCompaction) return
    busySinceCompaction = false
    collectCompacting()
    // The collection's own time is not the next spell's work.
    last = performance.eventLoopUtilization()
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
