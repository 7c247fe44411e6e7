// Where stored images are served, and the srcset and sizes a page gives the browser.
import type { Image, ImageVariant, VariantFormat } from './store.js'

/** The public address of a stored file (an image or one of its variants). */
export function imageUrl(image: Pick<Image, 'storageKey'>): string {
  return `/media/${image.storageKey}`
}

/** A `srcset` value for one format (`/media/x.320w.webp 320w, ...`), or '' when the image has none in it. */
export function imageSrcset(image: Pick<Image, 'variants'>, format: VariantFormat): string {
  // Made once per stored list: lists read from the database are shared and frozen (media/store.ts).
  let byFormat = srcsets.get(image.variants)
  let srcset = byFormat?.get(format)
  if (srcset === undefined) {
    srcset = variantsOf(image, format)
      .map(v => `${imageUrl(v)} ${v.width}w`)
      .join(', ')
    if (Object.isFrozen(image.variants)) {
      if (!byFormat) {
        byFormat = new Map()
        srcsets.set(image.variants, byFormat)
      }
      byFormat.set(format, srcset)
    }
  }
  return srcset
}

/** Srcsets by variant list and format, for as long as the list itself is kept. */
const srcsets = new WeakMap<readonly ImageVariant[], Map<VariantFormat, string>>()

/** The default `sizes`: full width on phones, at most the site's text column beyond. */
export const DEFAULT_SIZES = '(max-width: 960px) 100vw, 960px'

/** An image's variants in one format, smallest first. */
export function variantsOf(image: Pick<Image, 'variants'>, format: VariantFormat): ImageVariant[] {
  const found = image.variants.filter(v => v.format === format)
  // Variants are stored smallest first, so the sort (which allocates a work array, on every
  // picture of every uncached page) runs only for a list that needs it.
  for (let i = 1; i < found.length; i++)
    if (found[i - 1]!.width > found[i]!.width) return found.sort((a, b) => a.width - b.width)
  return found
}
