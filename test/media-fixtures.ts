// Small media files made by ffmpeg for tests (the one on PATH, else the npm package's), so no
// test depends on a system ffmpeg being installed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { binary } from '../src/platform/ffmpeg.js'
import { upsertVideo } from '../src/videos/index.js'
import type { testApp } from './helpers.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** Runs ffmpeg quietly, overwriting outputs; throws with ffmpeg's message when it fails. */
export function ffmpeg(...args: string[]): void {
  execFileSync(binary('ffmpeg'), ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

/**
 * Writes an H.264/AAC MP4 of a moving test pattern with a tone to `path` (no sound track with
 * `sound: false`). `faststart` puts the index (moov) before the pictures, as editing tools' "web
 * optimised" exports do.
 */
export function makeTestClip(
  path: string,
  options: {
    width?: number
    height?: number
    seconds?: number
    fps?: number
    faststart?: boolean
    sound?: boolean
  } = {},
): void {
  const { width = 320, height = 180, seconds = 3, fps = 25, faststart = false, sound = true } = options
  const tone = sound ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac', '-shortest'] : []
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    ...tone,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    ...(faststart ? ['-movflags', '+faststart'] : []),
    path,
  )
}

/** The first `fraction` of a file's bytes: a copy cut off in transfer. */
export function cutShort(file: Buffer, fraction: number): Buffer {
  return Buffer.from(file.subarray(0, Math.floor(file.length * fraction)))
}

/**
 * A copy with a run of bytes in the middle overwritten by noise (a bad disk sector, a broken
 * transfer): the header and the length are intact, so only decoding shows the damage. The noise
 * is the same every run, from a fixed seed.
 */
export function damageMiddle(file: Buffer, fraction = 0.05): Buffer {
  const damaged = Buffer.from(file)
  const length = Math.max(1, Math.floor(file.length * fraction))
  const start = Math.floor((file.length - length) / 2)
  let seed = 0x2545f491
  for (let i = start; i < start + length; i++) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    damaged[i] = seed & 0xff
  }
  return damaged
}

/** Writes a one-colour still image (format from the file name) to `path`. */
export function makeStill(path: string, options: { color?: string; width?: number; height?: number } = {}): void {
  const { color = 'red', width = 16, height = 16 } = options
  ffmpeg('-f', 'lavfi', '-i', `color=c=${color}:s=${width}x${height}`, '-frames:v', '1', path)
}

/**
 * Makes a small real film (12 s, 320x180, H.264/AAC, HLS segments, an MP4 and a poster) with
 * ffmpeg and stores it, with its row, as the pipeline leaves a ready one; answers the video's id.
 */
export async function storeReadyFilm(t: TestApp, documentaryId: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'newsreel-film-'))
  try {
    const mp4 = join(dir, 'film.mp4')
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=25:duration=12',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=12',
      '-c:v',
      'libx264',
      '-profile:v',
      'main',
      '-level',
      '3.0',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '50',
      '-keyint_min',
      '50',
      '-sc_threshold',
      '0',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-ac',
      '2',
      '-movflags',
      '+faststart',
      mp4,
    )
    ffmpeg(
      '-i',
      mp4,
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      '2',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_filename',
      join(dir, 'seg%03d.ts'),
      join(dir, 'index.m3u8'),
    )
    ffmpeg('-ss', '1', '-i', mp4, '-frames:v', '1', join(dir, 'poster.jpg'))
    const prefix = `videos/${documentaryId}/fixture`
    for (const name of readdirSync(dir)) await t.storage.put(`${prefix}/hls/${name}`, readFileSync(join(dir, name)))
    await t.storage.put(
      `${prefix}/master.m3u8`,
      Buffer.from(
        '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS="avc1.4d401e,mp4a.40.2"\nhls/index.m3u8\n',
      ),
    )
    const db = t.database.db
    const video = await upsertVideo(db, documentaryId, `${prefix}/hls/film.mp4`)
    await db
      .updateTable('videos')
      .set({
        status: 'ready',
        progress: 1,
        duration_seconds: 12,
        width: 320,
        height: 180,
        output_prefix: prefix,
        live_prefix: prefix,
        poster_key: `${prefix}/hls/poster.jpg`,
        mp4_key: `${prefix}/hls/film.mp4`,
      })
      .where('id', '=', video.id)
      .execute()
    return video.id
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
