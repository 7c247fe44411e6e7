// The young generation's cap (heap.ts), checked in a fresh node process, since the test runner's own
// process has long grown its heap by the time a test runs.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { YOUNG_GENERATION_CAP } from './heap.js'

const HEAP_URL = new URL('./heap.ts', import.meta.url).href

/** The young generation's size after short-lived allocations made over many event-loop turns, as a server's are, with or without heap.ts loaded first. */
function youngGenerationAfterWork(withCap: boolean): number {
  const script = `
    ${withCap ? `await import(${JSON.stringify(HEAP_URL)})` : ''}
    const v8 = await import('node:v8')
    const kept = []
    for (let batch = 0; batch < 300; batch++) {
      for (let i = 0; i < 1e4; i++) { const o = { i, s: 'x' + i }; if (i % 100 === 0) kept.push(o) }
      await new Promise(resolve => setImmediate(resolve))
    }
    const young = v8.getHeapSpaceStatistics().find(s => s.space_name === 'new_space')
    console.log(young.space_size, kept.length)`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  return Number(run.stdout.split(' ')[0])
}

test('a process that loads heap.ts first keeps its young generation within the cap under allocation', () => {
  assert.ok(youngGenerationAfterWork(true) <= YOUNG_GENERATION_CAP)
})

test('without it the same work grows the young generation past the cap (so the check above means something)', () => {
  assert.ok(youngGenerationAfterWork(false) > YOUNG_GENERATION_CAP)
})

test('collectYoungGarbage frees the memory of dead buffers at once, as an upload needs between its chunks', () => {
  const script = `
    const { collectYoungGarbage } = await import(${JSON.stringify(HEAP_URL)})
    let sum = 0
    for (let i = 0; i < 400; i++) sum += Buffer.alloc(64 * 1024, i).length
    const before = process.memoryUsage().arrayBuffers
    collectYoungGarbage()
    collectYoungGarbage()
    console.log(before, process.memoryUsage().arrayBuffers, sum)`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  const [before, after] = run.stdout.split(' ').map(Number)
  assert.ok(before! > 20 * 1024 * 1024, `only ${before} bytes of buffers were held before the collection`)
  assert.ok(after! < 4 * 1024 * 1024, `${after} bytes of buffers were still held after it`)
})

test('compactWhenQuiet runs a full collection once the process falls quiet, not at every check, and again after more work', () => {
  const script = `
    const { compactWhenQuiet } = await import(${JSON.stringify(HEAP_URL)})
    const { PerformanceObserver, constants } = await import('node:perf_hooks')
    const fulls = []
    new PerformanceObserver(list => {
      // Forced ones only: V8's own full collections of a starting process are not this function's.
      for (const e of list.getEntries())
        if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)
          fulls.push(Math.round(performance.now()))
    }).observe({ entryTypes: ['gc'] })
    const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
    const busy = ms => { const end = Date.now() + ms; while (Date.now() < end) {} }
    const stop = compactWhenQuiet(200)
    await sleep(1600)
    const afterQuiet = fulls.length
    busy(400)
    await sleep(1000)
    stop()
    console.log(afterQuiet, fulls.length)`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  const [afterQuiet = 0, afterWork = 0] = run.stdout.trim().split(' ').map(Number)
  // One is expected; a loaded machine (CI runs test files side by side) can make a quiet tick
  // look busy now and then, but never every tick: eight ticks went by.
  assert.ok(afterQuiet >= 1 && afterQuiet <= 3, `${afterQuiet} full collections in a quiet spell of eight checks`)
  assert.ok(afterWork > afterQuiet, 'another after the busy spell')
})

test('the quiet collection hands back old-generation pages left mostly empty, which a plain full collection keeps', () => {
  // Old space filled with objects, then all but one in twenty dropped: pages with a little live in each.
  const script = (compacting: boolean) => `
    const { compactWhenQuiet } = await import(${JSON.stringify(HEAP_URL)})
    const v8 = await import('node:v8')
    const { runInNewContext } = await import('node:vm')
    v8.setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc')
    let kept = []
    for (let i = 0; i < 400000; i++) kept.push({ a: i, b: 'x' + i, c: [i] })
    gc()
    kept = kept.filter((_, i) => i % 20 === 0)
    gc()
    if (${compacting}) {
      const stop = compactWhenQuiet(200)
      await new Promise(resolve => setTimeout(resolve, 1000))
      stop()
    }
    const old = v8.getHeapSpaceStatistics().find(s => s.space_name === 'old_space')
    console.log(old.space_size, old.space_used_size, kept.length)`
  const oldSpace = (compacting: boolean) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(compacting)], {
      encoding: 'utf8',
    })
    assert.equal(run.status, 0, run.stderr)
    const [size = 0, used = 0] = run.stdout.split(' ').map(Number)
    return { size, used }
  }
  const plain = oldSpace(false)
  const quiet = oldSpace(true)
  assert.ok(plain.size > 3 * plain.used, `the plain collection kept ${plain.size} bytes for ${plain.used} used`)
  assert.ok(quiet.size < 2 * quiet.used, `the quiet collection kept ${quiet.size} bytes for ${quiet.used} used`)
})
