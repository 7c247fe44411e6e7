// Reading the newsroom's excerpt form: times typed as timecodes, checked against the film
// they belong to, each problem said in a sentence a person can act on.
import { formatTimecode } from '../body/index.js'
import { formText, textProblem, type FormProblems } from '../newsroom/index.js'
import type { NewExcerpt } from './store.js'

/** An excerpt form's fields as typed. */
export interface ExcerptFields {
  title: string
  caption: string
  start: string
  end: string
}

/** What the checks need to know of the film an excerpt belongs to. */
export interface ExcerptFilm {
  id: number
  title: string
  runtimeSeconds: number
}

export const EXCERPT_LIMITS = { title: 200, caption: 1000 }
/** The longest passage an excerpt may be: ten minutes. */
export const EXCERPT_MAX_SECONDS = 600

/** Seconds from a timecode typed as m:ss or h:mm:ss (“12:05”, “1:02:03”); undefined when it is neither. */
export function parseTimecode(raw: string): number | undefined {
  const short = /^(\d{1,3}):([0-5]\d)$/.exec(raw)
  if (short) return Number(short[1]) * 60 + Number(short[2])
  const long = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(raw)
  if (long) return Number(long[1]) * 3600 + Number(long[2]) * 60 + Number(long[3])
  return undefined
}

/** The form's fields as typed, for showing again. */
export function readExcerptFields(body: {
  title?: string
  caption?: string
  start?: string
  end?: string
}): ExcerptFields {
  return {
    title: formText(body.title),
    caption: formText(body.caption),
    start: formText(body.start),
    end: formText(body.end),
  }
}

/** The fields of a stored excerpt, as the form shows them. */
export function excerptFieldsOf(excerpt: {
  title: string
  caption: string
  startSeconds: number
  endSeconds: number
}): ExcerptFields {
  return {
    title: excerpt.title,
    caption: excerpt.caption,
    start: formatTimecode(excerpt.startSeconds),
    end: formatTimecode(excerpt.endSeconds),
  }
}

function readTime(label: string, raw: string): { value: number } | { problem: string } {
  if (!raw)
    return {
      problem: `${label} cannot be empty: write a time in the film as m:ss or h:mm:ss, like “12:05” or “1:02:03”.`,
    }
  const value = parseTimecode(raw)
  if (value === undefined)
    return { problem: `${label} must be a time in the film written as m:ss or h:mm:ss, like “12:05” or “1:02:03”.` }
  return { value }
}

/** Checks the fields against the film; gives the excerpt to save or the problems. */
export function checkExcerptFields(
  fields: ExcerptFields,
  film: ExcerptFilm,
): { excerpt: NewExcerpt } | { problems: FormProblems } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', fields.title, EXCERPT_LIMITS.title, true))
  add('caption', textProblem('Caption', fields.caption, EXCERPT_LIMITS.caption))
  const start = readTime('Start', fields.start)
  const end = readTime('End', fields.end)
  if ('problem' in start) add('start', start.problem)
  if ('problem' in end) add('end', end.problem)
  if ('value' in start && 'value' in end) {
    const [from, to] = [formatTimecode(start.value), formatTimecode(end.value)]
    if (end.value <= start.value) add('end', `The end (${to}) must come after the start (${from}).`)
    else if (end.value > film.runtimeSeconds)
      add('end', `The end (${to}) is after the film ends (${formatTimecode(film.runtimeSeconds)}).`)
    else if (end.value - start.value > EXCERPT_MAX_SECONDS) {
      add(
        'end',
        `An excerpt is limited to 10 minutes; this one runs ${formatTimecode(end.value - start.value)} (${from}–${to}).`,
      )
    }
  }
  if (Object.keys(problems).length || !('value' in start) || !('value' in end)) return { problems }
  return {
    excerpt: {
      documentaryId: film.id,
      title: fields.title,
      caption: fields.caption,
      startSeconds: start.value,
      endSeconds: end.value,
    },
  }
}
