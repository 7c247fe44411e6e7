// An image as pages show it: AVIF and WebP sources with a JPEG fallback, each a srcset
// the browser picks from by `sizes`; intrinsic size against layout shift; lazy below the fold.
import type { Image } from '../store.js'
import { DEFAULT_SIZES, imageSrcset, imageUrl, variantsOf } from '../urls.js'

export interface PictureProps {
  image: Image
  /** Above the fold: load eagerly and early. */
  priority?: boolean | undefined
  alt?: string | undefined
  class?: string | undefined
  /** How wide the picture is shown, as the `sizes` attribute says it; defaults to `DEFAULT_SIZES`. */
  sizes?: string | undefined
}

/** A <picture> of the image's variants; decorative images pass alt="". Without variants, a plain <img>. */
export function Picture({ image, priority, alt, class: className, sizes = DEFAULT_SIZES }: PictureProps) {
  const jpegs = variantsOf(image, 'jpeg')
  // The fallback src: a mid-sized JPEG for browsers that ignore srcset.
  const fallback = jpegs.find(v => v.width >= 960) ?? jpegs[jpegs.length - 1]
  const img = (
    <img
      class={className}
      src={imageUrl(fallback ?? image)}
      srcset={jpegs.length ? imageSrcset(image, 'jpeg') : undefined}
      sizes={jpegs.length ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={alt ?? image.alt}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
      fetchpriority={priority ? 'high' : undefined}
    />
  )
  if (!image.variants.length) return img
  const avif = imageSrcset(image, 'avif')
  const webp = imageSrcset(image, 'webp')
  return (
    <picture>
      {avif ? <source type="image/avif" srcset={avif} sizes={sizes} /> : null}
      {webp ? <source type="image/webp" srcset={webp} sizes={sizes} /> : null}
      {img}
    </picture>
  )
}
