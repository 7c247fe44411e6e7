// The transcript island's pure parts, without a browser.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { findMatches, indexFromHash, passageAt, spanFromQuery, spanOf, startFromHref } from './core.js'

describe('the transcript island core', () => {
  it('reads a passage start from its ?t= link', () => {
    assert.equal(startFromHref('?t=63.25'), 63.25)
    assert.equal(startFromHref('/media/x/film.mp4#t=4'), 4)
    assert.equal(startFromHref(null), 0)
  })

  it('finds the passage playing by binary search, -1 before the first', () => {
    const starts = [0, 1.5, 3, 4.5, 6]
    assert.equal(passageAt(starts, 0), 0)
    assert.equal(passageAt(starts, 1.49), 1, 'a seek landing just short of a start counts as that passage')
    assert.equal(passageAt(starts, 4.6), 3)
    assert.equal(passageAt(starts, 99), 4)
    assert.equal(passageAt([2, 3], 1), -1)
    assert.equal(passageAt([], 1), -1)
  })

  it('reads ?t=63 and ?t=63-95, and ignores nonsense', () => {
    assert.deepEqual(spanFromQuery('?t=63-95'), { start: 63, end: 95 })
    assert.deepEqual(spanFromQuery('?t=63'), { start: 63, end: undefined })
    assert.deepEqual(spanFromQuery('?t=95-63'), { start: 95, end: undefined })
    assert.equal(spanFromQuery('?t=abc'), undefined)
    assert.equal(spanFromQuery(''), undefined)
  })

  it('reads #p-42 as the 42nd passage', () => {
    assert.equal(indexFromHash('#p-42'), 41)
    assert.equal(indexFromHash('#p-x'), -1)
    assert.equal(indexFromHash(''), -1)
  })

  it('finds every occurrence in reading order, case folded once beforehand', () => {
    assert.deepEqual(findMatches(['the barge and the tide', '', 'no'], 'THE '), [
      [0, 0],
      [0, 14],
    ])
    assert.deepEqual(findMatches(['aaa'], 'aa'), [[0, 0]], 'matches do not overlap')
    assert.deepEqual(findMatches(['x'], '   '), [])
  })

  it('gives the whole-second span of passages, each running until the next begins', () => {
    assert.deepEqual(spanOf([0, 1.5, 3, 4.5], 1, 2, 12), [1, 5])
    assert.deepEqual(spanOf([0, 1.5, 3, 4.5], 3, 3, 12), [4, 12], 'the last runs to the end of the video')
    assert.deepEqual(spanOf([0, 1.5], 1, 1, Number.NaN), [1, 12], 'without a video, ten seconds')
  })
})
