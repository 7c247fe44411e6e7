// The demo's drawing work as plain functions of plain data, run in the drawing process
// (drawing-child.ts) or, where no process is wanted (tests, `newsreel seed`), in this one: a
// picture with its responsive variants, and a film's master from the landscapes it is cut from.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { Storage } from '../platform/storage/index.js'
import { makeVariants, type ImageVariant } from '../media/index.js'
import { STILL_H, STILL_W, renderDemoMaster, type DemoStill } from '../videos/index.js'
import {
  renderDemoImage,
  renderDemoPreview,
  renderDemoStill,
  type ArtworkKind,
  type RenderedArtwork,
} from './artwork.js'

/** A demo picture to draw: its kind, artwork seed, and where its full artwork is stored. */
export interface ArtworkOrder {
  kind: ArtworkKind
  seed: number
  storageKey: string
}

/** A drawn picture: every file to store (the artwork, then its variants) and the variants' rows. */
export interface DrawnArtwork {
  contentType: 'image/jpeg' | 'image/png'
  files: { key: string; data: Buffer }[]
  variants: ImageVariant[]
}

/** A demo film to cut: as the film job's payload and runtime say. */
export interface FilmOrder {
  title: string
  index: number
  seconds: number
  stills: readonly DemoStill[]
}

/** Draws a picture and encodes its variants (AVIF at effort 0: see VariantOptions.avifEffort). */
export async function drawArtwork(order: ArtworkOrder): Promise<DrawnArtwork> {
  const art = await renderDemoImage({ kind: order.kind, seed: order.seed })
  const files = [{ key: order.storageKey, data: art.data }]
  const variants = await makeVariants(collecting(files), order.storageKey, art.data, { avifEffort: 0 })
  return { contentType: art.contentType, files, variants }
}

/** Draws the tiny previews a queued seed stores (see renderDemoPreview), in order. */
export async function drawPreviews(images: readonly { kind: ArtworkKind; seed: number }[]): Promise<RenderedArtwork[]> {
  const previews: RenderedArtwork[] = []
  for (const image of images) previews.push(await renderDemoPreview({ kind: image.kind, seed: image.seed }))
  return previews
}

/**
 * Draws the film's landscapes at full quality and cuts its master into a scratch folder of its
 * own; answers the file's path (the caller stores it and removes the folder).
 */
export async function cutFilm(order: FilmOrder, signal?: AbortSignal): Promise<string> {
  const stills = await Promise.all(order.stills.map(s => renderDemoStill(s, STILL_W, STILL_H)))
  const master = await renderDemoMaster(order.title, order.index, signal, order.seconds, stills)
  const path = join(await mkdtemp(join(tmpdir(), 'newsreel-demo-film-')), 'master.mp4')
  await writeFile(path, master)
  return path
}

/** A store that only keeps what is put in it, in `files`: variants are made here and stored by the caller. */
function collecting(files: { key: string; data: Buffer }[]): Storage {
  const only = (): never => {
    throw new Error('the drawing work only puts files')
  }
  return {
    async put(key: string, data: Buffer) {
      files.push({ key, data })
    },
    write: only,
    copyIn: only,
    append: (_key: string, _data: Readable) => only(),
    move: only,
    stat: only,
    read: only,
    remove: only,
    localPath: () => undefined,
  }
}
