// Reading an interview's transcript from the files newsrooms have: WebVTT (speakers from
// `<v Name>` voice tags), SRT, or plain text with `[hh:mm:ss]` timestamps. Each becomes the
// same list of passages, the one source the interview's captions, search text and structured
// data are made from. A file that does not read is refused whole, each problem with its line.
//
// WebVTT is parsed by `webvtt-parser` (the W3C validator's parser: it reports errors by line).
// SRT differs from WebVTT only in its header and its decimal comma, so it is read by the same
// parser after that one change, with line numbers mapped back. The plain-text form has no
// standard and no library; its few rules are below.
// A CommonJS module whose exports Node cannot list statically: take the whole object.
import webvtt, { type TreeNode, type TreeNodeObjectTagNameWithRt } from 'webvtt-parser'
import { InvalidInput } from '../platform/errors.js'

/** One passage of a transcript: who speaks, from when to when, and what they say. */
export interface Passage {
  /** The speaker's name as the file gives it; '' when it names none. */
  speaker: string
  startSeconds: number
  endSeconds: number
  text: string
}

export type TranscriptFormat = 'webvtt' | 'srt' | 'text'

/** The largest transcript file read: a three-hour interview is well under 1 MB. */
export const MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024
/** At most this many problems are listed; a file with more is plainly the wrong file. */
const MAX_PROBLEMS = 20

/** Which form a file is in: by its name when it has a known extension, else by its first lines. */
export function detectTranscriptFormat(text: string, filename = ''): TranscriptFormat {
  const extension = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase()
  if (extension === 'vtt') return 'webvtt'
  if (extension === 'srt') return 'srt'
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('WEBVTT')) return 'webvtt'
  if (/^\d+\s*\n\s*\d{2}:\d{2}:\d{2},\d{3}\s+-->/.test(start)) return 'srt'
  return 'text'
}

/**
 * Reads a transcript file into passages, in time order. Refuses (InvalidInput, each detail
 * "Line N: …") a file that is empty, too large, malformed, or whose passages overlap or run
 * backwards. `durationSeconds`, when known, is where the plain-text form's last passage ends.
 */
