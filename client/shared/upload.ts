// The one browser client for the resumable upload API (src/media/upload-routes.ts), which speaks
// tus 1.0: tus-js-client starts the upload, sends the file in chunks, and after a dropped
// connection or a server error asks with HEAD how far it got and goes on from there. What is ours:
// the session's CSRF header, which metadata is sent, and turning a refusal into an UploadError
// carrying the server's own words, so every island shows the same reasons the API gives.
import { Upload, type HttpResponse } from 'tus-js-client'

/** Where uploads start. */
export const UPLOADS_URL = '/newsroom/api/uploads'

const CHUNK_BYTES = 5 * 1024 * 1024
/**
 * The waits before each retry after a dropped connection, a conflict or a server error, reset
 * whenever a chunk gets through. A refusal (400, 403, 404, 413, 415…) is never retried.
 */
const RETRY_DELAYS = [1000, 2000, 3000, 4000, 5000]

/** The kinds of file the upload API takes. */
export type UploadKind = 'image' | 'video' | 'audio' | 'captions'

/** What to send with the file. */
export interface UploadOptions {
  kind: UploadKind
  /** Sent as Upload-Metadata: alt, caption, credit, language. Empty values are left out. */
  metadata?: Record<string, string>
  /** The session's CSRF token (the page's `_csrf` field). */
  csrf: string
  /** Bytes sent so far, and the file's size. */
  onProgress?: (sent: number, total: number) => void
  /** Stops the upload; what was received is deleted on the server. */
  signal?: AbortSignal
  url?: string
  chunkBytes?: number
}

/** The stored image, when the upload was an image. */
export interface UploadedImage {
  id: number
  url: string
  width: number
  height: number
}

/** A finished upload: its id (which attaches it to a film or an episode) and the image it made. */
export interface UploadResult {
  id: string
  /** Null for other kinds, and when the server's answer to the last chunk was lost on the way. */
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

/** The Upload-Metadata fields: the kind, the file's name, and the extras that are not empty. */
export function uploadFields(
  kind: UploadKind,
  filename: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(Object.entries({ kind, filename, ...extra }).filter(([, value]) => value !== ''))
}

/** Uploads `file` and resolves with what the server stored, or rejects with an UploadError (or an AbortError). */
export function uploadFile(file: File, options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError())
    const upload = new Upload(file, {
      // Absolute, so the upload's own address (a path in the Location header) resolves against it.
      endpoint: new URL(options.url ?? UPLOADS_URL, location.href).href,
      chunkSize: options.chunkBytes ?? CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: uploadFields(options.kind, file.name, options.metadata),
      headers: { accept: 'application/json', 'x-csrf-token': options.csrf },
      // Each choice of a file is a new upload: resuming one left from an earlier page would keep
      // that attempt's alt text and caption, and a finished one would not say which image it made.
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => options.onProgress?.(Math.min(sent, total), total),
      onSuccess: ({ lastResponse }) => {
        options.signal?.removeEventListener('abort', stop)
        resolve(finished(upload.url ?? '', lastResponse))
      },
      onError: error => {
        options.signal?.removeEventListener('abort', stop)
        reject(failure(error))
      },
    })
    function stop() {
      // Terminating deletes on the server whatever arrived (once the upload has an address).
      upload.abort(true).catch(() => {})
      reject(abortError())
    }
    options.signal?.addEventListener('abort', stop, { once: true })
    upload.start()
  })
}

/** What the server said to the last chunk; when a retry found the file complete, only its address is known. */
function finished(url: string, response: HttpResponse): UploadResult {
  const body = parseJson(response.getBody()) as { upload?: { id?: unknown }; image?: UploadedImage | null } | undefined
  const id = typeof body?.upload?.id === 'string' ? body.upload.id : (url.split('/').pop() ?? '')
  return { id, image: body?.image ?? null }
}

/** tus-js-client's error as people read it: the server's reason, or what went wrong on the way. */
function failure(error: Error): UploadError {
  const { originalRequest, originalResponse } = error as {
    originalRequest?: unknown
    originalResponse?: HttpResponse | null
  }
  if (originalResponse)
    return new UploadError(
      originalResponse.getStatus(),
      serverMessage(originalResponse.getStatus(), originalResponse.getBody()),
    )
  if (originalRequest) return new UploadError(0, 'The server could not be reached; check the connection and try again.')
  return new UploadError(0, `The upload could not start: ${error.message}`)
}

/** The server's message (and any details) from an error answer's body, or a plain one naming the status. */
export function serverMessage(status: number, body: string): string {
  const answer = parseJson(body) as { error?: { message?: unknown; details?: unknown } } | undefined
  const message = answer?.error?.message
  if (typeof message !== 'string' || message === '') return `The server answered ${status}.`
  const details = Array.isArray(answer?.error?.details)
    ? answer.error.details.filter((d): d is string => typeof d === 'string' && d !== message)
    : []
  return [message, ...details].join(' ')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function abortError(): DOMException {
  return new DOMException('The upload was stopped.', 'AbortError')
}

/** Whether an error is the upload being stopped on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
