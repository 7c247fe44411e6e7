// Where the poster is taken when a film has cuts, and the filters that blank them.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { blankPictureFilters, blankSoundFilter, posterTime } from './blanking.js'

describe('blanking cuts', () => {
  it('takes the poster a tenth of the way in, or past (or before) a cut it would fall in, or not at all', () => {
    assert.equal(posterTime(100, []), 10)
    assert.equal(posterTime(100, [[5, 20]]), 20.4)
    assert.equal(
      posterTime(100, [
        [5, 20],
        [20.1, 30],
      ]),
      30.4,
    )
    assert.ok(Math.abs(posterTime(10, [[1, 10]])! - 0.6) < 1e-9)
    assert.equal(posterTime(10, [[0, 10]]), undefined)
  })

  it('adds no filter without cuts, and one enable expression over every span with them', () => {
    assert.deepEqual(blankPictureFilters([]), [])
    assert.equal(blankSoundFilter([]), undefined)
    assert.equal(
      blankSoundFilter([
        [1, 2],
        [3.25, 4],
      ]),
      "volume=volume=0:enable='between(t,1.000,2.000)+between(t,3.250,4.000)'",
    )
    assert.match(
      blankPictureFilters([[1, 2]])[0]!,
      /^drawbox=.*color=black:t=fill:enable='between\(t,1\.000,2\.000\)'$/,
    )
  })
})
