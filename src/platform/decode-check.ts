// The decoding check: decode a whole master, writing nothing, and judge from what ffmpeg saw
// whether it is cut short or damaged. Apart from ffmpeg.ts: one question, with its own thresholds.
import { InvalidInput } from './errors.js'
import { binary, cleanLog, progressParser, runTool } from './ffmpeg-process.js'

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
  const result = await runTool(binary('ffmpeg'), args, {
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
