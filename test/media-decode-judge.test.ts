// What the decoding check concludes from a decode's report: the sentences an editor reads, and
// the slack that keeps a sound file from being refused for its encoder's padding.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { judgeDecode, type DecodeReport } from '../src/platform/ffmpeg.js'

const clean = (o: Partial<DecodeReport>): DecodeReport => ({
  decodedSeconds: 45,
  frames: 1125,
  errorCount: 0,
  firstErrors: [],
  ...o,
})

describe('judging a decoded master', () => {
  it('accepts a whole file, and one a fraction of a second short (the last frame or audio packet)', () => {
    assert.equal(judgeDecode(clean({}), { durationSeconds: 45, frameRate: 25 }), undefined)
    assert.equal(
      judgeDecode(clean({ decodedSeconds: 44.2, frames: 1105 }), { durationSeconds: 45, frameRate: 25 }),
      undefined,
    )
    // A still picture over sound states a tiny average rate: one picture is all it promises.
    assert.equal(judgeDecode(clean({ frames: 1 }), { durationSeconds: 45, frameRate: 1 / 45 }), undefined)
  })

  it('says how much of a long film arrived, in hours and minutes', () => {
    assert.equal(
      judgeDecode(clean({ decodedSeconds: 725, frames: 18125 }), { durationSeconds: 5400, frameRate: 25 }),
      'The file ends early: it holds 12 min 5 s of the 1 h 30 min its header promises. It was probably cut off while being copied or uploaded. Upload it again from the original.',
    )
  })

  it('refuses a film whose pictures are missing though its sound runs to the end', () => {
    assert.match(
      judgeDecode(clean({ frames: 1 }), { durationSeconds: 45, frameRate: 25 }) ?? '',
      /^The file is missing pictures: 1 of the about 1125 its header promises could be decoded\. Upload it again from the original\.$/,
    )
  })

  it('refuses decode errors, quoting the first', () => {
    assert.equal(
      judgeDecode(clean({ errorCount: 1, firstErrors: ['Invalid NAL unit size (3253 > 574).'] }), {
        durationSeconds: 45,
      }),
      'The file is damaged: decoding it met an error (the first: “Invalid NAL unit size (3253 > 574).”). It would play with glitches or stop. Upload it again from the original.',
    )
  })
})
