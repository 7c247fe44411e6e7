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
  /** Average pictures a second as the container states it, when it states one. */
  frameRate?: number | undefined
}

/** Reads a file's duration, size and audio with ffprobe; refuses a file that holds no readable video. */
export async function probeVideo(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]
  const { code, stdout, stderr } = await run(binary('ffprobe'), args, { signal })
  // ffprobe names the file it read; the reason a person reads should not show a server path.
  if (code !== 0)
    throw new InvalidInput(`Not a readable video: ${probeFailure(stderr, path) || `ffprobe exited with ${code}`}`)
  let data: {
    streams?: {
      codec_type?: string
      width?: number
      height?: number
      duration?: string
      avg_frame_rate?: string
      disposition?: { attached_pic?: number }
    }[]
    format?: { duration?: string }
  }
  try {
    data = JSON.parse(stdout) as typeof data
  } catch {
    throw new InvalidInput('Not a readable video: ffprobe gave no description.')
  }
  const streams = data.streams ?? []
  const video = streams.find(
    s => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0 && (s.height ?? 0) > 0,
  )
  const duration = Number(data.format?.duration ?? video?.duration)
  if (!video || !video.width || !video.height)
    throw new InvalidInput('Not a readable video: the file has no video stream.')
  if (!Number.isFinite(duration) || duration <= 0)
    throw new InvalidInput('Not a readable video: its duration is unknown.')
  const probed: ProbeResult = {
    durationSeconds: duration,
    width: video.width,
    height: video.height,
    hasAudio: streams.some(s => s.codec_type === 'audio'),
  }
  const [num, den] = (video.avg_frame_rate ?? '').split('/').map(Number)
  if (num && den && Number.isFinite(num / den)) probed.frameRate = num / den
  return probed
}

/** Why ffprobe could not read a file, in words a person can act on; never the server's path. */
function probeFailure(stderr: string, path: string): string {
  // An MP4 or MOV keeps its index (the "moov" box) at the end unless it was exported for streaming:
  // a copy cut short loses it, and ffprobe's own words for that mean nothing to an editor.
  if (/moov atom not found/.test(stderr))
    return 'it ends early or was cut off (its index, the MP4 “moov” box, is missing); upload it again from the original'
  return cleanLog(lastLines(stderr, 3), path).join('; ')
}

/** ffmpeg's log lines without the file's path or the decoder's `[h264 @ 0x…]` prefix. */
function cleanLog(text: string, path: string): string[] {
  return text
    .split(`${path}: `)
    .join('')
    .split(path)
    .join('the file')
    .replace(/\[[^\]]* @ 0x[0-9a-f]+\] /g, '')
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
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
  if (code !== 0)
    throw new InvalidInput(`Not readable audio: ${probeFailure(stderr, path) || `ffprobe exited with ${code}`}`)
  let data: {
    streams?: { codec_type?: string; codec_name?: string; channels?: number; sample_rate?: string; duration?: string }[]
    format?: { duration?: string }
  }
  try {
    data = JSON.parse(stdout) as typeof data
  } catch {
    throw new InvalidInput('Not readable audio: ffprobe gave no description.')
  }
  const audio = (data.streams ?? []).find(s => s.codec_type === 'audio')
  if (!audio) throw new InvalidInput('Not readable audio: the file has no audio stream.')
  const duration = Number(data.format?.duration ?? audio.duration)
  if (!Number.isFinite(duration) || duration <= 0)
    throw new InvalidInput('Not readable audio: its duration is unknown.')
  return {
    durationSeconds: duration,
    codec: audio.codec_name ?? 'unknown',
    channels: audio.channels ?? 0,
    sampleRate: Number(audio.sample_rate ?? 0),
  }
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
export async function runFfmpeg(
  args: readonly string[],
  options: {
    cwd?: string | undefined
    signal?: AbortSignal | undefined
    onTime?: ((seconds: number) => void) | undefined
  } = {},
): Promise<void> {
  const full = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args]
  const result = await run(binary('ffmpeg'), full, {
    cwd: options.cwd,
    signal: options.signal,
    onStdout: progressParser(options.onTime),
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0)
    throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
}

function progressParser(onTime?: ((seconds: number) => void) | undefined): ((chunk: string) => void) | undefined {
  if (!onTime) return undefined
  let pending = ''
  return chunk => {
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
export async function runFfmpegForLog(
  args: readonly string[],
  options: { signal?: AbortSignal | undefined } = {},
): Promise<string> {
  const result = await run(binary('ffmpeg'), ['-hide_banner', '-nostdin', '-y', '-nostats', ...args], {
    signal: options.signal,
    keepStderr: true,
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0)
    throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
  return result.stderr
}

function run(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string | undefined
    signal?: AbortSignal | undefined
    onStdout?: ((chunk: string) => void) | undefined
    onStderr?: ((chunk: string) => void) | undefined
    keepStderr?: boolean | undefined
  },
): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error(`${command} was not started: the job was cancelled`))
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    // Transcoding yields the CPU to the web process serving readers on the same machine.
    if (child.pid)
      try {
        setPriority(child.pid, 10)
      } catch {
        /* not permitted here: run at normal priority */
      }
    let stdout = ''
    let stderr = ''
    const onAbort = () => child.kill('SIGKILL')
    options.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.onStdout) options.onStdout(chunk)
      else stdout += chunk
    })
    // Only the tail matters for messages; keep memory bounded on long runs.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      options.onStderr?.(chunk)
      stderr = (stderr + chunk).slice(options.keepStderr ? -200_000 : -16_000)
    })
    child.on('error', error => {
      options.signal?.removeEventListener('abort', onAbort)
      reject(error)
    })
    child.on('close', code => {
      options.signal?.removeEventListener('abort', onAbort)
      resolve({ code, stdout, stderr })
    })
  })
}

