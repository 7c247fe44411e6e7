import { test } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import { renderDemoImage } from './artwork.js'
import type { ArtworkKind } from './artwork.js'

const expected: Record<ArtworkKind, { width: number; height: number; format: string; contentType: string }> = {
  landscape: { width: 1600, height: 900, format: 'jpeg', contentType: 'image/jpeg' },
  portrait: { width: 600, height: 600, format: 'jpeg', contentType: 'image/jpeg' },
  poster: { width: 1000, height: 1500, format: 'jpeg', contentType: 'image/jpeg' },
  logo: { width: 600, height: 300, format: 'png', contentType: 'image/png' },
  cover: { width: 1400, height: 1400, format: 'jpeg', contentType: 'image/jpeg' },
}

for (const [kind, want] of Object.entries(expected) as [ArtworkKind, (typeof expected)[ArtworkKind]][]) {
  test(`a ${kind} is a ${want.width}×${want.height} ${want.format} without metadata`, async () => {
    const image = await renderDemoImage({ kind, seed: 42 })
    const meta = await sharp(image.data).metadata()
    assert.equal(image.width, want.width)
    assert.equal(image.height, want.height)
    assert.equal(image.contentType, want.contentType)
    assert.equal(meta.format, want.format)
    assert.equal(meta.width, want.width)
    assert.equal(meta.height, want.height)
    assert.equal(meta.exif, undefined)
    assert.equal(meta.icc, undefined)
  })

  test(`a ${kind} is the same bytes for the same seed and different for another`, async () => {
    const first = await renderDemoImage({ kind, seed: 7 })
    const again = await renderDemoImage({ kind, seed: 7 })
    const other = await renderDemoImage({ kind, seed: 8 })
    assert.ok(first.data.equals(again.data))
    assert.ok(!first.data.equals(other.data))
  })
}
