// Which of an image's variants a srcset lists, and in what order.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ImageVariant } from './store.js'
import { imageSrcset, variantsOf } from './urls.js'

const v = (format: ImageVariant['format'], width: number): ImageVariant => ({
  format,
  width,
  height: Math.round(width / 2),
  storageKey: `images/a/${width}.${format}`,
})

test('variantsOf gives one format smallest first, whether stored in order or not', () => {
  const inOrder = { variants: [v('jpeg', 320), v('avif', 320), v('jpeg', 640), v('jpeg', 1280)] }
  assert.deepEqual(
    variantsOf(inOrder, 'jpeg').map(x => x.width),
    [320, 640, 1280],
  )
  const shuffled = { variants: [v('webp', 1280), v('jpeg', 640), v('webp', 320), v('webp', 640)] }
  assert.deepEqual(
    variantsOf(shuffled, 'webp').map(x => x.width),
    [320, 640, 1280],
  )
  assert.deepEqual(variantsOf(shuffled, 'avif'), [])
  assert.match(imageSrcset(shuffled, 'webp'), /320\.webp 320w, .+640\.webp 640w, .+1280\.webp 1280w$/)
})