/** What decoding a whole master showed: how far it got, how many pictures, and what went wrong. */
export interface DecodeReport {
  /** Seconds of media decoded (the furthest timestamp reached). */
  decodedSeconds: number
  /** Pictures decoded; 0 for audio. */
  frames: number
  /** How many error lines the decoders and the demuxer wrote. */
  errorCount: number
  /** The first few of them, cleaned for a person to read. */
  firstErrors: string[]
}

// Lines ffmpeg writes at error level for files that still play correctly: a capture that
// starts between keyframes, or timestamps it repairs itself.
const HARMLESS = /mmco: unref short failure|non monotonically increasing dts|number of reference frames .* exceeds max/

/**
 * Decodes every picture and sample of a file's first video and audio streams, writing nothing.
 * It reads the whole file once (for a master the transcode reads anyway) and reports what it
 * saw; `judgeDecode` decides whether that is a whole, sound file.
 */
export async function decodeAll(
  path: string,
  options: { signal?: AbortSignal | undefined; onTime?: ((seconds: number) => void) | undefined } = {},
): Promise<DecodeReport> {
  const args = [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    '-i',
    path,
    '-map',
    '0:v:0?',
    '-map',
    '0:a:0?',
    '-f',
    'null',
    '-',
  ]
  let decodedSeconds = 0
  let frames = 0
  let errorCount = 0
  const firstErrors: string[] = []
  let pendingErr = ''
  const onTime = progressParser(seconds => {
    decodedSeconds = Math.max(decodedSeconds, seconds)
    options.onTime?.(seconds)
  })
  const result = await run(binary('ffmpeg'), args, {
    signal: options.signal,
    onStdout: chunk => {
      for (const match of chunk.matchAll(/^frame=(\d+)/gm)) frames = Math.max(frames, Number(match[1]))
      onTime?.(chunk)
    },
    onStderr: chunk => {
      pendingErr += chunk
      const lines = pendingErr.split('\n')
      pendingErr = lines.pop() ?? ''
      for (const line of cleanLog(lines.join('\n'), path)) {
        if (HARMLESS.test(line)) continue
        errorCount++
        if (firstErrors.length < 3 && !firstErrors.includes(line)) firstErrors.push(line)
      }
    },
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  for (const line of cleanLog(pendingErr, path)) {
    if (HARMLESS.test(line)) continue
    errorCount++
    if (firstErrors.length < 3) firstErrors.push(line)
  }
  // A decoder that gave up exits non-zero: that is an error even when it printed nothing.
  if (result.code !== 0 && errorCount === 0) {
    errorCount = 1
    firstErrors.push(`ffmpeg exited with ${result.code}`)
  }
  return { decodedSeconds, frames, errorCount, firstErrors }
}

/** What the container promises: its duration, and for a video its average frame rate. */
export interface DecodeExpectation {
  durationSeconds: number
  frameRate?: number | undefined
}

/**
 * Why a decoded master cannot be used, as a sentence an editor can act on; undefined when it is
 * whole. Signs, in the order a person can best act on them: the file stops well before the
 * duration its header states (cut off in transfer), pictures are missing, or parts fail to
 * decode (damaged in the middle).
 */
export function judgeDecode(report: DecodeReport, expected: DecodeExpectation): string | undefined {
  const claimed = expected.durationSeconds
  // Encoders pad the last frame or audio packet; a cut file falls short by far more than this.
  const slack = Math.max(1, claimed * 0.01)
  if (report.decodedSeconds < claimed - slack) {
    return (
      `The file ends early: it holds ${spokenLength(report.decodedSeconds)} of the ${spokenLength(claimed)} its header promises. ` +
      'It was probably cut off while being copied or uploaded. Upload it again from the original.'
    )
  }
  if (expected.frameRate) {
    // A still-image or variable-rate film states its average rate, so the count holds for it too.
    const promised = Math.round(claimed * expected.frameRate)
    if (report.frames < promised * 0.8) {
      return `The file is missing pictures: ${report.frames} of the about ${promised} its header promises could be decoded. Upload it again from the original.`
    }
  }
  if (report.errorCount > 0) {
    const first = report.firstErrors[0] ? ` (the first: “${report.firstErrors[0].slice(0, 200)}”)` : ''
    return (
      `The file is damaged: decoding it met ${report.errorCount === 1 ? 'an error' : `${report.errorCount} errors`}${first}. ` +
      'It would play with glitches or stop. Upload it again from the original.'
    )
  }
  return undefined
}

/** A length as the refusal says it: "3 s", "12 min 5 s", "1 h 2 min". */
function spokenLength(seconds: number): string {
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h) return m ? `${h} h ${m} min` : `${h} h`
  if (m) return s ? `${m} min ${s} s` : `${m} min`
  return `${total} s`
}

/** Decodes a master and refuses it (InvalidInput, with the reason) when it is cut short or damaged. */
export async function checkDecodes(
  path: string,
  expected: DecodeExpectation,
  options: { signal?: AbortSignal | undefined; onTime?: ((seconds: number) => void) | undefined } = {},
): Promise<void> {
  const problem = judgeDecode(await decodeAll(path, options), expected)
  if (problem) throw new InvalidInput(problem)
}