export function readTranscriptFile(
  text: string,
  format: TranscriptFormat,
  options: { durationSeconds?: number | undefined } = {},
): Passage[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_TRANSCRIPT_BYTES)
    throw new InvalidInput('A transcript file can be at most 2 MB.')
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const read =
    format === 'text' ? readTimestampedText(normalised, options.durationSeconds) : readCues(normalised, format)
  const reported = new Set(read.problems.map(p => Number(/^Line (\d+):/.exec(p)?.[1])))
  const problems = [...read.problems, ...orderProblems(read.passages, reported)]
  if (read.passages.length === 0 && problems.length === 0) problems.push('The file holds no passages.')
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS)
    if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems.`)
    throw new InvalidInput('This transcript cannot be used; nothing was stored.', shown)
  }
  return read.passages.map(({ line: _line, ...passage }) => passage)
}

type VttNode = TreeNode<TreeNodeObjectTagNameWithRt>

interface Read {
  passages: (Passage & { line: number })[]
  problems: string[]
}

/** WebVTT, or SRT read as WebVTT once its header and decimal commas are put right. */
function readCues(text: string, format: 'webvtt' | 'srt'): Read {
  // SRT gains a two-line header, so its line numbers are two less than the parser's.
  const shift = format === 'srt' ? 2 : 0
  const source =
    format === 'srt'
      ? `WEBVTT\n\n${text.replace(/^(\s*\d{2}:\d{2}:\d{2}),(\d{3}\s+-->\s+\d{2}:\d{2}:\d{2}),(\d{3})/gm, '$1.$2.$3')}`
      : text
  if (format === 'webvtt' && !/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(source)) {
    return { passages: [], problems: ['Line 1: a WebVTT file starts with the line "WEBVTT".'] }
  }
  const parsed = new webvtt.WebVTTParser().parse(source, 'metadata')
  const problems = parsed.errors.map(e => `Line ${Math.max(1, e.line - shift)}: ${e.message}`)
  const lines = source.split('\n')
  let searchFrom = 0
  const passages = parsed.cues.map(cue => {
    // The parser does not say where a cue stood; its timing line is the next one that matches.
    const at = lines.findIndex((l, i) => i >= searchFrom && l.includes('-->'))
    searchFrom = at + 1
    return {
      speaker: voiceOf(cue.tree.children),
      startSeconds: cue.startTime,
      endSeconds: cue.endTime,
      text: plainText(cue.tree.children),
      line: at + 1 - shift,
    }
  })
  return { passages: passages.filter(p => p.text !== ''), problems }
}

/** The first voice (`<v Name>`) a cue names. */
function voiceOf(nodes: readonly VttNode[]): string {
  for (const node of nodes) {
    if (node.type === 'object' && node.name === 'v') return (node.value ?? '').trim()
    if (node.type === 'object') {
      const inner = voiceOf(node.children)
      if (inner) return inner
    }
  }
  return ''
}

/** A cue's words without its tags, lines joined by spaces. */
function plainText(nodes: readonly VttNode[]): string {
  const words = (list: readonly VttNode[]): string =>
    list.map(n => (n.type === 'text' ? n.value : n.type === 'object' ? words(n.children) : '')).join('')
  return words(nodes).replace(/\s+/g, ' ').trim()
}

const STAMP = /^\[(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?\]\s*(.*)$/
const SPEAKER = /^([^:\n]{1,80}):\s+(.+)$/s

/**
 * Plain text: a passage begins at a line starting `[hh:mm:ss]` (or `[hh:mm:ss.mmm]`), optionally
 * followed by `Name: `; lines below it up to the next stamp belong to it. A passage ends where
 * the next begins; the last ends at the film's length when known, else after as long as its
 * words take to say (150 a minute), to be corrected once the video's length is known.
 */
function readTimestampedText(text: string, durationSeconds: number | undefined): Read {
  const problems: string[] = []
  const starts: { line: number; startSeconds: number; body: string[] }[] = []
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (line === '') continue
    const stamp = STAMP.exec(line)
    if (stamp) {
      const [hours, minutes, seconds] = [stamp[1], stamp[2], stamp[3]].map(Number)
      const fraction = Number(`0.${stamp[4] ?? '0'}`)
      starts.push({
        line: index + 1,
        startSeconds: (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0) + fraction,
        body: stamp[5] ? [stamp[5]] : [],
      })
    } else if (/^\[[^\]]*\]/.test(line) && starts.length === 0) {
      problems.push(`Line ${index + 1}: "${line.slice(0, 30)}" is not a timestamp; write [hh:mm:ss], e.g. [00:01:05].`)
    } else if (starts.length === 0) {
      problems.push(`Line ${index + 1}: text before the first timestamp; begin each passage with [hh:mm:ss].`)
    } else {
      starts[starts.length - 1]?.body.push(line)
    }
  }
  const passages = starts.map((start, i) => {
    const joined = start.body.join(' ').replace(/\s+/g, ' ').trim()
    const named = SPEAKER.exec(joined)
    const words = joined.split(' ').length
    const next = starts[i + 1]
    const endSeconds = next
      ? next.startSeconds
      : Math.max(durationSeconds ?? 0, start.startSeconds + Math.ceil((words / 150) * 60))
    return {
      speaker: named?.[1]?.trim() ?? '',
      text: (named?.[2] ?? joined).trim(),
      startSeconds: start.startSeconds,
      endSeconds,
      line: start.line,
    }
  })
  for (const p of passages)
    if (p.text === '') problems.push(`Line ${p.line}: the passage at this timestamp has no words.`)
  return { passages: passages.filter(p => p.text !== ''), problems }
}

/** Passages must run forward: none starts before the one above it, and each ends after it starts. */
function orderProblems(passages: readonly (Passage & { line: number })[], reported: ReadonlySet<number>): string[] {
  const problems: string[] = []
  for (const [i, p] of passages.entries()) {
    const before = passages[i - 1]
    const after = passages[i + 1]
    if (before && p.startSeconds < before.startSeconds)
      problems.push(`Line ${p.line}: the passage starts before the one above it.`)
    // An end taken from a passage out of order is reported there, once; so is what the parser found.
    else if (
      p.endSeconds <= p.startSeconds &&
      !reported.has(p.line) &&
      !(after && after.startSeconds < p.startSeconds)
    ) {
      problems.push(`Line ${p.line}: the passage ends before it starts.`)
    }
  }
  return problems
}
