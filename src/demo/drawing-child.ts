// The demo's drawing process: draws pictures and cuts films' masters for the server, which starts
// it (drawing-process.ts) over an IPC channel and ends it when idle. Whatever libvips, its AVIF
// encoder and glibc's allocator keep after drawing (some 150 MB after the 62 pictures, freed or
// not) goes with the process instead of staying in the server for good.
import { cutFilm, drawArtwork, drawPreviews, type ArtworkOrder, type FilmOrder } from './drawing-work.js'
import type { ArtworkKind } from './artwork.js'

/** What the server asks: a picture, a seed's previews, a film, or to stop a film being cut. */
export type DrawingRequest =
  | { id: number; task: 'artwork'; order: ArtworkOrder }
  | { id: number; task: 'film'; order: FilmOrder }
  | { id: number; task: 'previews'; order: { kind: ArtworkKind; seed: number }[] }
  | { id: number; task: 'abort' }

const running = new Map<number, AbortController>()

async function answer(request: Exclude<DrawingRequest, { task: 'abort' }>): Promise<unknown> {
  if (request.task === 'artwork') return drawArtwork(request.order)
  if (request.task === 'previews') return drawPreviews(request.order)
  const controller = new AbortController()
  running.set(request.id, controller)
  try {
    return await cutFilm(request.order, controller.signal)
  } finally {
    running.delete(request.id)
  }
}

process.on('message', (message: DrawingRequest) => {
  if (message.task === 'abort') {
    running.get(message.id)?.abort()
    return
  }
  answer(message).then(
    result => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  )
})
// The server went (or let go): nothing is left to draw for.
process.on('disconnect', () => process.exit(0))
