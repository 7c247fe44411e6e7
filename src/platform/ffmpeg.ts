// The media tools parts use: probing a master with ffprobe, and running ffmpeg with progress or for
// its log. Finding and spawning the binaries is in ffmpeg-process.ts, the decoding check in
// decode-check.ts; what parts use of those is exported here too, so they import this one file.
import { InvalidInput } from './errors.js'
import { binary, cleanLog, lastLines, runTool } from './ffmpeg-process.js'

export { binary, lastLines, runFfmpeg, type FfmpegResult } from './ffmpeg-process.js'
export {
  checkDecodes,
  decodeAll,
  DECODE_OUTPUT,
  runCheckingDecode,
  judgeDecode,
  type DecodeExpectation,
  type DecodeReport,
} from './decode-check.js'

/** What ffprobe tells about a master. */
export interface ProbeResult {
  durationSeconds: number
  width: number
  height: number
  hasAudio: boolean
  /** Average pictures a second as the container states it, when it states one. */
  frameRate?: number | undefined
  /** ffprobe's name for the pictures' codec (`h264`, `vp9`…), when it gives one. */
  videoCodec?: string | undefined
  /** Channels of the first sound stream, when there is one and ffprobe counts them. */
  audioChannels?: number | undefined
}

/** Reads a file's duration, size and audio with ffprobe; refuses a file that holds no readable video. */
export async function probeVideo(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]
  const { code, stdout, stderr } = await runTool(binary('ffprobe'), args, { signal })
  // ffprobe names the file it read; the reason a person reads should not show a server path.
  if (code !== 0)
    throw new InvalidInput(`Not a readable video: ${probeFailure(stderr, path) || `ffprobe exited with ${code}`}`)
  let data: {
    streams?: {
      codec_type?: string
      codec_name?: string
      channels?: number
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
  if (video.codec_name) probed.videoCodec = video.codec_name
  const sound = streams.find(s => s.codec_type === 'audio')
  if (sound?.channels) probed.audioChannels = sound.channels
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
  const { code, stdout, stderr } = await runTool(binary('ffprobe'), args, { signal })
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

/** Runs ffmpeg and answers its whole stderr (for filters that report there, like loudnorm and ebur128). */
export async function runFfmpegForLog(
  args: readonly string[],
  options: { signal?: AbortSignal | undefined } = {},
): Promise<string> {
  const result = await runTool(binary('ffmpeg'), ['-hide_banner', '-nostdin', '-y', '-nostats', ...args], {
    signal: options.signal,
    keepStderr: true,
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0)
    throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
  return result.stderr
}
