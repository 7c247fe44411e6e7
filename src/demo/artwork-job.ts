// The demo's artwork made in the background: `newsreel start` seeds each picture as a tiny
// preview (pages show it soft and blurred, never broken) and queues one job per picture, which
// renders the full artwork and its responsive variants, points the image at them and drops the
// cached pages. The site answers at once; the pictures sharpen as the jobs finish.
import type { Db } from '../db/index.js'
import { enqueueJob, type JobHandler, type JobLog } from '../platform/jobs/index.js'
import type { Storage } from '../platform/storage/index.js'
import type { ContentEvents } from '../platform/events.js'
import { replaceImageFile } from '../media/index.js'
import { artworkContentType, type ArtworkKind, type RenderedArtwork } from './artwork.js'
import { drawArtwork, type ArtworkOrder, type DrawnArtwork } from './drawing-work.js'

/** The job kind that renders one demo picture; payload `{ imageId, key, kind, seed, number, of }`. */
export const DEMO_ARTWORK_JOB = 'demo-artwork'

/** One picture to render, as the seed knows it. */
export interface QueuedArtwork {
  imageId: number
  key: string
  kind: ArtworkKind
  seed: number
}

/** Where a demo picture's full artwork is stored. */
export function artworkKey(key: string, art: Pick<RenderedArtwork, 'contentType'>): string {
  return `images/demo/${key}.${art.contentType === 'image/png' ? 'png' : 'jpg'}`
}

/**
 * The order pictures are made in: what the first pages show first (the stories' heroes, the
 * films' posters, the podcast's cover), then portraits, the pictures inside stories (rank 1.5),
 * the funders' logos.
 */
const FIRST: Record<ArtworkKind, number> = { landscape: 0, poster: 0, cover: 0, portrait: 1, logo: 2 }

/** Queues a job per picture, those the first pages show first; call in the seeding transaction. */
export async function queueDemoArtwork(db: Db, pictures: readonly QueuedArtwork[]): Promise<void> {
  const rank = (p: QueuedArtwork) => (p.kind === 'landscape' && !p.key.startsWith('hero-') ? 1.5 : FIRST[p.kind])
  const ordered = [...pictures].sort((x, y) => rank(x) - rank(y))
  for (const [index, picture] of ordered.entries()) {
    await enqueueJob(db, {
      kind: DEMO_ARTWORK_JOB,
      payload: { ...picture, number: index + 1, of: ordered.length },
      uniqueKey: `${DEMO_ARTWORK_JOB}:${picture.imageId}`,
      maxAttempts: 3,
    })
  }
}

/** The handler for `demo-artwork`: renders the picture, stores it with its variants, repoints the image. */
export function createDemoArtworkHandler(deps: {
  db: Db
  storage: Storage
  events: ContentEvents
  log: JobLog
  /** Where pictures are drawn: the demo's drawing process (src/core.ts), else in this process. */
  draw?: (order: ArtworkOrder) => Promise<DrawnArtwork>
}): JobHandler {
  return async payload => {
    const p = payload as Partial<QueuedArtwork & { number: number; of: number }> | null
    if (
      typeof p?.imageId !== 'number' ||
      typeof p.key !== 'string' ||
      typeof p.kind !== 'string' ||
      typeof p.seed !== 'number'
    )
      throw new Error(`${DEMO_ARTWORK_JOB}: bad payload ${JSON.stringify(payload)}`)
    const storageKey = artworkKey(p.key, { contentType: artworkContentType(p.kind) })
    const drawn = await (deps.draw ?? drawArtwork)({ kind: p.kind, seed: p.seed, storageKey })
    // The artwork first, then its variants; the image is repointed once all are stored.
    for (const file of drawn.files) await deps.storage.put(file.key, file.data)
    await replaceImageFile(deps.db, p.imageId, { storageKey, contentType: drawn.contentType, variants: drawn.variants })
    // Every page that shows a picture carries the site's tag: they are rendered again with it.
    deps.events.emit({ tags: ['site'] })
    const progress = p.number && p.of ? ` (${p.number} of ${p.of})` : ''
    deps.log.info({ image: p.key }, `demo artwork ready: ${p.key}${progress}`)
  }
}
