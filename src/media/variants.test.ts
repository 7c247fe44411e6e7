import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { createLocalStorage } from '../platform/storage/index.js'
import { focalCrop, makeVariants, variantKey, variantWidths } from './variants.js'

describe('image variants', () => {
  it('are never wider than the original, and a tiny original keeps its own width', () => {
    assert.deepEqual(variantWidths(4000), [320, 640, 960, 1280, 1600, 1920])
    assert.deepEqual(variantWidths(1000), [320, 640, 960])
    assert.deepEqual(variantWidths(200), [200])
  })

  it('sit beside their original under a key naming width and format', () => {
    assert.equal(variantKey('images/demo/x.jpg', 640, 'jpeg'), 'images/demo/x.640w.jpg')
    assert.equal(variantKey('images/demo/x.png', 320, 'avif'), 'images/demo/x.320w.avif')
  })

  it('crop around the focal point, kept inside the picture', () => {
    assert.deepEqual(focalCrop({ width: 1600, height: 900 }, 1, { x: 0.5, y: 0.5 }), {
      left: 350,
      top: 0,
      width: 900,
      height: 900,
    })
    assert.deepEqual(focalCrop({ width: 1600, height: 900 }, 1, { x: 0, y: 0.5 }), {
      left: 0,
      top: 0,
      width: 900,
      height: 900,
    })
    assert.deepEqual(focalCrop({ width: 1600, height: 900 }, 1, { x: 0.9, y: 0.5 }), {
      left: 700,
      top: 0,
      width: 900,
      height: 900,
    })
  })

  it('are upright, stripped of metadata, in AVIF, WebP and JPEG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsreel-variants-'))
    try {
      const storage = createLocalStorage(dir)
      // 400×200 stored sideways: EXIF orientation 6 means "rotate 90° to show".
      const original = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#a33' } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({ IFD0: { Artist: 'Someone' } })
        .toBuffer()
      const variants = await makeVariants(storage, 'images/t/x.jpg', original, { aspect: 1, focal: { x: 0.5, y: 0.5 } })
      assert.deepEqual(variants.map(v => v.format).sort(), ['avif', 'jpeg', 'webp'])
      for (const v of variants) {
        assert.deepEqual([v.width, v.height], [200, 200])
        const meta = await sharp(join(dir, v.storageKey)).metadata()
        assert.equal(meta.exif, undefined)
        assert.equal(meta.orientation, undefined)
      }
      const plain = await makeVariants(storage, 'images/t/y.jpg', original)
      assert.deepEqual([plain[0]?.width, plain[0]?.height], [200, 400], 'turned upright')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
