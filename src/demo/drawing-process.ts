// The server's side of the demo's drawing process (drawing-child.ts): started when the first
// picture or film is asked for, given one request at a time by the job lane that asks, and ended
// a few seconds after the last answer, so a first start's server keeps none of what drawing took.
import { fork, type ChildProcess } from 'node:child_process'
import type { DrawingRequest } from './drawing-child.js'
import type { ArtworkKind, RenderedArtwork } from './artwork.js'
import type { ArtworkOrder, DrawnArtwork, FilmOrder } from './drawing-work.js'

/** Draws the demo's pictures and cuts its films in a process of their own. */
export interface DemoDrawingProcess {
  drawArtwork(order: ArtworkOrder): Promise<DrawnArtwork>
  drawPreviews(images: { kind: ArtworkKind; seed: number }[]): Promise<RenderedArtwork[]>
  /** Answers the master's path, alone in a scratch folder the caller removes. */
  cutFilm(order: FilmOrder, signal: AbortSignal): Promise<string>
  /** Ends the process now (the server is stopping); pending requests fail. */
  close(): void
}

type Order =
  | { task: 'artwork'; order: ArtworkOrder }
  | { task: 'film'; order: FilmOrder }
  | { task: 'previews'; order: { kind: ArtworkKind; seed: number }[] }
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/** The drawing process, started on first use and ended `idleMs` after its last answer. */
export function createDemoDrawingProcess(options: { idleMs?: number } = {}): DemoDrawingProcess {
  const idleMs = options.idleMs ?? 3000
  let child: ChildProcess | undefined
  let idleTimer: NodeJS.Timeout | undefined
  let nextId = 1
  const pending = new Map<number, Pending>()

  const start = (): ChildProcess => {
    // Compiled (dist/) the child is a .js file beside this one; from source (tests, tsx) it is
    // TypeScript, loaded through tsx as this process is.
    const fromSource = import.meta.url.endsWith('.ts')
    const started = fork(new URL(`./drawing-child.${fromSource ? 'ts' : 'js'}`, import.meta.url), [], {
      serialization: 'advanced',
      execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    started.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (message.error !== undefined) waiting?.reject(new Error(message.error))
      else waiting?.resolve(message.result)
      if (pending.size === 0) idleTimer = setTimeout(stop, idleMs)
    })
    started.on('exit', code => {
      if (child === started) child = undefined
      for (const waiting of pending.values()) waiting.reject(new Error(`the drawing process exited (${code})`))
      pending.clear()
    })
    return started
  }

  const stop = () => {
    clearTimeout(idleTimer)
    const ending = child
    child = undefined
    if (ending?.connected) ending.disconnect()
  }

  /** Sends a request; answers its id (to stop it by) and its answer. */
  const ask = (request: Order): { id: number; answer: Promise<unknown> } => {
    clearTimeout(idleTimer)
    child ??= start()
    const id = nextId++
    const answer = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }))
    child.send({ id, ...request } satisfies DrawingRequest)
    return { id, answer }
  }

  return {
    async drawArtwork(order) {
      const drawn = (await ask({ task: 'artwork', order }).answer) as DrawnArtwork
      // Buffers cross the channel as plain byte arrays.
      return { ...drawn, files: drawn.files.map(f => ({ key: f.key, data: asBuffer(f.data) })) }
    },
    async drawPreviews(images) {
      const order = images.map(i => ({ kind: i.kind, seed: i.seed }))
      const previews = (await ask({ task: 'previews', order }).answer) as RenderedArtwork[]
      return previews.map(p => ({ ...p, data: asBuffer(p.data) }))
    },
    async cutFilm(order, signal) {
      const { id, answer } = ask({ task: 'film', order })
      const onAbort = () => child?.send({ id, task: 'abort' } satisfies DrawingRequest)
      signal.addEventListener('abort', onAbort, { once: true })
      try {
        return (await answer) as string
      } finally {
        signal.removeEventListener('abort', onAbort)
      }
    },
    close: stop,
  }
}

/** Draws a queued seed's previews in a drawing process of their own, ended once they are drawn. */
export async function drawPreviewsOnce(images: { kind: ArtworkKind; seed: number }[]): Promise<RenderedArtwork[]> {
  const drawing = createDemoDrawingProcess({ idleMs: 0 })
  try {
    return await drawing.drawPreviews(images)
  } finally {
    drawing.close()
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
