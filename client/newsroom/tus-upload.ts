// A resumable upload through the newsroom's tus-style upload API: 5 MB chunks, resuming from
// the server's offset after a failed chunk, giving up on refusals or after five failures.
const CHUNK = 5 * 1024 * 1024
const MAX_RETRIES = 5

/** The kinds of file the upload API takes from these islands. */
export type UploadKind = 'video' | 'audio' | 'captions'

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))

/** The message in an error response, or a sentence with its status. */
export async function messageOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string; details?: string[] }; message?: string }
    const message = body.error?.message ?? body.message ?? `The server answered ${res.status}.`
    return [message, ...(body.error?.details ?? [])].join(' ')
  } catch {
    return `The server answered ${res.status}.`
  }
}

async function serverOffset(location: string): Promise<number> {
  const res = await fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' }, credentials: 'same-origin' })
  if (!res.ok) throw new Error(`Could not ask how far the upload got (${res.status}).`)
  return Number(res.headers.get('upload-offset') ?? '0')
}

/** Uploads a file of a kind; reports bytes stored after each chunk; answers the upload's id. */
export async function uploadFile(file: File, kind: UploadKind, csrf: string, onProgress: (sent: number) => void): Promise<string> {
  const start = await fetch('/newsroom/api/uploads', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': String(file.size), 'upload-metadata': `kind ${b64(kind)},filename ${b64(file.name)}`, 'x-csrf-token': csrf },
  })
  if (!start.ok) throw new Error(await messageOf(start))
  const { upload: created, location } = (await start.json()) as { upload: { id: string }; location: string }
  let offset = 0
  let failures = 0
  while (offset < file.size) {
    try {
      const res = await fetch(location, {
        method: 'PATCH', credentials: 'same-origin', body: file.slice(offset, offset + CHUNK),
        headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'x-csrf-token': csrf },
      })
      if (res.status === 413 || res.status === 415 || res.status === 403 || res.status === 404) throw Object.assign(new Error(await messageOf(res)), { fatal: true })
      if (!res.ok) throw new Error(await messageOf(res))
      offset = Number(res.headers.get('upload-offset') ?? offset + CHUNK)
      failures = 0
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal || ++failures > MAX_RETRIES) throw error
      await wait(1000 * failures)
      offset = await serverOffset(location)
    }
    onProgress(offset)
  }
  return created.id
}
