// test-database: none (pure functions over text: nothing to run on PostgreSQL)
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DomainError } from '../platform/errors.js'
import { detectTranscriptFormat, readTranscriptFile, type TranscriptFormat } from './transcript-files.js'

/** The details a refused file is answered with. */
function refusal(text: string, format: TranscriptFormat): readonly string[] {
  try {
    readTranscriptFile(text, format)
  } catch (error) {
    assert.ok(error instanceof DomainError)
    assert.equal(error.code, 'invalid_input')
    return error.details
  }
  assert.fail('the file was accepted')
}

describe('reading a transcript file', () => {
  it('reads WebVTT passages with their speakers from voice tags, without tags, lines joined', () => {
    const vtt =
      'WEBVTT\n\nNOTE recorded in Halbrook\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz>We left in <i>May</i>.\n\n00:00:04.000 --> 00:01:09.500\n<v.interviewer June Park>Why then?\nWhy not before?\n'
    assert.deepEqual(readTranscriptFile(vtt, 'webvtt'), [
      { speaker: 'Ana Ruiz', startSeconds: 1, endSeconds: 4, text: 'We left in May.' },
      { speaker: 'June Park', startSeconds: 4, endSeconds: 69.5, text: 'Why then? Why not before?' },
    ])
  })

  it('reads SRT, with Windows line endings and a byte-order mark', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:04,250\r\nThe river rose.\r\n\r\n2\r\n01:02:03,000 --> 01:02:05,000\r\nTwice.\r\n'
    assert.deepEqual(readTranscriptFile(srt, 'srt'), [
      { speaker: '', startSeconds: 1, endSeconds: 4.25, text: 'The river rose.' },
      { speaker: '', startSeconds: 3723, endSeconds: 3725, text: 'Twice.' },
    ])
  })

  it('reads plain text with [hh:mm:ss] stamps: a passage runs to the next, the last to the film’s end', () => {
    const text =
      '[00:00:00] Ana Ruiz: We began in May.\nIt rained for a week.\n\n[00:01:05.5] June Park: Why then?\n[00:02:00] And nobody asked.'
    assert.deepEqual(readTranscriptFile(text, 'text', { durationSeconds: 150 }), [
      { speaker: 'Ana Ruiz', startSeconds: 0, endSeconds: 65.5, text: 'We began in May. It rained for a week.' },
      { speaker: 'June Park', startSeconds: 65.5, endSeconds: 120, text: 'Why then?' },
      { speaker: '', startSeconds: 120, endSeconds: 150, text: 'And nobody asked.' },
    ])
  })

  it('gives a plain-text last passage as long as its words take to say when the film’s length is not known', () => {
    const [only] = readTranscriptFile(`[00:00:10] ${'word '.repeat(300)}`, 'text')
    assert.equal(only?.endSeconds, 10 + 120)
  })

  it('refuses a malformed WebVTT file with the line and the reason', () => {
    assert.deepEqual(refusal('WEBVTT\n\n00:00:04.000 --> 00:00:03.000\nBackwards.\n', 'webvtt'), [
      'Line 3: End timestamp is not greater than start timestamp.',
    ])
    assert.deepEqual(refusal('Captions\n\n00:00:01.000 --> 00:00:02.000\nHi\n', 'webvtt'), [
      'Line 1: a WebVTT file starts with the line "WEBVTT".',
    ])
  })

  it('refuses an SRT timing with the line number of the SRT file, not of the WebVTT it is read as', () => {
    const details = refusal(
      '1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:0x,000 --> 00:00:04,000\nBroken.\n',
      'srt',
    )
    assert.equal(details.length, 1)
    assert.match(details[0] ?? '', /^Line 6: /)
  })

  it('refuses plain text that starts without a stamp, runs backwards, or is empty', () => {
    assert.deepEqual(refusal('Intro\n[00:00:05] A: b', 'text'), [
      'Line 1: text before the first timestamp; begin each passage with [hh:mm:ss].',
    ])
    assert.deepEqual(refusal('[00:00:05] A: b\n[00:00:03] c', 'text'), [
      'Line 2: the passage starts before the one above it.',
    ])
    assert.deepEqual(refusal('[5:00] late', 'text'), [
      'Line 1: "[5:00] late" is not a timestamp; write [hh:mm:ss], e.g. [00:01:05].',
    ])
    assert.deepEqual(refusal('[00:00:05]\n', 'text'), ['Line 1: the passage at this timestamp has no words.'])
    assert.deepEqual(refusal('', 'text'), ['The file holds no passages.'])
  })

  it('refuses a file over 2 MB before reading it', () => {
    assert.throws(() => readTranscriptFile('x'.repeat(2 * 1024 * 1024 + 1), 'text'), /at most 2 MB/)
  })

  it('tells the form of a file by its name, else by its first lines', () => {
    assert.equal(detectTranscriptFormat('', 'talk.VTT'), 'webvtt')
    assert.equal(detectTranscriptFormat('', 'talk.srt'), 'srt')
    assert.equal(detectTranscriptFormat('\uFEFFWEBVTT\n\n'), 'webvtt')
    assert.equal(detectTranscriptFormat('1\n00:00:01,000 --> 00:00:02,000\nHi'), 'srt')
    assert.equal(detectTranscriptFormat('[00:00:01] Hi'), 'text')
  })
})
