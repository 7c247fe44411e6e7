// Choosing a run of transcript passages in the interview picker: clicks only, never across a
// withheld passage, and the span is the passages' own start and end.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { clickPassage, runPassages, runSpan, type Run } from './passage-run.js'

const passages = [0, 1, 2, 3, 4].map(position => ({
  position,
  startSeconds: position * 10,
  endSeconds: position * 10 + 10,
  withheld: position === 3,
}))

function clicks(...positions: number[]): { run: Run | undefined; problem?: string | undefined } {
  let state: { run: Run | undefined; problem?: string | undefined } = { run: undefined }
  for (const p of positions) state = clickPassage(passages, state.run, p)
  return state
}

describe('choosing a run of passages', () => {
  it('a click starts a run, a click outside stretches it, inside starts again, on a run of one clears it', () => {
    assert.deepEqual(clicks(1).run, { from: 1, to: 1 })
    assert.deepEqual(clicks(2, 0).run, { from: 0, to: 2 })
    assert.deepEqual(clicks(0, 2, 1).run, { from: 1, to: 1 })
    assert.equal(clicks(1, 1).run, undefined)
  })

  it('a withheld passage can neither start a run nor be reached across', () => {
    const start = clicks(3)
    assert.equal(start.run, undefined)
    assert.equal(start.problem, 'Passage 4 is withheld: it cannot be quoted.')
    const across = clicks(2, 4)
    assert.deepEqual(across.run, { from: 2, to: 2 }, 'the run stays as it was')
    assert.match(across.problem ?? '', /^Passage 4 is withheld, so a run cannot reach across it/)
    assert.deepEqual(clicks(4).run, { from: 4, to: 4 }, 'after it, a new run starts')
  })

  it("the span runs from the first passage's start to the last one's end", () => {
    const chosen = runPassages(passages, { from: 0, to: 2 })
    assert.deepEqual(
      chosen.map(p => p.position),
      [0, 1, 2],
    )
    assert.deepEqual(runSpan(chosen), { startSeconds: 0, endSeconds: 30 })
    assert.equal(runSpan([]), undefined)
  })
})
