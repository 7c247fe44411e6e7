// An image as pages show it: AVIF and WebP sources with a JPEG fallback, each a srcset
// the browser picks from by `sizes`; intrinsic size against layout shift; lazy below the fold.
import { htmlAttribute } from '../../platform/text/html.js'
import type { Image, ImageVariant } from '../store.js'
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
export function Picture(props: PictureProps) {
  const { image, priority, alt, class: className } = props
  if (!image.variants.length)
    return (
      <img
        class={className}
        src={imageUrl(image)}
        width={image.width}
        height={image.height}
        alt={alt ?? image.alt}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchpriority={priority ? 'high' : undefined}
      />
    )
  return <picture dangerouslySetInnerHTML={{ __html: pictureSources(props) }} />
}

/**
 * What goes inside the <picture>, kept beside the image's variant list while that list is kept
 * (lists read from the database are shared and frozen, media/store.ts), one string for each way
 * the image is shown. Why by hand rather than as JSX: a story page shows a dozen pictures, half its
 * bytes, and preact wrote and escaped their long srcsets again on every uncached page.
 */
const sourcesByList = new WeakMap<readonly ImageVariant[], Map<string, string>>()
/** Ways of showing one image kept at most (a hero, a card, a portrait...). */
const WAYS_KEPT = 8

function pictureSources(props: PictureProps): string {
  const { image, priority, alt, class: className, sizes = DEFAULT_SIZES } = props
  if (!Object.isFrozen(image.variants)) return writePictureSources(props)
  // Every input of the markup but the list itself; U+0000 cannot occur in any of them.
  const key = [
    image.storageKey,
    image.width,
    image.height,
    priority ? 1 : 0,
    className ?? '\u0001',
    sizes,
    alt ?? image.alt,
  ].join('\u0000')
  let byWay = sourcesByList.get(image.variants)
  let html = byWay?.get(key)
  if (html === undefined) {
    html = writePictureSources(props)
    if (!byWay) {
      byWay = new Map()
      sourcesByList.set(image.variants, byWay)
    }
    if (byWay.size < WAYS_KEPT) byWay.set(key, html)
  }
  return html
}

/** The <source>s and the <img>, in the bytes preact-render-to-string would write for them as JSX. */
function writePictureSources({ image, priority, alt, class: className, sizes = DEFAULT_SIZES }: PictureProps): string {
  const jpegs = variantsOf(image, 'jpeg')
  // The fallback src: a mid-sized JPEG for browsers that ignore srcset.
  const fallback = jpegs.find(v => v.width >= 960) ?? jpegs[jpegs.length - 1]
  let html = ''
  for (const format of ['avif', 'webp'] as const) {
    const srcset = imageSrcset(image, format)
    if (srcset)
      html += `<source${htmlAttribute('type', `image/${format}`)}${htmlAttribute('srcset', srcset)}${htmlAttribute('sizes', sizes)}/>`
  }
  return `${html}<img${htmlAttribute('class', className)}${htmlAttribute('src', imageUrl(fallback ?? image))}${htmlAttribute(
    'srcset',
    jpegs.length ? imageSrcset(image, 'jpeg') : undefined,
  )}${htmlAttribute('sizes', jpegs.length ? sizes : undefined)}${htmlAttribute('width', image.width)}${htmlAttribute(
    'height',
    image.height,
  )}${htmlAttribute('alt', alt ?? image.alt)}${htmlAttribute('loading', priority ? 'eager' : 'lazy')}${htmlAttribute(
    'decoding',
    'async',
  )}${htmlAttribute('fetchpriority', priority ? 'high' : undefined)}/>`
}
