// Small media files made by ffmpeg for tests (the one on PATH, else the npm package's), so no
// test depends on a system ffmpeg being installed.
import { execFileSync } from 'node:child_process'
import { binary } from '../src/platform/ffmpeg.js'

/** Runs ffmpeg quietly, overwriting outputs; throws with ffmpeg's message when it fails. */
export function ffmpeg(...args: string[]): void {
  execFileSync(binary('ffmpeg'), ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

/**
 * Writes an H.264/AAC MP4 of a moving test pattern with a tone to `path`. `faststart` puts the
 * index (moov) before the pictures, as editing tools' "web optimised" exports do.
 */
export function makeTestClip(
  path: string,
  options: { width?: number; height?: number; seconds?: number; fps?: number; faststart?: boolean } = {},
): void {
  const { width = 320, height = 180, seconds = 3, fps = 25, faststart = false } = options
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
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
