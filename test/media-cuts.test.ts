// A withheld passage is cut from what readers are served, not hidden: the transcode blanks its
// span to black and silence in every output, keeping the timeline. Shown by decoding the files
// the media route serves (an HLS rendition and the MP4, over HTTP, as a player fetches them),
// the poster and the scrubbing sprite; and, for a passage withheld after publishing, that the old
// renditions stop being served at once and the new ones lack it. Real ffmpeg, on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp } from './helpers.js'
import { makeInterview } from './factories.js'
import { makeTestClip } from './media-fixtures.js'
import { runFfmpegForLog } from '../src/platform/ffmpeg.js'
import {
  enqueueTranscode,
  findPlayableInterviewVideo,
  findVideoByInterview,
  setVideoCuts,
  upsertInterviewVideo,
} from '../src/videos/index.js'
import { withholdPassages } from '../src/interviews/index.js'
import { actingAs } from './acting.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** The cut: 4.5 s to 8.5 s of a 12 s recording. */
const CUT: [number, number] = [4.5, 8.5]

/** Values a metadata filter printed, each with the time of its frame. */
function timed(log: string, key: string): Array<{ at: number; value: number }> {
  const points: Array<{ at: number; value: number }> = []
  let at: number | undefined
  for (const line of log.split('\n')) {
    const time = /pts_time:(-?[\d.]+)/.exec(line)
    if (time) at = Number(time[1])
    const value = new RegExp(`${key.replaceAll('.', '\\.')}=(-?[\\d.]+|-inf)`).exec(line)
    if (value && at !== undefined) points.push({ at, value: value[1] === '-inf' ? -Infinity : Number(value[1]) })
  }
  return points
}

/**
 * Decodes a whole file and answers, for any stretch of it, the mean luma (0–255) of its pictures
 * and the loudest 10 ms of its sound (dBFS). Frames are placed by their own timestamps (decoding
 * everything, rather than seeking, is exact on every kind of file).
 */
async function decode(url: string) {
  const pictures = timed(
    await runFfmpegForLog([
      '-i',
      url,
      '-an',
      '-vf',
      'signalstats,metadata=print:key=lavfi.signalstats.YAVG',
      '-f',
      'null',
      '-',
    ]),
    'lavfi.signalstats.YAVG',
  )
  const sound = timed(
    await runFfmpegForLog([
      '-i',
      url,
      '-vn',
      '-af',
      'asetnsamples=n=480,astats=metadata=1:reset=1,ametadata=print:key=lavfi.astats.Overall.Peak_level',
      '-f',
      'null',
      '-',
    ]),
    'lavfi.astats.Overall.Peak_level',
  )
  assert.ok(
    pictures.length > 100 && sound.length > 100,
    `decoded ${pictures.length} pictures and ${sound.length} blocks of sound from ${url}`,
  )
  return (from: number, to: number) => {
    const frames = pictures.filter(p => p.at >= from && p.at <= to)
    const blocks = sound.filter(p => p.at >= from && p.at <= to)
    return {
      frames: frames.length,
      luma: frames.reduce((sum, p) => sum + p.value, 0) / frames.length,
      loudestDb: Math.max(...blocks.map(p => (p.value < -200 ? -Infinity : p.value))),
    }
  }
}

/**
 * The rendition as a player fetches it over HTTP: its media playlist, then the init segment and
 * every media segment it lists, joined into the one fMP4 stream the browser's decoder is fed.
 */
async function fetchRendition(playlistUrl: string, into: string): Promise<string> {
  const playlist = await (await fetch(playlistUrl)).text()
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1]
  const segments = playlist
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'))
  assert.ok(init && segments.length >= 3, playlist)
  const parts: Buffer[] = []
  for (const uri of [init, ...segments]) {
    const res = await fetch(new URL(uri, playlistUrl))
    assert.equal(res.status, 200, uri)
    parts.push(Buffer.from(await res.arrayBuffer()))
  }
  writeFileSync(into, Buffer.concat(parts))
  return into
}

/** Mean luma of a still picture, or of a crop of it (x, y, w, h). */
async function stillLuma(path: string, crop?: [number, number, number, number]): Promise<number> {
  const log = await runFfmpegForLog([
    '-i',
    path,
    '-vf',
    `${crop ? `crop=${crop[2]}:${crop[3]}:${crop[0]}:${crop[1]},` : ''}signalstats,metadata=print:key=lavfi.signalstats.YAVG`,
    '-f',
    'null',
    '-',
  ])
  return Number(/lavfi\.signalstats\.YAVG=([\d.]+)/.exec(log)?.[1])
}

