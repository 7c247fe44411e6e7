// The demo's drawing process: it draws the same picture as this process would, cuts a film's
// master, answers a bad order with an error instead of hanging, and ends when idle (starting again
// when asked).
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createDemoDrawingProcess, drawPreviewsOnce } from './drawing-process.js'
import { renderDemoPreview } from './artwork.js'
import { drawArtwork, type ArtworkOrder } from './drawing-work.js'

describe('the demo drawing process', () => {
  const drawing = createDemoDrawingProcess({ idleMs: 200 })
  after(() => drawing.close())

  it('draws a picture and its variants as this process would', async () => {
    const order: ArtworkOrder = { kind: 'portrait', seed: 7, storageKey: 'images/demo/a-portrait.jpg' }
    const [there, here] = await Promise.all([drawing.drawArtwork(order), drawArtwork(order)])
    assert.equal(there.contentType, 'image/jpeg')
    assert.ok(Buffer.isBuffer(there.files[0]?.data))
    assert.deepEqual(there.files[0], here.files[0])
    assert.deepEqual(there.files.map(f => f.key).sort(), here.files.map(f => f.key).sort())
    assert.deepEqual(there.variants.map(v => v.storageKey).sort(), here.variants.map(v => v.storageKey).sort())
    assert.deepEqual(
      there.files
        .slice(1)
        .map(f => f.key)
        .sort(),
      there.variants.map(v => v.storageKey).sort(),
    )
  })

  it("draws a seed's previews as this process would, in order", async () => {
    const images = [
      { kind: 'landscape', seed: 1 },
      { kind: 'logo', seed: 2 },
    ] as const
    const previews = await drawPreviewsOnce([...images])
    assert.equal(previews.length, 2)
    for (const [i, image] of images.entries()) assert.deepEqual(previews[i], await renderDemoPreview(image))
  })

  it('answers a bad order with an error, and keeps working', async () => {
    const bad = { kind: 'nonsense', seed: 1, storageKey: 'x.jpg' } as unknown as ArtworkOrder
    await assert.rejects(drawing.drawArtwork(bad))
    const drawn = await drawing.drawArtwork({ kind: 'logo', seed: 2, storageKey: 'images/demo/a-logo.png' })
    assert.equal(drawn.contentType, 'image/png')
  })

  it('ends when idle and starts again when asked', async () => {
    await new Promise(resolve => setTimeout(resolve, 800))
    const path = await drawing.cutFilm(
      { title: 'A Test Film', index: 5, seconds: 12, stills: [{ kind: 'landscape', seed: 3 }] },
      new AbortController().signal,
    )
    try {
      // An MP4: its first box is `ftyp`.
      assert.equal((await readFile(path)).subarray(4, 8).toString('latin1'), 'ftyp')
    } finally {
      await rm(dirname(path), { recursive: true, force: true })
    }
  })

  it('stops cutting a film when asked', async () => {
    const controller = new AbortController()
    const cut = drawing.cutFilm(
      { title: 'A Long Film', index: 3, seconds: 170, stills: [{ kind: 'landscape', seed: 4 }] },
      controller.signal,
    )
    setTimeout(() => controller.abort(), 300)
    await assert.rejects(cut, /stopped|cancel/)
  })
})
