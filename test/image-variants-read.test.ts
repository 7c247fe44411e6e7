// An image's variant list as pages read it: shared between reads of the same stored list, frozen
// so no reader can change it for another, and new as soon as the stored list changes.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  findImagesByIds,
  imageSrcset,
  insertImage,
  updateImageVariants,
  type ImageVariant,
} from '../src/media/index.js'
import { testDatabase } from './helpers.js'

const variant = (format: ImageVariant['format'], width: number, name = 'a'): ImageVariant => ({
  format,
  width,
  height: width / 2,
  storageKey: `images/${name}/${width}.${format}`,
})

describe('reading an image’s variants', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('gives the stored list, frozen, and its srcset; a changed list reads anew at once', async () => {
    const stored = await insertImage(database.db, {
      storageKey: 'images/a.jpg',
      contentType: 'image/jpeg',
      width: 1280,
      height: 640,
      alt: 'A harbour at dawn',
      variants: [variant('jpeg', 320), variant('jpeg', 640), variant('webp', 320)],
    })
    const first = (await findImagesByIds(database.db, [stored.id])).get(stored.id)
    const again = (await findImagesByIds(database.db, [stored.id])).get(stored.id)
    assert.ok(first && again)
    assert.deepEqual(
      first.variants.map(v => `${v.format} ${v.width}`),
      ['jpeg 320', 'jpeg 640', 'webp 320'],
    )
    assert.equal(imageSrcset(first, 'jpeg'), '/media/images/a/320.jpeg 320w, /media/images/a/640.jpeg 640w')
    assert.equal(imageSrcset(again, 'webp'), '/media/images/a/320.webp 320w')
    // No reader can change the list another reader holds.
    assert.throws(() => (first.variants as ImageVariant[]).push(variant('avif', 320)), TypeError)
    assert.throws(() => {
      ;(first.variants[0] as { width: number }).width = 1
    }, TypeError)
    assert.equal(again.variants.length, 3)

    await updateImageVariants(database.db, stored.id, [variant('jpeg', 960, 'b'), variant('avif', 960, 'b')])
    const changed = (await findImagesByIds(database.db, [stored.id])).get(stored.id)
    assert.ok(changed)
    assert.equal(imageSrcset(changed, 'jpeg'), '/media/images/b/960.jpeg 960w')
    assert.equal(imageSrcset(changed, 'avif'), '/media/images/b/960.avif 960w')
    assert.equal(imageSrcset(changed, 'webp'), '')
  })
})