describe('a withheld span in the served renditions', () => {
  let t: TestApp
  let base: string
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-cuts-'))

  before(async () => {
    t = await testApp({ runJobs: false })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  after(async () => {
    await t.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is black and silent in the HLS rendition, the MP4 and the sprite, the poster avoids it, and the rest plays as recorded', async () => {
    makeTestClip(join(dir, 'interview.mp4'), { width: 320, height: 180, seconds: 12 })
    const interview = await makeInterview(t.database.db)
    const masterKey = `videos/interview-masters/${interview.id}.mp4`
    await t.storage.put(masterKey, readFileSync(join(dir, 'interview.mp4')))
    await t.database.db.transaction().execute(async trx => {
      const video = await upsertInterviewVideo(trx, interview.id, masterKey)
      await setVideoCuts(trx, video.id, [CUT])
      await enqueueTranscode(trx, video.id)
    })
    await t.jobs.runDueJobs()
    const video = await findVideoByInterview(t.database.db, interview.id)
    assert.equal(video?.status, 'ready', video?.error ?? '')
    const playable = await findPlayableInterviewVideo(t.database.db, interview.id)
    assert.ok(playable?.status === 'ready')
    // The timeline is kept: the passages after the cut play at their transcript times.
    assert.equal(playable.durationSeconds, 12)

    const rendition = await fetchRendition(
      `${base}/media/${video.renditions[0]!.playlistKey}`,
      join(dir, 'rendition.mp4'),
    )
    for (const url of [rendition, `${base}${playable.mp4Url}`]) {
      const stretch = await decode(url)
      const inside = stretch(CUT[0] + 0.05, CUT[1] - 0.05)
      assert.ok(inside.frames >= 50, `${url}: ${inside.frames} frames decoded in the cut`)
      assert.ok(inside.luma < 24, `${url}: the cut is black (mean luma ${inside.luma.toFixed(1)})`)
      assert.ok(inside.loudestDb <= -60, `${url}: the cut is silent (loudest ${inside.loudestDb} dB)`)
      for (const [from, to] of [
        [0.5, CUT[0] - 0.1],
        [CUT[1] + 0.1, 11.5],
      ] as const) {
        const outside = stretch(from, to)
        assert.ok(outside.luma > 50, `${url} at ${from}s: the picture plays (mean luma ${outside.luma.toFixed(1)})`)
        assert.ok(outside.loudestDb > -30, `${url} at ${from}s: the tone plays (loudest ${outside.loudestDb} dB)`)
      }
    }

    const poster = t.storage.localPath(video.posterKey!)
    assert.ok(poster && (await stillLuma(poster)) > 50, 'the poster is a picture from outside the cut')
    // The sprite has a frame about every 2 s, 160×90 each in one row: the one at 6 s is in the cut.
    const sprite = t.storage.localPath(`${video.livePrefix}/sprite.jpg`)
    assert.ok(sprite)
    for (const [i, black] of [
      [0, false],
      [1, false],
      [3, true],
      [5, false],
    ] as const) {
      const luma = await stillLuma(sprite, [i * 160, 0, 160, 90])
      assert.ok(black ? luma < 24 : luma > 50, `sprite frame ${i} (at ${i * 2} s): mean luma ${luma.toFixed(1)}`)
    }
  })

  it('withheld after publishing: the served renditions go at once, and the new ones are black and silent over it', async () => {
    makeTestClip(join(dir, 'published.mp4'), { width: 320, height: 180, seconds: 12 })
    const interview = await makeInterview(t.database.db, {
      status: 'published',
      passages: [
        { speaker: 'Ana', startSeconds: 0, endSeconds: CUT[0], text: 'We met at the harbour at dawn.' },
        { speaker: 'Ana', startSeconds: CUT[0], endSeconds: CUT[1], text: 'Between us, the manifest was forged.' },
        { speaker: 'Ana', startSeconds: CUT[1], endSeconds: 12, text: 'Then the ship left.' },
      ],
    })
    const masterKey = `videos/interview-masters/${interview.id}.mp4`
    await t.storage.put(masterKey, readFileSync(join(dir, 'published.mp4')))
    await t.database.db
      .transaction()
      .execute(async trx => enqueueTranscode(trx, (await upsertInterviewVideo(trx, interview.id, masterKey)).id))
    await t.jobs.runDueJobs()
    const before = await findVideoByInterview(t.database.db, interview.id)
    assert.equal(before?.status, 'ready', before?.error ?? '')
    const oldMp4 = `${base}/media/${before.mp4Key}`
    assert.ok((await decode(oldMp4))(CUT[0] + 0.05, CUT[1] - 0.05).luma > 50, 'before: the passage plays')

    const editor = await actingAs(t.database.db, 'editor')
    assert.equal(
      await withholdPassages({ ...editor.deps, storage: t.storage }, editor.actor, interview.id, [1], 'unverified'),
      true,
    )
    // At once: nothing points at the old renditions and their files are gone.
    assert.deepEqual(await findPlayableInterviewVideo(t.database.db, interview.id), {
      status: 'processing',
      progress: 0,
    })
    for (const url of [
      oldMp4,
      `${base}/media/${before.renditions[0]!.playlistKey}`,
      `${base}/media/${before.livePrefix}/master.m3u8`,
    ]) {
      assert.equal((await fetch(url)).status, 404, url)
    }

    await t.jobs.runDueJobs()
    const after = await findPlayableInterviewVideo(t.database.db, interview.id)
    assert.ok(after?.status === 'ready')
    assert.equal(after.durationSeconds, 12)
    const stretch = await decode(`${base}${after.mp4Url}`)
    const inside = stretch(CUT[0] + 0.05, CUT[1] - 0.05)
    assert.ok(
      inside.luma < 24 && inside.loudestDb <= -60,
      `after: black (${inside.luma.toFixed(1)}) and silent (${inside.loudestDb} dB)`,
    )
    assert.ok(
      stretch(0.5, CUT[0] - 0.1).luma > 50 && stretch(CUT[1] + 0.1, 11.5).loudestDb > -30,
      'the rest plays as recorded',
    )
  })
})
