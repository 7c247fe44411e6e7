// The decoding check: decode a whole master and judge from what ffmpeg saw whether it is cut
// short or damaged, on its own or in the same ffmpeg run as a transcode. Apart from ffmpeg.ts:
// one question, with its own thresholds.
import { InvalidInput } from './errors.js'
import {
  RUN_FLAGS,
  binary,
  cleanLog,
  progressParser,
  runFfmpeg,
  runTool,
  type FfmpegRunOptions,
} from './ffmpeg-process.js'

/** What decoding a whole master showed: how far it got, how many pictures, and what went wrong. */
export interface DecodeReport {
  /** Seconds of media decoded (where the furthest picture or sound decoded ends). */
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
 * The output that decodes input 0's first video and sound streams and lists what came out on
 * file descriptor 3: one framecrc line per picture or block of sound, with its stream, timestamps
 * and duration. `wrapped_avframe` hands each picture on by reference, so nothing is copied or
 * checksummed but a small struct. Put first among a run's outputs, it makes one ffmpeg run both
 * the check and a transcode: the input is decoded once for both. Its own list (not ffmpeg's
 * progress, which reports the furthest of all outputs) says how far the decoding got, so a
 * transcode's generated silence cannot stand in for a master's missing end.
 */
export const DECODE_OUTPUT: readonly string[] = [
  '-map',
  '0:v:0?',
  '-map',
  '0:a:0?',
  '-c:v',
  'wrapped_avframe',
  '-c:a',
  'pcm_s16le',
  // Written in 32 KB blocks: to a pipe, ffmpeg flushes after every packet by default, a write
  // (and a read in the server) per line: 1,363 writes against 3 for a 20 s clip.
  '-flush_packets',
  '0',
  '-f',
  'framecrc',
  'pipe:3',
]

/** Gathers a DecodeReport from a run with DECODE_OUTPUT: its list on pipe 3 and ffmpeg's log. */
class DecodeWatch {
  private decodedSeconds = 0
  private frames = 0
  private errorCount = 0
  private readonly firstErrors: string[] = []
  private pendingList = ''
  private pendingErr = ''
  /** Each listed stream's time base in seconds, and which stream is the pictures. */
  private readonly timeBase = new Map<number, number>()
  private videoStream = -1

  private readonly path: string

  constructor(path: string) {
    this.path = path
  }

  /** framecrc's lines: `#tb 0: 1/25`, `#media_type 0: video`, then `0, dts, pts, duration, size, crc`. */
  readonly onList = (chunk: string): void => {
    this.pendingList += chunk
    const lines = this.pendingList.split('\n')
    this.pendingList = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('#')) {
        const base = /^#tb (\d+): (\d+)\/(\d+)/.exec(line)
        if (base) this.timeBase.set(Number(base[1]), Number(base[2]) / Number(base[3]))
        const type = /^#media_type (\d+): video/.exec(line)
        if (type) this.videoStream = Number(type[1])
        continue
      }
      const fields = line.split(',')
      if (fields.length < 5) continue
      const stream = Number(fields[0])
      if (stream === this.videoStream) this.frames++
      const end = (Number(fields[2]) + Number(fields[3])) * (this.timeBase.get(stream) ?? 0)
      if (end > this.decodedSeconds) this.decodedSeconds = end
    }
  }

  readonly onStderr = (chunk: string): void => {
    this.pendingErr += chunk
    const lines = this.pendingErr.split('\n')
    this.pendingErr = lines.pop() ?? ''
    this.countErrors(lines.join('\n'))
  }

  /** The report once ffmpeg has exited with `code`. */
  report(code: number | null): DecodeReport {
    this.countErrors(this.pendingErr)
    this.pendingErr = ''
    // A decoder that gave up exits non-zero: that is an error even when it printed nothing.
    if (code !== 0 && this.errorCount === 0) {
      this.errorCount = 1
      this.firstErrors.push(`ffmpeg exited with ${code}`)
    }
    const { decodedSeconds, frames, errorCount, firstErrors } = this
    return { decodedSeconds, frames, errorCount, firstErrors: [...firstErrors] }
  }

  private countErrors(text: string): void {
    for (const line of cleanLog(text, this.path)) {
      if (HARMLESS.test(line)) continue
      this.errorCount++
      if (this.firstErrors.length < 3 && !this.firstErrors.includes(line)) this.firstErrors.push(line)
    }
  }
}

/**
 * Decodes every picture and sample of a file's first video and audio streams, writing nothing.
 * It reads the whole file once and reports what it saw; `judgeDecode` decides whether that is a
 * whole, sound file.
 */
export async function decodeAll(
  path: string,
  options: { signal?: AbortSignal | undefined; onTime?: ((seconds: number) => void) | undefined } = {},
): Promise<DecodeReport> {
  const watch = new DecodeWatch(path)
  const result = await runTool(binary('ffmpeg'), [...RUN_FLAGS, '-i', path, ...DECODE_OUTPUT], {
    signal: options.signal,
    onStdout: progressParser(options.onTime),
    onStderr: watch.onStderr,
    onPipe3: watch.onList,
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  return watch.report(result.code)
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

/**
 * Runs ffmpeg with `args`, a run over the master at `path` whose first output is DECODE_OUTPUT
 * (a transcode), and judges the master from that output as `checkDecodes` does. The master is
 * decoded once for both, where a check before the transcode decoded it twice. Refuses a master
 * cut short or damaged (InvalidInput, with the reason). When ffmpeg fails, the failure may be
 * the master's or the run's (a full disk, a killed encoder): the master is then decoded again
 * on its own, so a bad master is refused and anything else is an Error the job tries again.
 */
export async function runCheckingDecode(
  path: string,
  args: readonly string[],
  expected: DecodeExpectation,
  options: Pick<FfmpegRunOptions, 'cwd' | 'signal' | 'onTime'> = {},
): Promise<void> {
  const watch = new DecodeWatch(path)
  try {
    await runFfmpeg(args, { ...options, onStderr: watch.onStderr, onPipe3: watch.onList })
  } catch (error) {
    if (!options.signal?.aborted) await checkDecodes(path, expected, { signal: options.signal })
    throw error
  }
  const problem = judgeDecode(watch.report(0), expected)
  if (problem) throw new InvalidInput(problem)
}
