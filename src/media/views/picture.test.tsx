// Picture writes its sources and fallback by hand and keeps them beside a shared variant list: the
// markup must be what a browser needs (formats, srcsets, sizes, the fallback, escaping), the same
// for a fresh list as for a kept one, and new as soon as the list or the way it is shown changes.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { renderToString } from 'preact-render-to-string'
import type { Image, ImageVariant } from '../store.js'
import { Picture, type PictureProps } from './picture.js'

function variants(key: string, widths: number[]): ImageVariant[] {
  return (['avif', 'webp', 'jpeg'] as const).flatMap(format =>
    widths.map(width => ({
      format,
      width,
      height: Math.round(width / 2),
      storageKey: `images/${key}.${width}w.${format === 'jpeg' ? 'jpg' : format}`,
    })),
  )
}

function image(list: readonly ImageVariant[], alt = 'A dam at dusk'): Image {
  return {
    id: 1,
    storageKey: 'images/dam.jpg',
    contentType: 'image/jpeg',
    width: 1600,
    height: 800,
    alt,
    caption: '',
    credit: '',
    focalX: 0.5,
    focalY: 0.5,
    variants: list,
  }
}

const render = (props: PictureProps) => renderToString(<Picture {...props} />)

describe('Picture', () => {
  it('gives AVIF and WebP sources and a mid-sized JPEG fallback, each with its srcset and sizes', () => {
    const html = render({ image: image(variants('dam', [320, 960, 1600])), priority: true })
    assert.equal(
      html,
      '<picture>' +
        '<source type="image/avif" srcset="/media/images/dam.320w.avif 320w, /media/images/dam.960w.avif 960w, /media/images/dam.1600w.avif 1600w" sizes="(max-width: 960px) 100vw, 960px"/>' +
        '<source type="image/webp" srcset="/media/images/dam.320w.webp 320w, /media/images/dam.960w.webp 960w, /media/images/dam.1600w.webp 1600w" sizes="(max-width: 960px) 100vw, 960px"/>' +
        '<img src="/media/images/dam.960w.jpg" srcset="/media/images/dam.320w.jpg 320w, /media/images/dam.960w.jpg 960w, /media/images/dam.1600w.jpg 1600w" sizes="(max-width: 960px) 100vw, 960px" width="1600" height="800" alt="A dam at dusk" loading="eager" decoding="async" fetchpriority="high"/>' +
        '</picture>',
    )
  })

  it('escapes what could end an attribute, and writes an empty alt as the bare attribute, as the JSX pages do', () => {
    const list = Object.freeze(variants('dam', [320]).map(v => Object.freeze(v)))
    const quoted = render({ image: image(list, 'The "Lower & Upper" <dam>'), class: 'card__image' })
    assert.match(
      quoted,
      /<img class="card__image" src=[^>]* alt="The &quot;Lower &amp; Upper&quot; &lt;dam>" loading="lazy" decoding="async"\/>/,
    )
    assert.doesNotMatch(quoted, /fetchpriority/)
    assert.match(render({ image: image(list), alt: '' }), / height="800" alt loading="lazy"/)
    assert.equal(
      renderToString(<img alt="" loading="lazy" />),
      '<img alt loading="lazy"/>',
      'preact writes an empty attribute bare',
    )
  })

  it('writes the same markup for a kept (frozen) list as for a fresh one, each way of showing it apart', () => {
    const fresh = variants('dam', [320, 960])
    const kept = Object.freeze(fresh.map(v => Object.freeze({ ...v })))
    for (const props of [{}, { priority: true }, { class: 'hero' }, { sizes: '320px' }, { alt: 'Another alt' }]) {
      const expected = render({ image: image(fresh), ...props })
      assert.equal(render({ image: image(kept), ...props }), expected)
      assert.equal(render({ image: image(kept), ...props }), expected, 'and again, from what was kept')
    }
    // The image's own alt text is part of what is kept: an edited alt shows at once.
    assert.match(render({ image: image(kept, 'Edited alt') }), /alt="Edited alt"/)
  })

  it('shows a new list of variants at once', () => {
    const before = Object.freeze(variants('dam', [320]).map(v => Object.freeze(v)))
    const after = Object.freeze(variants('dam-v2', [320]).map(v => Object.freeze(v)))
    assert.match(render({ image: image(before) }), /dam\.320w\.avif/)
    const html = render({ image: image(after) })
    assert.match(html, /dam-v2\.320w\.avif/)
    assert.doesNotMatch(html, /dam\.320w/)
  })

  it('without variants is a plain <img> of the original, lazy unless it leads the page', () => {
    assert.equal(
      render({ image: image([]) }),
      '<img src="/media/images/dam.jpg" width="1600" height="800" alt="A dam at dusk" loading="lazy" decoding="async"/>',
    )
    assert.match(
      render({ image: image([]), priority: true }),
      /loading="eager" decoding="async" fetchpriority="high"\/>$/,
    )
  })
})
