// The decoding check done by the transcode's own ffmpeg pass: the master is decoded once, a bad
// one is still refused with the reason an editor can act on, and a pass that fails for its own
// reasons is told apart from a bad master. Real ffmpeg on generated files.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DECODE_OUTPUT, decodeAll, probeVideo, runCheckingDecode } from '../src/platform/ffmpeg.js'
import { InvalidInput } from '../src/platform/errors.js'
import { planLadder, planSprite, transcodeArgs } from '../src/videos/ladder.js'
import { cutShort, damageMiddle, makeTestClip } from './media-fixtures.js'

describe('the decoding check inside the transcode pass', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-decode-pass-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  const clip = (name: string, o: Parameters<typeof makeTestClip>[1]) => {
    const path = join(dir, name)
    makeTestClip(path, { width: 160, height: 90, fps: 10, ...o })
    return path
  }
  const variant = (name: string, data: Buffer) => {
    const path = join(dir, name)
    writeFileSync(path, data)
    return path
  }

  let whole: string
  let silentCut: string
  let damaged: string
  before(() => {
    whole = clip('whole.mp4', { seconds: 6 })
    // 30 s without sound, index first, cut after its first tenth: the header still promises 30 s.
    silentCut = variant(
      'silent-cut.mp4',
      cutShort(readFileSync(clip('silent.mp4', { seconds: 30, sound: false, faststart: true })), 0.1),
    )
    damaged = variant('damaged.mp4', damageMiddle(readFileSync(clip('long.mp4', { seconds: 30 }))))
  })

  /** The job's pass over `master` into a fresh folder; `folders: false` leaves out the rung folders ffmpeg writes into. */
  async function pass(master: string, o: { folders?: boolean } = {}) {
    const source = await probeVideo(master)
    const ladder = planLadder(source)
    const out = mkdtempSync(join(dir, 'out-'))
    if (o.folders !== false) for (const r of ladder) mkdirSync(join(out, r.name), { recursive: true })
    const args = transcodeArgs(master, source, ladder, planSprite(source), { firstOutput: DECODE_OUTPUT })
    const times: number[] = []
    const run = runCheckingDecode(master, args, source, { cwd: out, onTime: t => times.push(t) })
    return { run, out, ladder, times }
  }

  it('decoding a whole file on its own counts its pictures and reaches its end', async () => {
    const report = await decodeAll(whole)
    assert.equal(report.frames, 60)
    assert.ok(Math.abs(report.decodedSeconds - 6) < 0.15, String(report.decodedSeconds))
    assert.equal(report.errorCount, 0)
  })

  it('a whole master passes, and the same pass made its renditions and reported progress', async () => {
    const { run, out, ladder, times } = await pass(whole)
    await run
    for (const r of ladder) assert.match(readFileSync(join(out, r.name, 'index.m3u8'), 'utf8'), /#EXT-X-ENDLIST/)
    assert.ok(existsSync(join(out, 'sprite.jpg')))
    assert.ok(times.length > 0 && Math.max(...times) > 5, `progress: ${times.join(', ')}`)
  })

  it('a master without sound cut short is refused as ending early, though the pass adds silence for its whole stated length', async () => {
    const { run } = await pass(silentCut)
    await assert.rejects(run, (error: Error) => {
      assert.ok(error instanceof InvalidInput, String(error))
      assert.match(error.message, /^The file ends early: it holds \d s of the 30 s its header promises\./)
      return true
    })
  })

  it('a master damaged in the middle is refused with what the decoder met', async () => {
    const { run } = await pass(damaged)
    await assert.rejects(run, (error: Error) => {
      assert.ok(error instanceof InvalidInput, String(error))
      assert.match(error.message, /^The file is damaged: decoding it met \d+ errors? \(the first: “.+”\)\./)
      assert.doesNotMatch(error.message, new RegExp(dir))
      return true
    })
  })

  it('a pass that fails for its own reason (nowhere to write) is a failure to try again, not a refusal', async () => {
    const { run } = await pass(whole, { folders: false })
    await assert.rejects(run, (error: Error) => {
      assert.ok(!(error instanceof InvalidInput), 'a sound master is not refused')
      assert.match(error.message, /^ffmpeg failed \(exit \d+\)/)
      return true
    })
  })

  it('when a pass fails over a bad master, the master is decoded again on its own and refused', async () => {
    const { run } = await pass(damaged, { folders: false })
    await assert.rejects(run, (error: Error) => {
      assert.ok(error instanceof InvalidInput, String(error))
      assert.match(error.message, /^The file is damaged/)
      return true
    })
  })
})
