// The newsroom's chapters form: one chapter a line, "timecode title", read and checked
// against the film, each problem named by its line so an editor can find and fix it.
import { formatTimecode } from '../body/index.js'
import { parseTimecode } from '../excerpts/index.js'
import type { VideoChapter } from './chapter-store.js'

/** The most chapters a film has, and the longest title (the same limits `setChapters` keeps). */
export const CHAPTER_LIMITS = { chapters: 100, title: 200 }

/** How many problems are listed before the rest are only counted. */
const MAX_SHOWN = 30

/** The text the form shows for stored chapters: one "m:ss Title" line each, in order. */
export function chaptersText(chapters: readonly VideoChapter[]): string {
  return [...chapters]
    .sort((a, b) => a.startSeconds - b.startSeconds)
    .map(c => `${formatTimecode(c.startSeconds)} ${c.title}`)
    .join('\n')
}

/** Seconds from "h:mm:ss", "m:ss" or plain seconds ("95"); undefined when it is none of them. */
export function readChapterStart(raw: string): number | undefined {
  if (/^\d{1,6}$/.test(raw)) return Number(raw)
  return parseTimecode(raw)
}

/**
 * Reads the textarea: blank lines are skipped, chapters come back sorted by start. Problems
 * name their line; a film's length (when known) bounds the starts.
 */
export function readChapters(
  text: string,
  durationSeconds: number | null,
  subject = 'film',
): { chapters: VideoChapter[] } | { problems: string[] } {
  const problems: string[] = []
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => ({ n: i + 1, line: line.trim() }))
    .filter(l => l.line !== '')
  if (lines.length > CHAPTER_LIMITS.chapters) {
    problems.push(
      `There are ${lines.length} chapters; a ${subject} has at most ${CHAPTER_LIMITS.chapters}. Remove ${lines.length - CHAPTER_LIMITS.chapters}.`,
    )
  }
  const startedOn = new Map<number, number>()
  const chapters: VideoChapter[] = []
  for (const { n, line } of lines) {
    const [, stamp = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? []
    const title = rest.trim()
    const start = readChapterStart(stamp)
    if (start === undefined) {
      problems.push(
        `Line ${n}: “${stamp.slice(0, 20)}” is not a time. Start the line with h:mm:ss, m:ss or seconds, like “1:02:03 Finale”, “12:05 The crossing” or “95 Arrival”.`,
      )
    } else if (durationSeconds !== null && start >= durationSeconds) {
      problems.push(
        `Line ${n}: ${formatTimecode(start)} is after the ${subject} ends (it runs ${formatTimecode(durationSeconds)}).`,
      )
    } else if (startedOn.has(start)) {
      problems.push(
        `Line ${n}: line ${startedOn.get(start)} already starts a chapter at ${formatTimecode(start)}; each chapter needs its own start.`,
      )
    } else {
      startedOn.set(start, n)
    }
    if (!title)
      problems.push(
        `Line ${n}: the chapter needs a title after its time, like “${stamp.slice(0, 20) || '0:00'} Opening”.`,
      )
    else if (title.length > CHAPTER_LIMITS.title)
      problems.push(`Line ${n}: the title has ${title.length} characters; at most ${CHAPTER_LIMITS.title}.`)
    if (start !== undefined) chapters.push({ startSeconds: start, title })
  }
  if (problems.length > MAX_SHOWN)
    return { problems: [...problems.slice(0, MAX_SHOWN), `…and ${problems.length - MAX_SHOWN} more problems.`] }
  if (problems.length > 0) return { problems }
  return { chapters: chapters.sort((a, b) => a.startSeconds - b.startSeconds) }
}
