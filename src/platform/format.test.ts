import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatRuntime, spokenRuntime } from './format.js'

test('short films keep their seconds, so a 99-second film does not read "1 minute"', () => {
  assert.equal(formatRuntime(99), '1m 39s')
  assert.equal(spokenRuntime(99), '1 minute 39 seconds')
  assert.equal(formatRuntime(120), '2m')
  assert.equal(spokenRuntime(120), '2 minutes')
  assert.equal(formatRuntime(45), '45s')
  assert.equal(spokenRuntime(45), '45 seconds')
  assert.equal(spokenRuntime(61), '1 minute 1 second')
})

test('longer films read in hours and whole minutes, as their timecode does', () => {
  assert.equal(formatRuntime(6840), '1h 54m')
  assert.equal(spokenRuntime(6840), '1 hour 54 minutes')
  assert.equal(formatRuntime(2879), '47m')
  assert.equal(formatRuntime(7530), '2h 5m')
  assert.equal(formatRuntime(600), '10m')
  assert.equal(spokenRuntime(7200), '2 hours')
})
