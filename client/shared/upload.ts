// The resumable upload API (src/media/upload-routes.ts) from the browser: starts an upload,
// sends the file in chunks at the server's offset, resumes from HEAD after a dropped chunk, and
// answers what the server said on completion. A refusal comes back as an UploadError carrying
// the server's own words, so every island shows the same reasons the API gives.

/** Where uploads start. */
export const UPLOADS_URL = '/newsroom/api/uploads'

const CHUNK_BYTES = 5 * 1024 * 1024
const MAX_RETRIES = 5
/** Answers that no retry will change: bad input, no permission, gone, too large, wrong type. */
const FINAL = new Set([400, 401, 403, 404, 413, 415])

/** What to send with the file. */
export interface UploadOptions {
  kind: 'image' | 'video' | 'audio' | 'captions'
  /** Sent as Upload-Metadata: alt, caption, credit, language. Empty values are left out. */
  metadata?: Record<string, string>
  /** The session's CSRF token (the page's `_csrf` field). */
  csrf: string
  /** Bytes the server has (or is receiving) so far, and the file's size. */
  onProgress?: (sent: number, total: number) => void
  /** Stops the upload; what was received is deleted on the server. */
  signal?: AbortSignal
  url?: string
  chunkBytes?: number
}

/** The stored image, when the upload was an image. */
export interface UploadedImage { id: number; url: string; width: number; height: number }

/** The server's answer to the last chunk. */
export interface UploadResult {
  upload: { id: string; kind: string; filename: string; status: string; imageId: number | null }
  image: UploadedImage | null
}

/** A refused or failed upload; `status` is the HTTP status, 0 when the server could not be reached. */
export class UploadError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'UploadError'
    this.status = status
  }
}

/** tus Upload-Metadata: `key base64value` pairs, the value's UTF-8 bytes in base64. */
export function uploadMetadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key} ${base64(value)}`)
    .join(',')
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Uploads `file` and resolves with the server's answer to the last chunk, or rejects with an UploadError. */
export async function uploadFile(file: File, options: UploadOptions): Promise<UploadResult> {
  const url = options.url ?? UPLOADS_URL
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES
  const common = { 'tus-resumable': '1.0.0', accept: 'application/json', 'x-csrf-token': options.csrf }
  const progress = (sent: number) => options.onProgress?.(Math.min(sent, file.size), file.size)
  const started = await send('POST', url, {
    headers: { ...common, 'upload-length': String(file.size), 'upload-metadata': uploadMetadata({ kind: options.kind, filename: file.name, ...options.metadata }) },
    signal: options.signal,
  })
  if (started.status !== 201) throw new UploadError(started.status, refusal(started))
  const location = started.header('location') ?? ''
  try {
    let offset = 0
    let failures = 0
    progress(0)
    while (offset < file.size) {
      const end = Math.min(file.size, offset + chunkBytes)
      const from = offset
      const answer = await send('PATCH', location, {
        headers: { ...common, 'upload-offset': String(from), 'content-type': 'application/offset+octet-stream' },
        body: file.slice(from, end),
        signal: options.signal,
        onSent: (bytes) => progress(from + bytes),
      }).catch((error: unknown) => {
        if (isAbort(error)) throw error
        return undefined
      })
      if (answer && answer.status === 200) {
        progress(file.size)
        return answer.json() as UploadResult
      }
      if (answer && answer.status === 204) {
        offset = Number(answer.header('upload-offset') ?? end)
        failures = 0
        progress(offset)
        continue
      }
      if (answer && FINAL.has(answer.status)) throw new UploadError(answer.status, refusal(answer))
      // A dropped connection, a conflict or a server error: ask how far it got and go on from there.
      if (++failures > MAX_RETRIES) throw new UploadError(answer?.status ?? 0, answer ? refusal(answer) : 'The connection failed several times; check it and try again.')
      await wait(500 * failures, options.signal)
      offset = await storedOffset(location, common, options.signal)
      progress(offset)
    }
    // The last chunk arrived but its answer was lost: the file is stored, the image id is not known here.
    throw new UploadError(0, 'The file arrived, but the server’s answer was lost. Reopen this to find the image in the list.')
  } catch (error) {
    if (isAbort(error)) void fetch(location, { method: 'DELETE', headers: common, credentials: 'same-origin', keepalive: true }).catch(() => {})
    throw error
  }
}

async function storedOffset(location: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<number> {
  const answer = await send('HEAD', location, { headers, signal })
  if (answer.status !== 200) throw new UploadError(answer.status, answer.status === 404 ? 'The upload was lost on the server; start again.' : refusal(answer))
  return Number(answer.header('upload-offset') ?? '0')
}

interface Answer { status: number; header(name: string): string | null; text: string; json(): unknown }

/** One request by XMLHttpRequest, which (unlike fetch) reports how much of a body is sent. */
function send(method: string, url: string, o: { headers: Record<string, string>; body?: Blob; signal?: AbortSignal; onSent?: (bytes: number) => void }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(abortError())
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    for (const [name, value] of Object.entries(o.headers)) xhr.setRequestHeader(name, value)
    if (o.onSent) xhr.upload.addEventListener('progress', (event) => o.onSent?.(event.loaded))
    const abort = () => xhr.abort()
    o.signal?.addEventListener('abort', abort, { once: true })
    const done = (settle: () => void) => () => {
      o.signal?.removeEventListener('abort', abort)
      settle()
    }
    xhr.addEventListener('load', done(() => resolve({
      status: xhr.status,
      header: (name) => xhr.getResponseHeader(name),
      text: xhr.responseText,
      json: () => JSON.parse(xhr.responseText) as unknown,
    })))
    xhr.addEventListener('error', done(() => reject(new UploadError(0, 'The server could not be reached; check the connection and try again.'))))
    xhr.addEventListener('abort', done(() => reject(abortError())))
    xhr.send(o.body ?? null)
  })
}

/** The server's message for a refused request, or a plain one naming the status. */
function refusal(answer: Answer): string {
  try {
    const body = answer.json() as { error?: { message?: unknown } }
    if (typeof body.error?.message === 'string' && body.error.message !== '') return body.error.message
  } catch { /* not JSON: fall through */ }
  return `The server answered ${answer.status}.`
}

function abortError(): DOMException {
  return new DOMException('The upload was stopped.', 'AbortError')
}

/** Whether an error is the upload being stopped on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(abortError()) }, { once: true })
  })
}
