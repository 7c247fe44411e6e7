// WebVTT as films' captions and episodes' transcripts are checked before they are stored.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { validateWebVtt, webVttSeconds, webVttTimestamp } from './webvtt.js'

const GOOD =
  'WEBVTT\n\n00:00.000 --> 00:02.000\nHello <i>there</i>\n\ncue-2\n00:00:02.500 --> 00:00:04.000 align:start\n<v Reporter>Second</v>\n'

it('accepts well-formed WebVTT and refuses bad timings, a missing header and markup such as <script>', () => {
  assert.equal(validateWebVtt(GOOD), GOOD)
  assert.throws(() => validateWebVtt('00:00.000 --> 00:02.000\nHi\n'), /WEBVTT/)
  assert.throws(
    () => validateWebVtt('WEBVTT\n\n00:03.000 --> 00:02.000\nBackwards\n'),
    (e: Error & { details?: string[] }) => /ends/.test(e.details?.join() ?? ''),
  )
  assert.throws(
    () => validateWebVtt('WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n'),
    (e: Error & { details?: string[] }) => /before the cue above/.test(e.details?.join() ?? ''),
  )
  assert.throws(
    () => validateWebVtt('WEBVTT\n\n0:0 --> 1:0\nBad\n'),
    (e: Error & { details?: string[] }) => /malformed/.test(e.details?.join() ?? ''),
  )
  assert.throws(
    () => validateWebVtt('WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n'),
    (e: Error & { details?: string[] }) => /script/.test(e.details?.join() ?? ''),
  )
  assert.throws(() => validateWebVtt('WEBVTT\n\n00:00.000 --> 00:02.000\nx <script src=//evil\n'), /cannot be used/)
  assert.throws(() => validateWebVtt(`WEBVTT\n\n00:00.000 --> 00:02.000\n${'a'.repeat(1024 * 1024)}\n`), /1 MB/)
})

it('normalises line endings and a byte-order mark, and counts a file of notes only as holding no cues', () => {
  assert.equal(
    validateWebVtt('\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:02.000\r\nHi\r\n'),
    'WEBVTT\n\n00:00.000 --> 00:02.000\nHi\n',
  )
  assert.throws(
    () => validateWebVtt('WEBVTT\n\nNOTE just a note\n'),
    (e: Error & { details?: string[] }) => /no cues/.test(e.details?.join() ?? ''),
  )
})

it('reads timestamps with and without hours', () => {
  assert.equal(webVttSeconds('01:02.500'), 62.5)
  assert.equal(webVttSeconds('01:00:02.000'), 3602)
})

it('seconds are written as hh:mm:ss.ttt timestamps that read back the same', () => {
  assert.equal(webVttTimestamp(0), '00:00:00.000')
  assert.equal(webVttTimestamp(62.5), '00:01:02.500')
  assert.equal(webVttTimestamp(3723.0004), '01:02:03.000')
  assert.equal(webVttTimestamp(-3), '00:00:00.000')
  for (const seconds of [0.001, 59.999, 3599.5, 36_000]) assert.equal(webVttSeconds(webVttTimestamp(seconds)), seconds)
})
