// test-database: none
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { transcriptTrack } from './captions.js'

test("the transcript's captions track is named by its language, as a player's menu lists tracks", () => {
  assert.deepEqual(transcriptTrack('/interviews/x/captions.vtt', 'en'), {
    lang: 'en',
    label: 'English',
    url: '/interviews/x/captions.vtt',
  })
})

test('beside an uploaded track of the same name, the transcript says which one it is', () => {
  const uploaded = [{ lang: 'en', label: 'English', url: '/media/en.vtt' }]
  assert.equal(transcriptTrack('/t.vtt', 'en', uploaded).label, 'English (transcript)')
  assert.equal(transcriptTrack('/t.vtt', 'es', uploaded).label, 'Español')
})
