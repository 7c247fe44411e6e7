// Upload memory: the real server, signed in as an admin, receives a 1 GiB video through the
// resumable upload API while its resident memory is sampled. The body is generated as it is
// sent (a real small MP4, then padding), so neither side ever needs the gigabyte in memory.
import { spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { binary } from '../src/platform/ffmpeg.js'
import { round, type BenchRow } from './results.js'
import { freePort, runCli, startServer, stopServer } from './server.js'

const UPLOAD_BYTES = 1024 ** 3
const CHUNKS = 4
const SAMPLE_MS = 100
const TARGET_MB = 120
const EMAIL = 'bench-admin@example.org'
const PASSWORD = 'bench password that is long enough'

/** A signed-in newsroom session, as a browser holds it. */
interface Session {
  base: string
  cookie: string
  csrf: string
}

/** Runs the upload-memory bench and returns its rows. */
export async function benchUploadMemory(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-bench-upload-'))
  let server: ChildProcess | undefined
  try {
    // No demo seeding (its films would be transcoded) and no jobs: only the upload runs.
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      RUN_JOBS: 'false',
      HOST: '127.0.0.1',
    }
    runCli(['user', 'create', '--email', EMAIL, '--role', 'admin', '--password-stdin'], env, `${PASSWORD}\n`)
    const head = smallMp4(dataDir)
    const port = await freePort()
    server = await startServer(env, port)
    const pid = server.pid
    if (pid === undefined) throw new Error('the server has no pid')
    const session = await signIn(`http://127.0.0.1:${port}`)
    await new Promise(resolve => setTimeout(resolve, 1000))
    const before = rssMb(pid)
    const sampler = sampleRss(pid)
    const started = Date.now()
    // Where each chunk's samples end, so a climb from chunk to chunk (memory that is not flat) shows.
    const chunkEnds: number[] = []
    const answer = await upload(session, head, () => chunkEnds.push(sampler.samples.length)).finally(() =>
      sampler.stop(),
    )
    const seconds = (Date.now() - started) / 1000
    const peak = Math.max(before, ...sampler.samples)
    const perChunk = chunkEnds.map((end, i) => Math.max(...sampler.samples.slice(chunkEnds[i - 1] ?? 0, end)))
    console.log(
      `1 GiB video upload in ${CHUNKS} PATCHes: ${round(UPLOAD_BYTES / 1e6 / seconds, 0)} MB/s; server RSS ${round(before, 1)} MB before,` +
        ` peak ${round(peak, 1)} MB (target < ${TARGET_MB} MB) over ${sampler.samples.length} samples every ${SAMPLE_MS} ms;` +
        ` peak per ${UPLOAD_BYTES / CHUNKS / 1024 ** 2} MiB chunk ${perChunk.map(mb => round(mb, 1)).join(', ')} MB; the server answered ${answer}`,
    )
    return [
      {
        name: 'media.upload-1gib-server-rss-peak',
        value: round(peak, 1),
        unit: 'MB',
        baseline: TARGET_MB,
        ratio: round(peak / TARGET_MB),
      },
      { name: 'media.upload-server-rss-before', value: round(before, 1), unit: 'MB', baseline: null, ratio: null },
    ]
  } finally {
    if (server) await stopServer(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A two-second MP4 with its index first: its bytes open the upload so the type sniff sees a real video. */
function smallMp4(dir: string): Buffer {
  const file = join(dir, 'head.mp4')
  const made = spawnSync(
    binary('ffmpeg'),
    [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=25:duration=2',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      '-shortest',
      '-movflags',
      '+faststart',
      file,
    ],
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`could not make the small MP4: ${made.stderr}`)
  return readFileSync(file)
}

/** Signs in the way a browser does: the form's token and cookie, the post, then a page for the CSRF token. */
async function signIn(base: string): Promise<Session> {
  const form = await fetch(`${base}/newsroom/sign-in`)
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
  const formCookie = cookies(form.headers)
  const posted = await fetch(`${base}/newsroom/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, _csrf: token }).toString(),
  })
  const cookie = cookies(posted.headers)
  if (posted.status !== 303 || !cookie.includes('newsreel_session='))
    throw new Error(`sign-in answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`)
  const page = await fetch(`${base}/newsroom/sessions`, { headers: { cookie } })
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1]
  if (!csrf) throw new Error(`no CSRF token on /newsroom/sessions (status ${page.status})`)
  return { base, cookie, csrf }
}

/** The name=value pairs a response sets, as one Cookie header. */
function cookies(headers: Headers): string {
  return headers
    .getSetCookie()
    .map(line => line.split(';')[0])
    .join('; ')
}

/** Starts the upload and sends it in CHUNKS PATCHes, calling `chunkSent` after each; returns how the server answered the last one. */
async function upload(session: Session, head: Buffer, chunkSent: () => void): Promise<string> {
  const meta = `kind ${b64('video')},filename ${b64('bench-master.mp4')}`
  const started = await send(session, 'POST', '/newsroom/api/uploads', {
    'upload-length': String(UPLOAD_BYTES),
    'upload-metadata': meta,
  })
  const location = started.headers.location
  if (started.status !== 201 || !location)
    throw new Error(`starting the upload answered ${started.status}: ${started.body}`)
  const size = UPLOAD_BYTES / CHUNKS
  for (let offset = 0; offset < UPLOAD_BYTES; offset += size) {
    const end = offset + size
    const res = await send(
      session,
      'PATCH',
      location,
      {
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'content-length': String(size),
      },
      Readable.from(fileBytes(head, offset, end)),
    )
    chunkSent()
    if (end < UPLOAD_BYTES && res.status !== 204)
      throw new Error(`PATCH at ${offset} answered ${res.status}: ${res.body}`)
    if (end === UPLOAD_BYTES) return describeAnswer(res)
  }
  throw new Error('unreachable: the last chunk returns')
}

/**
 * The last chunk's answer. Accepting the video (200) and refusing it as unplayable once it is
 * whole (a 4xx saying so) both count: this bench measures memory while the bytes stream in.
 */
function describeAnswer(res: { status: number; body: string }): string {
  if (res.status === 200) return '200 (upload complete, video accepted)'
  if (res.status >= 400 && res.status < 500) {
    const message = (() => {
      try {
        return (JSON.parse(res.body) as { error?: { message?: string | undefined } }).error?.message
      } catch {
        return undefined
      }
    })()
    return `${res.status} (the whole file was received, then refused: ${message ?? res.body.slice(0, 200)})`
  }
  throw new Error(`the last PATCH answered ${res.status}: ${res.body.slice(0, 500)}`)
}

const PADDING = Buffer.alloc(1024 * 1024)

/** Bytes start..end of the virtual file: the small MP4, then zeros. Never more than 1 MiB at a time. */
function* fileBytes(head: Buffer, start: number, end: number): Generator<Buffer> {
  let at = start
  if (at < head.length) {
    const part = head.subarray(at, Math.min(end, head.length))
    yield part
    at += part.length
  }
  while (at < end) {
    const n = Math.min(PADDING.length, end - at)
    yield PADDING.subarray(0, n)
    at += n
  }
}

/** One request with the session's cookie and CSRF token; the body, when given, is streamed. */
function send(
  session: Session,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Readable,
): Promise<{ status: number; headers: { location?: string | undefined }; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, session.base),
      {
        method,
        headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf, accept: 'application/json' },
      },
      res => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: { location: res.headers.location }, body: text }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (body) body.on('error', error => req.destroy(error)).pipe(req)
    else req.end()
  })
}

/** The process's resident memory in MB (10^6 bytes; the kernel's kB are KiB). */
function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return (Number(match[1]) * 1024) / 1e6
}

/** Samples a process's RSS every SAMPLE_MS until stopped. */
function sampleRss(pid: number): { samples: number[]; stop(): void } {
  const samples: number[] = []
  const timer = setInterval(() => {
    try {
      samples.push(rssMb(pid))
    } catch {
      /* the process is gone; the upload will fail and say so */
    }
  }, SAMPLE_MS)
  return { samples, stop: () => clearInterval(timer) }
}

function b64(s: string): string {
  return Buffer.from(s).toString('base64')
}
