// The podcast player's pure helpers: the speed steps, the chapter playing now.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chapterAt, nextSpeed } from './time.js'

describe('podcast player helpers', () => {
  it('steps the speed from 1× up to 2×, then 0.75×, then back to 1×', () => {
    const seen = [1]
    for (let i = 0; i < 6; i++) seen.push(nextSpeed(seen[seen.length - 1]!))
    assert.deepEqual(seen, [1, 1.25, 1.5, 1.75, 2, 0.75, 1])
  })

  it('finds the chapter playing at a time, or none before the first', () => {
    assert.equal(chapterAt([5, 20, 40], 2), -1)
    assert.equal(chapterAt([0, 20, 40], 19.5), 0)
    assert.equal(chapterAt([0, 20, 40], 20), 1)
    assert.equal(chapterAt([0, 20, 40], 99), 2)
  })
})
