// Small media files made by ffmpeg for tests (the one on PATH, else the npm package's), so no
// test depends on a system ffmpeg being installed.
import { execFileSync } from 'node:child_process'
import { binary } from '../src/platform/ffmpeg.js'

/** Runs ffmpeg quietly, overwriting outputs; throws with ffmpeg's message when it fails. */
export function ffmpeg(...args: string[]): void {
  execFileSync(binary('ffmpeg'), ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Writes an H.264/AAC MP4 of a moving test pattern with a tone to `path`. */
export function makeTestClip(path: string, options: { width?: number; height?: number; seconds?: number; fps?: number } = {}): void {
  const { width = 320, height = 180, seconds = 3, fps = 25 } = options
  ffmpeg('-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path)
}

/** Writes a one-colour still image (format from the file name) to `path`. */
export function makeStill(path: string, options: { color?: string; width?: number; height?: number } = {}): void {
  const { color = 'red', width = 16, height = 16 } = options
  ffmpeg('-f', 'lavfi', '-i', `color=c=${color}:s=${width}x${height}`, '-frames:v', '1', path)
}
