// The demo films: runtimes between one and three minutes that differ from film to film, chapters
// and captions that fit them, and a master that is a whole 640×360 film with sound, made at the
// lowest rung's settings so its transcode copies the pictures into 4-second segments.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkDecodes, probeVideo, runFfmpeg } from '../platform/ffmpeg.js'
import { canCopyVideo, planLadder, planSprite, transcodeArgs } from './ladder.js'
import { demoCaptions, renderDemoMaster } from './demo.js'
import { demoChapters, demoRuntime, planDemoFilm } from './demo-film.js'
import { renderSky } from './demo-cards.js'

const TITLES = [
  'Dispatches from a Quiet Front',
  'The Last Shift',
  'High Water Mark',
  'Paper Borders',
  'The Ledger',
  'Forty Miles to Care',
]

describe('demo films', () => {
  it('run between 60 and 180 seconds, differently from film to film, the same every time', () => {
    const runtimes = TITLES.map((title, index) => demoRuntime(title, index))
    for (const seconds of runtimes) assert.ok(seconds >= 60 && seconds <= 180, String(seconds))
    assert.equal(new Set(runtimes).size, TITLES.length, runtimes.join(', '))
    assert.ok(Math.max(...runtimes) - Math.min(...runtimes) >= 60, runtimes.join(', '))
    assert.deepEqual(
      TITLES.map((title, index) => demoRuntime(title, index)),
      runtimes,
    )
  })

  it('fill their runtime with scenes, and spread chapters and captions over it', () => {
    for (const [index, title] of TITLES.entries()) {
      const seconds = demoRuntime(title, index)
      const plan = planDemoFilm(index, seconds, 5)
      const last = plan.scenes.at(-1)!
      assert.ok(Math.abs(last.start + last.seconds - seconds) < 0.01, `${title}: scenes end at the runtime`)
      assert.ok(
        plan.scenes.some(s => s.speaker),
        `${title}: a lower third names someone`,
      )
      const chapters = demoChapters(seconds)
      assert.equal(chapters[0]?.startSeconds, 0)
      assert.ok(chapters.at(-1)!.startSeconds > seconds / 2 && chapters.at(-1)!.startSeconds < seconds)
      const cues = [...demoCaptions(title, ['A line.'], seconds).matchAll(/--> (\d+):(\d+):(\d+\.\d+)/g)]
      const end = cues.map(m => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]))
      assert.ok(end.at(-1)! <= seconds && end.at(-1)! > seconds - 6, `${title}: captions run to the end`)
    }
  })

  it('make a master that decodes whole: 640×360, with sound, as long as planned', async () => {
    const work = await mkdtemp(join(tmpdir(), 'demo-film-test-'))
    try {
      // The shortest film, cut from two drawn pictures standing in for the newsroom's landscapes.
      const index = TITLES.length - 1
      const title = TITLES[index]!
      const seconds = demoRuntime(title, index)
      const stills = [await renderSky(1), await renderSky(2)]
      const started = Date.now()
      const master = await renderDemoMaster(title, index, undefined, seconds, stills)
      const took = (Date.now() - started) / 1000
      const path = join(work, 'master.mp4')
      await writeFile(path, master)
      const probe = await probeVideo(path)
      assert.equal(probe.width, 640)
      assert.equal(probe.height, 360)
      assert.ok(probe.hasAudio)
      assert.ok(Math.abs(probe.durationSeconds - seconds) < 0.5, `${probe.durationSeconds} vs ${seconds}`)
      await checkDecodes(path, { durationSeconds: probe.durationSeconds, frameRate: probe.frameRate })
      console.log(`# a ${seconds} s demo master took ${took.toFixed(1)} s to make`)
      // Its transcode copies the pictures: every segment but the last is exactly 4 s (keyframes on
      // the grid), and the sound is encoded as mono AAC.
      const ladder = planLadder(probe)
      assert.ok(canCopyVideo(probe, ladder, [], true))
      assert.equal(probe.audioChannels, 1)
      const out = join(work, 'out')
      await mkdir(join(out, 'r360'), { recursive: true })
      const args = transcodeArgs(path, probe, ladder, planSprite(probe), { preset: 'ultrafast', copyVideo: true })
      assert.ok(args.join(' ').includes('-c:v copy'))
      await runFfmpeg(args, { cwd: out })
      const playlist = await readFile(join(out, 'r360', 'index.m3u8'), 'utf8')
      const lengths = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map(m => Number(m[1]))
      assert.equal(lengths.length, Math.ceil(seconds / 4))
      for (const length of lengths.slice(0, -1)) assert.equal(length, 4)
      const rendition = await probeVideo(join(out, 'r360', 'index.m3u8'))
      assert.equal(rendition.videoCodec, 'h264')
      assert.equal(rendition.audioChannels, 1)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  })
})
