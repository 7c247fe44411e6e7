// Finding ffmpeg and ffprobe and running one as a child process, at low priority and with a bounded
// log: the machinery under the tools in ffmpeg.ts and the decoding check in decode-check.ts.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'

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

/** How an ffmpeg run went: exit code and the end of its log. */
export interface FfmpegResult {
  code: number | null
  stdout: string
  stderr: string
}

/** The flags every ffmpeg run of the app starts with: quiet but for errors, progress on stdout. */
export const RUN_FLAGS: readonly string[] = [
  '-hide_banner',
  '-nostdin',
  '-y',
  '-loglevel',
  'error',
  '-progress',
  'pipe:1',
  '-nostats',
]

/** How runTool runs a child: its folder, what cancels it, and who reads its output as it comes. */
export interface ToolOptions {
  cwd?: string | undefined
  signal?: AbortSignal | undefined
  onStdout?: ((chunk: string) => void) | undefined
  onStderr?: ((chunk: string) => void) | undefined
  keepStderr?: boolean | undefined
  onPipe3?: ((chunk: string) => void) | undefined
}

/** What runFfmpeg takes: runTool's folder, cancelling and readers, and `onTime` for progress. */
export type FfmpegRunOptions = Pick<ToolOptions, 'cwd' | 'signal' | 'onStderr' | 'onPipe3'> & {
  onTime?: ((seconds: number) => void) | undefined
}

/**
 * Runs ffmpeg or ffprobe as a child process: killed when `signal` aborts, its stdout handed to
 * `onStdout` or kept, and only the tail of its stderr kept. With `onPipe3`, the child also gets
 * a pipe on file descriptor 3 (ffmpeg's `pipe:3`), read into that callback.
 */
export function runTool(command: string, args: readonly string[], options: ToolOptions): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error(`${command} was not started: the job was cancelled`))
    const stdio = options.onPipe3 ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe']
    const child = spawn(command, args, { cwd: options.cwd, stdio: stdio as ['ignore', 'pipe', 'pipe'] })
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
    const onPipe3 = options.onPipe3
    if (onPipe3) (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', onPipe3)
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

/**
 * Runs ffmpeg with `-progress pipe:1`, reporting seconds encoded as they come. Killed when
 * `signal` aborts. Rejects with the last lines of ffmpeg's log when it fails. `onStderr` and
 * `onPipe3` are runTool's, for a caller that reads the log or a third pipe as they come.
 */
export async function runFfmpeg(args: readonly string[], options: FfmpegRunOptions = {}): Promise<void> {
  const result = await runTool(binary('ffmpeg'), [...RUN_FLAGS, ...args], {
    cwd: options.cwd,
    signal: options.signal,
    onStdout: progressParser(options.onTime),
    onStderr: options.onStderr,
    onPipe3: options.onPipe3,
  })
  if (options.signal?.aborted) throw new Error('ffmpeg was stopped: the job was cancelled')
  if (result.code !== 0)
    throw new Error(`ffmpeg failed (exit ${result.code}): ${lastLines(result.stderr, 8) || 'no message'}`)
}

/** Turns the `-progress pipe:1` stream into seconds encoded, for `onTime`; nothing to parse without one. */
export function progressParser(
  onTime?: ((seconds: number) => void) | undefined,
): ((chunk: string) => void) | undefined {
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

/** ffmpeg's log lines without the file's path or the decoder's `[h264 @ 0x…]` prefix. */
export function cleanLog(text: string, path: string): string[] {
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
