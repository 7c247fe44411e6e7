import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { actionForKey, currentChapter, startFromQuery } from './keys.js'

describe('the player keyboard', () => {
  it('maps the documented keys and leaves modified keys to the browser', () => {
    assert.deepEqual(actionForKey({ key: ' ' }), { type: 'toggle-play' })
    assert.deepEqual(actionForKey({ key: 'k' }), { type: 'toggle-play' })
    assert.deepEqual(actionForKey({ key: 'j' }), { type: 'seek-by', seconds: -10 })
    assert.deepEqual(actionForKey({ key: 'l' }), { type: 'seek-by', seconds: 10 })
    assert.deepEqual(actionForKey({ key: 'ArrowLeft' }), { type: 'seek-by', seconds: -5 })
    assert.deepEqual(actionForKey({ key: 'ArrowRight' }), { type: 'seek-by', seconds: 5 })
    assert.deepEqual(actionForKey({ key: 'c' }), { type: 'toggle-captions' })
    assert.deepEqual(actionForKey({ key: 'm' }), { type: 'toggle-mute' })
    assert.deepEqual(actionForKey({ key: 'f' }), { type: 'toggle-fullscreen' })
    assert.equal(actionForKey({ key: 'l', ctrlKey: true }), undefined)
    assert.equal(actionForKey({ key: 'Tab' }), undefined)
  })

  it('marks the chapter that contains the current time', () => {
    const chapters = [
      { startSeconds: 0, title: 'A' },
      { startSeconds: 6, title: 'B' },
    ]
    assert.equal(currentChapter(chapters, 0), 0)
    assert.equal(currentChapter(chapters, 5.5), 0)
    assert.equal(currentChapter(chapters, 6), 1)
    assert.equal(currentChapter([{ startSeconds: 3, title: 'late' }], 1), -1)
  })

  it('reads ?t= as seconds and ignores anything else', () => {
    assert.equal(startFromQuery('?t=42'), 42)
    assert.equal(startFromQuery('?a=1&t=7.5'), 7.5)
    assert.equal(startFromQuery('?t=-3'), undefined)
    assert.equal(startFromQuery('?t=javascript:1'), undefined)
    assert.equal(startFromQuery(''), undefined)
  })
})
