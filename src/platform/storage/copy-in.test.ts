// Storing a copy of a file on this machine: the bytes arrive whole under the key, and a copy
// that fails leaves neither the key nor a half-written file.
import { after, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStorage, readStoredText } from './index.js'

const root = mkdtempSync(join(tmpdir(), 'newsreel-copy-in-'))
const work = mkdtempSync(join(tmpdir(), 'newsreel-copy-in-work-'))
after(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})
const storage = createLocalStorage(root)

it('stores the file under its key, byte for byte, and replaces what the key held', async () => {
  const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
  writeFileSync(join(work, 'film.mp4'), big)
  const info = await storage.copyIn('videos/1/aa/film.mp4', join(work, 'film.mp4'))
  assert.equal(info.size, big.length)
  const chunks: Buffer[] = []
  for await (const chunk of storage.read('videos/1/aa/film.mp4')) chunks.push(chunk as Buffer)
  assert.ok(Buffer.concat(chunks).equals(big))

  writeFileSync(join(work, 'index.m3u8'), '#EXTM3U\n')
  await storage.put('videos/1/aa/index.m3u8', Buffer.from('old'))
  await storage.copyIn('videos/1/aa/index.m3u8', join(work, 'index.m3u8'))
  assert.equal(await readStoredText(storage, 'videos/1/aa/index.m3u8'), '#EXTM3U\n')
})

it('a file that is not there leaves no key and no temporary file behind', async () => {
  await assert.rejects(storage.copyIn('videos/2/bb/film.mp4', join(work, 'missing.mp4')), /ENOENT/)
  assert.equal(await storage.stat('videos/2/bb/film.mp4'), undefined)
  assert.deepEqual(readdirSync(join(root, 'videos/2/bb')), [])
})

it('refuses a key that would leave the store', async () => {
  writeFileSync(join(work, 'x.txt'), 'x')
  await assert.rejects(storage.copyIn('../outside.txt', join(work, 'x.txt')), /unsafe storage key/)
})
