// The ladder's choices that need no ffmpeg run: which rungs a master gets, and when a transcode
// may copy a master's pictures instead of encoding them again.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ProbeResult } from '../platform/ffmpeg.js'
import { canCopyVideo, lowestRung, planLadder, planSprite, transcodeArgs } from './ladder.js'

const demo: ProbeResult = {
  width: 640,
  height: 360,
  durationSeconds: 90,
  hasAudio: true,
  videoCodec: 'h264',
  audioChannels: 1,
}

describe('the ladder', () => {
  it('never climbs above the master: a 360p master gets one rung at its own size', () => {
    assert.deepEqual(
      planLadder(demo).map(r => [r.width, r.height]),
      [[640, 360]],
    )
    assert.deepEqual(
      planLadder({ ...demo, width: 1920, height: 1080 }).map(r => r.height),
      [360, 540, 720, 1080],
    )
    assert.equal(lowestRung(640, 360).name, 'r360')
  })

  it('copies the pictures only of a master made at its one rung, with no cuts, in H.264 at that size', () => {
    const ladder = planLadder(demo)
    assert.ok(canCopyVideo(demo, ladder, [], true))
    // An editor's upload never says it was made at the rung: it is encoded.
    assert.ok(!canCopyVideo(demo, ladder, [], false))
    // Withheld passages are blanked in the pictures, which needs them decoded and encoded.
    assert.ok(!canCopyVideo(demo, ladder, [[10, 20]], true))
    assert.ok(!canCopyVideo({ ...demo, videoCodec: 'vp9' }, ladder, [], true))
    assert.ok(!canCopyVideo({ ...demo, videoCodec: undefined }, ladder, [], true))
    const tall = { ...demo, width: 1280, height: 720 }
    assert.ok(!canCopyVideo(tall, planLadder(tall), [], true))
    assert.ok(!canCopyVideo({ ...demo, width: 642 }, ladder, [], true))
  })

  it('encodes mono sound as mono and anything else as stereo', () => {
    const sound = (source: ProbeResult) => {
      const args = transcodeArgs('in.mp4', source, planLadder(source), planSprite(source))
      return args.slice(args.indexOf('-c:a'), args.indexOf('-c:a') + 8).join(' ')
    }
    assert.equal(sound(demo), '-c:a aac -b:a 96k -ac 1 -ar 48000')
    assert.equal(sound({ ...demo, audioChannels: 2 }), '-c:a aac -b:a 128k -ac 2 -ar 48000')
    assert.equal(sound({ ...demo, audioChannels: 6 }), '-c:a aac -b:a 128k -ac 2 -ar 48000')
    assert.equal(sound({ ...demo, audioChannels: undefined }), '-c:a aac -b:a 128k -ac 2 -ar 48000')
  })
})
