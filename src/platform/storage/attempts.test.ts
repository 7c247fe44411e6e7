// A later run cleans up exactly what a killed attempt uploaded, and leaves every other folder alone.
import { after, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStorage } from './index.js'
import { removeAttempt, writeAttemptManifest } from './attempts.js'

const root = mkdtempSync(join(tmpdir(), 'newsreel-attempts-'))
after(() => rmSync(root, { recursive: true, force: true }))
const storage = createLocalStorage(root)

it('removes the files an attempt listed, and its list, but nothing it did not list', async () => {
  await writeAttemptManifest(storage, 'films/1/aa', ['index.m3u8', '720p/seg-0.m4s'])
  await storage.put('films/1/aa/index.m3u8', Buffer.from('#EXTM3U'))
  await storage.put('films/1/aa/720p/seg-0.m4s', Buffer.from('x'))
  await storage.put('films/1/aa/unlisted.txt', Buffer.from('kept'))
  await removeAttempt(storage, 'films/1/aa')
  assert.equal(await storage.stat('films/1/aa/index.m3u8'), undefined)
  assert.equal(await storage.stat('films/1/aa/720p/seg-0.m4s'), undefined)
  assert.equal(await storage.stat('films/1/aa/files.json'), undefined)
  assert.ok(await storage.stat('films/1/aa/unlisted.txt'))
})

it('leaves a folder without a list alone, and drops an unreadable list without guessing', async () => {
  await storage.put('films/2/live/index.m3u8', Buffer.from('#EXTM3U'))
  await removeAttempt(storage, 'films/2/live')
  assert.ok(await storage.stat('films/2/live/index.m3u8'))
  await storage.put('films/3/bb/files.json', Buffer.from('not json'))
  await storage.put('films/3/bb/episode.mp3', Buffer.from('x'))
  await removeAttempt(storage, 'films/3/bb')
  assert.equal(await storage.stat('films/3/bb/files.json'), undefined)
  assert.ok(await storage.stat('films/3/bb/episode.mp3'))
})

it('a listed file already gone does not stop the rest being removed', async () => {
  await writeAttemptManifest(storage, 'films/4/cc', ['gone.ts', 'here.ts'])
  await storage.put('films/4/cc/here.ts', Buffer.from('x'))
  await removeAttempt(storage, 'films/4/cc')
  assert.equal(await storage.stat('films/4/cc/here.ts'), undefined)
})
