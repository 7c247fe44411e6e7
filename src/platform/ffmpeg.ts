// Finding and running ffmpeg and ffprobe: from PATH first, else the binaries the npm packages ship.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'
import { InvalidInput } from './errors.js'

const cache = new Map<string, string>()

/** The command to run for `ffmpeg` or `ffprobe`: the one on PATH, else the npm package's binary. */
export function binary(name: 'ffmpeg' | 'ffprobe'): string {
  const known = cache.get(name)
  if (known) return known
  let found: string = name
  if (spawnSync(name, ['-version'], { stdio: 'ignore' }).status !== 0) {
    const pkg = name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe'
    try {
      found = (createRequire(import.meta.url)(pkg) as { path: string }).path
    } catch {
      throw new Error(`${name} is neither on PATH nor installed with ${pkg}`)
    }
  }
  cache.set(name, found)
  return found
}

/** What ffprobe tells about a master. */
export interface ProbeResult {
  durationSeconds: number
  width: number
  height: number
  hasAudio: boolean
}

/** Reads a file's duration, size and audio with ffprobe; refuses a file that holds no readable video. */
export async function probeVideo(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]
  const { code, stdout, stderr } = await run(binary('ffprobe'), args, { signal })
  // ffprobe names the file it read; the reason a person reads should not show a server path.
  const reason = lastLines(stderr, 3).split(`${path}: `).join('').split(path).join('the file')
    .replace(/\[[^\]]* @ 0x[0-9a-f]+\] /g, '').split('\n').map((line) => line.trim()).filter(Boolean).join('; ')
  if (code !== 0) throw new InvalidInput(`Not a readable video: ${reason || `ffprobe exited with ${code}`}`)
  let data: { streams?: { codec_type?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }[]; format?: { duration?: string } }
  try {
    data = JSON.parse(stdout) as typeof data
  } catch {
    throw new InvalidInput('Not a readable video: ffprobe gave no description.')
  }
  const streams = data.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0 && (s.height ?? 0) > 0)
  const duration = Number(data.format?.duration ?? video?.duration)
  if (!video || !video.width || !video.height) throw new InvalidInput('Not a readable video: the file has no video stream.')
  if (!Number.isFinite(duration) || duration <= 0) throw new InvalidInput('Not a readable video: its duration is unknown.')
  return { durationSeconds: duration, width: video.width, height: video.height, hasAudio: streams.some((s) => s.codec_type === 'audio') }
}

/** What ffprobe tells about an audio master. */
export interface AudioProbe {
  durationSeconds: number
  codec: string
  channels: number
  sampleRate: number
}

/** Reads a file's audio with ffprobe; refuses a file with no audio stream or no known length. */
export async function probeAudio(path: string, signal?: AbortSignal): Promise<AudioProbe> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]
  const { code, stdout, stderr } = await run(binary('ffprobe'), args, { signal })
  const reason = lastLines(stderr, 3).split(`${path}: `).join('').split(path).join('the file')
    .replace(/\[[^\]]* @ 0x[0-9a-f]+\] /g, '').split('\n').map((line) => line.trim()).filter(Boolean).join('; ')
  if (code !== 0) throw new InvalidInput(`Not readable audio: ${reason || `ffprobe exited with ${code}`}`)
  let data: { streams?: { codec_type?: string; codec_name?: string; channels?: number; sample_rate?: string; duration?: string }[]; format?: { duration?: string } }
  try {
    data = JSON.parse(stdout) as typeof data
  } catch {
    throw new InvalidInput('Not readable audio: ffprobe gave no description.')
  }
  const audio = (data.streams ?? []).find((s) => s.codec_type === 'audio')
  if (!audio) throw new InvalidInput('Not readable audio: the file has no audio stream.')
  const duration = Number(data.format?.duration ?? audio.duration)
  if (!Number.isFinite(duration) || duration <= 0) throw new InvalidInput('Not readable audio: its duration is unknown.')
  return { durationSeconds: duration, codec: audio.codec_name ?? 'unknown', channels: audio.channels ?? 0, sampleRate: Number(audio.sample_rate ?? 0) }
}

/** How an ffmpeg run went: exit code and the end of its log. */
export interface FfmpegResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs ffmpeg with `-progress pipe:1`, reporting seconds encoded as they come. Killed when
 * `signal` aborts. Rejects with the last lines of ffmpeg's log when it fails.
 */
export async function runFfmpeg(args: readonly string[], options: { cwd?: string; signal?: AbortSignal; onTime?: (seconds: number) => void } = {}): Promise<void> {
  const full = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args]
  const result = await run(binary('ffmpeg'), full, { cwd: options.cwd, signal: options.signal, onStdout: progressParser(options.onTime) })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0) throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
}

function progressParser(onTime?: (seconds: number) => void): ((chunk: string) => void) | undefined {
  if (!onTime) return undefined
  let pending = ''
  return (chunk) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const match = /^out_time_us=(\d+)/.exec(line.trim())
      if (match) onTime(Number(match[1]) / 1e6)
    }
  }
}

/** The last lines of a log, trimmed, for error messages. */
export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n').slice(-2000)
}

/** Runs ffmpeg and answers its whole stderr (for filters that report there, like loudnorm and ebur128). */
export async function runFfmpegForLog(args: readonly string[], options: { signal?: AbortSignal } = {}): Promise<string> {
  const result = await run(binary('ffmpeg'), ['-hide_banner', '-nostdin', '-y', '-nostats', ...args], { signal: options.signal, keepStderr: true })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0) throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
  return result.stderr
}

function run(command: string, args: readonly string[], options: { cwd?: string; signal?: AbortSignal; onStdout?: (chunk: string) => void; keepStderr?: boolean }): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error(`${command} was not started: the job was cancelled`))
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    // Transcoding yields the CPU to the web process serving readers on the same machine.
    if (child.pid) try { setPriority(child.pid, 10) } catch { /* not permitted here: run at normal priority */ }
    let stdout = ''
    let stderr = ''
    const onAbort = () => child.kill('SIGKILL')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.onStdout) options.onStdout(chunk)
      else stdout += chunk
    })
    // Only the tail matters for messages; keep memory bounded on long runs.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(options.keepStderr ? -200_000 : -16_000) })
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort)
      reject(error)
    })
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort)
      resolve({ code, stdout, stderr })
    })
  })
}
