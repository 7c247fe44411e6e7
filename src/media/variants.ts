// Responsive variants made with sharp: several widths in AVIF, WebP and JPEG, turned
// upright, metadata stripped (sharp keeps none unless asked), never upscaled.
import type { Sharp } from 'sharp'
import type { Storage } from '../platform/storage/index.js'
import type { ImageVariant, VariantFormat } from './store.js'

/** Widths pages choose from in `srcset`. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600, 1920] as const
/**
 * AVIF is made only up to this width: AVIF encoding costs ~10× WebP, and phones (which
 * gain most from it) ask for the small widths. Wider screens fall back to WebP.
 */
export const AVIF_MAX_WIDTH = 960

const EXTENSIONS: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' }

/** The widths made for an original `width` wide: never wider than it, at least one. */
export function variantWidths(width: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter(w => w <= width)
  return widths.length ? widths : [width]
}

/** A variant's key beside its original: `images/x.jpg` → `images/x.640w.webp`. */
export function variantKey(originalKey: string, width: number, format: VariantFormat): string {
  return `${originalKey.replace(/\.[a-z0-9]+$/i, '')}.${width}w.${EXTENSIONS[format]}`
}

/** The pixel area to keep when cropping to `aspect` (width/height), centred on the focal point. */
export function focalCrop(size: { width: number; height: number }, aspect: number, focal: { x: number; y: number }) {
  const width = Math.min(size.width, Math.round(size.height * aspect))
  const height = Math.min(size.height, Math.round(width / aspect))
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)))
  return {
    left: clamp(focal.x * size.width - width / 2, size.width - width),
    top: clamp(focal.y * size.height - height / 2, size.height - height),
    width,
    height,
  }
}

/** Options for making variants. */
export interface VariantOptions {
  /** Crop every variant to this aspect ratio (width/height) around the focal point first. */
  aspect?: number
  focal?: { x: number; y: number }
  /**
   * libavif's effort (0–9) for the AVIF copies; 2 unless said. The demo's generated artwork asks 0:
   * on its flat, smooth pictures that is about a third less CPU for some 5% more bytes (measured:
   * 0.23 s vs 0.33 s for the 320/640/960 copies of a landscape, 15.9 kB vs 15.1 kB), which counts
   * when 62 pictures are made in a first start's two minutes. Uploads keep 2: made once, served often.
   */
  avifEffort?: number
}

/** Makes and stores every variant of an original; returns what it stored. */
export async function makeVariants(
  storage: Storage,
  originalKey: string,
  original: Buffer,
  options: VariantOptions = {},
): Promise<ImageVariant[]> {
  const sharp = await loadSharp()
  let base = sharp(original, { failOn: 'error' }).rotate()
  const upright = await base.clone().toBuffer({ resolveWithObject: true })
  let size = { width: upright.info.width, height: upright.info.height }
  base = sharp(upright.data)
  if (options.aspect) {
    const area = focalCrop(size, options.aspect, options.focal ?? { x: 0.5, y: 0.5 })
    base = base.extract(area)
    size = { width: area.width, height: area.height }
  }
  const jobs: Promise<ImageVariant>[] = []
  for (const width of variantWidths(size.width)) {
    const height = Math.max(1, Math.round((size.height * width) / size.width))
    const resized = base.clone().resize({ width, height, fit: 'fill' })
    const formats: VariantFormat[] = width <= AVIF_MAX_WIDTH ? ['avif', 'webp', 'jpeg'] : ['webp', 'jpeg']
    // libvips runs encodes on its own threads: started together, they share the cores.
    for (const format of formats) {
      jobs.push(
        encode(resized.clone(), format, options.avifEffort ?? 2)
          .toBuffer()
          .then(async (data: Buffer) => {
            const storageKey = variantKey(originalKey, width, format)
            await storage.put(storageKey, data)
            return { format, width, height, storageKey }
          }),
      )
    }
  }
  return Promise.all(jobs)
}

type Pipeline = Sharp

function encode(image: Pipeline, format: VariantFormat, avifEffort: number): Pipeline {
  if (format === 'avif') return image.avif({ quality: 50, effort: avifEffort })
  if (format === 'webp') return image.webp({ quality: 78, effort: 3 })
  return image.jpeg({ quality: 80, progressive: true, mozjpeg: true })
}

/** Width and height of an image as it will be shown (EXIF orientation applied), or undefined if unreadable. */
export async function readImageSize(data: Buffer): Promise<{ width: number; height: number } | undefined> {
  try {
    const sharp = await loadSharp()
    const meta = await sharp(data, { failOn: 'error' }).metadata()
    if (!meta.width || !meta.height) return undefined
    const swapped = (meta.orientation ?? 1) >= 5
    return swapped ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height }
  } catch {
    return undefined
  }
}

/**
 * sharp, loaded when the first image is worked on rather than at start: libvips adds some 20 MB
 * to a process, and a web process that serves stored variants never needs it. libvips' operation
 * cache is turned off: it keeps up to 50 MB of recent operations and their pixels for a repeat of
 * the same operation on the same input, which never comes here (each upload or demo picture is
 * worked on once), so after a first boot's artwork it was memory the idle server kept.
 */
export async function loadSharp(): Promise<typeof import('sharp').default> {
  const sharp = (await import('sharp')).default
  if (!cacheOff) {
    sharp.cache(false)
    cacheOff = true
  }
  return sharp
}

let cacheOff = false
