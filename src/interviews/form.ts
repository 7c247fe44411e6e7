// Reading the newsroom's interview form: the interview's own fields, the person interviewed, what
// it is filed under (documentaries, topics, interviewers) and its film moments as rows of times;
// each problem said in a sentence at its field.
import { parseTimecode } from '../excerpts/index.js'
import { formText, slugProblem, textProblem, type FormProblems } from '../newsroom/index.js'
import type { InterviewInput } from './actions.js'
import type { Interview, InterviewLinks } from './store.js'
import type { FilmMoment, NewFilmMoment } from './film-moments.js'

/** One film moment as typed: the film, its span in the film and in the interview, a label. */
export interface MomentRow {
  documentaryId: string
  filmStart: string
  filmEnd: string
  start: string
  end: string
  label: string
}

/** The form's fields as typed (choices as the ids posted, in order). */
export interface InterviewFormFields {
  title: string
  slug: string
  personId: string
  personRole: string
  recordedOn: string
  place: string
  summary: string
  documentaryIds: string[]
  topicIds: string[]
  interviewerIds: string[]
  moments: MomentRow[]
}

export const INTERVIEW_LIMITS = {
  title: 200,
  personRole: 200,
  place: 200,
  summary: 5000,
  documentaries: 20,
  topics: 10,
  interviewers: 10,
  moments: 40,
  label: 200,
}

export const EMPTY_INTERVIEW_FIELDS: InterviewFormFields = {
  title: '',
  slug: '',
  personId: '',
  personRole: '',
  recordedOn: '',
  place: '',
  summary: '',
  documentaryIds: [],
  topicIds: [],
  interviewerIds: [],
  moments: [],
}

/** The form as posted: every field text, repeated fields as lists. */
export interface InterviewBody {
  title?: string | undefined
  slug?: string | undefined
  personId?: string | undefined
  personRole?: string | undefined
  recordedOn?: string | undefined
  place?: string | undefined
  summary?: string | undefined
  documentaries?: string[] | undefined
  topics?: string[] | undefined
  interviewers?: string[] | undefined
  momentFilm?: string[] | undefined
  momentFilmStart?: string[] | undefined
  momentFilmEnd?: string[] | undefined
  momentStart?: string[] | undefined
  momentEnd?: string[] | undefined
  momentLabel?: string[] | undefined
}

/** The fields as typed, for checking and showing again; empty choices and empty moment rows are dropped. */
export function readInterviewFields(body: InterviewBody): InterviewFormFields {
  const chosen = (values: readonly string[] = []) => values.map(formText).filter(Boolean)
  const column = (values: readonly string[] = [], i: number) => formText(values[i])
  const rows = Math.max(
    ...[
      body.momentFilm,
      body.momentFilmStart,
      body.momentFilmEnd,
      body.momentStart,
      body.momentEnd,
      body.momentLabel,
    ].map(l => l?.length ?? 0),
  )
  const moments = Array.from(
    { length: rows },
    (_, i): MomentRow => ({
      documentaryId: column(body.momentFilm, i),
      filmStart: column(body.momentFilmStart, i),
      filmEnd: column(body.momentFilmEnd, i),
      start: column(body.momentStart, i),
      end: column(body.momentEnd, i),
      label: column(body.momentLabel, i),
    }),
  )
  return {
    title: formText(body.title),
    slug: formText(body.slug),
    personId: formText(body.personId),
    personRole: formText(body.personRole),
    recordedOn: formText(body.recordedOn),
    place: formText(body.place),
    summary: formText(body.summary),
    documentaryIds: chosen(body.documentaries),
    topicIds: chosen(body.topics),
    interviewerIds: chosen(body.interviewers),
    moments: moments.filter(m => m.filmStart || m.filmEnd || m.start || m.end || m.label),
  }
}

/** Seconds as the form shows times: m:ss, or h:mm:ss from an hour. */
export function timeText(seconds: number): string {
  const total = Math.round(seconds)
  const pad = (n: number) => String(n).padStart(2, '0')
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** A stored interview's fields as the form shows them. */
export function interviewFieldsOf(
  interview: Interview,
  links: InterviewLinks,
  moments: readonly FilmMoment[],
): InterviewFormFields {
  return {
    title: interview.title,
    slug: interview.slug,
    personId: String(interview.personId),
    personRole: interview.personRole,
    recordedOn: interview.recordedOn ?? '',
    place: interview.place,
    summary: interview.summary,
    documentaryIds: links.documentaryIds.map(String),
    topicIds: links.topicIds.map(String),
    interviewerIds: links.interviewerIds.map(String),
    moments: moments.map(m => ({
      documentaryId: String(m.documentaryId),
      filmStart: timeText(m.filmStartSeconds),
      filmEnd: timeText(m.filmEndSeconds),
      start: timeText(m.interviewStartSeconds),
      end: timeText(m.interviewEndSeconds),
      label: m.label,
    })),
  }
}

/** Reads a recording date typed as YYYY-MM-DD that is on the calendar; empty is "not known". */
export function readRecordedOn(raw: string): { value: string | null } | { problem: string } {
  if (!raw) return { value: null }
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
  if (!parts)
    return { problem: 'Date must be written as YYYY-MM-DD, like “2026-01-15”, or left empty when it is not known.' }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { problem: `Date ${raw} is not a day on the calendar.` }
  if (year < 1900 || year > 2100) return { problem: 'Date must be a year from 1900 to 2100.' }
  return { value: raw }
}

/** What exists to choose from. */
export interface InterviewChoiceIds {
  personIds: ReadonlySet<number>
  documentaryIds: ReadonlySet<number>
  topicIds: ReadonlySet<number>
}

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN)

/** Checks chosen ids against what exists, adding a problem under the list's name. */
function readChoices(
  ids: readonly string[],
  known: ReadonlySet<number>,
  rules: { name: string; plural: string; max: number },
  problems: FormProblems,
): number[] {
  if (ids.length > rules.max)
    problems[rules.name] = `Choose at most ${rules.max} ${rules.plural}; there are ${ids.length}.`
  const unknown = ids.filter(raw => !known.has(idOf(raw)))
  if (unknown.length)
    problems[rules.name] =
      `Choose ${rules.plural} from the list; ${unknown.map(u => `#${u.slice(0, 12)}`).join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not exist.`
  return [...new Set(ids.map(idOf))]
}

function readMoments(
  rows: readonly MomentRow[],
  documentaryIds: readonly number[],
  problems: FormProblems,
): NewFilmMoment[] {
  if (rows.length > INTERVIEW_LIMITS.moments)
    problems.moments = `There can be at most ${INTERVIEW_LIMITS.moments} film moments; there are ${rows.length}.`
  return rows.map((row, i) => {
    const n = i + 1
    const documentaryId = idOf(row.documentaryId)
    if (!documentaryIds.includes(documentaryId))
      problems[`moments-${i}-film`] = `Film moment ${n}: choose one of the documentaries above (save them first).`
    const time = (raw: string, field: string, label: string) => {
      const value = parseTimecode(raw)
      if (value === undefined)
        problems[`moments-${i}-${field}`] =
          `Film moment ${n}: ${label} must be written as m:ss or h:mm:ss, like “12:05”.`
      return value ?? 0
    }
    const [filmStart, filmEnd] = [
      time(row.filmStart, 'filmStart', 'the film’s start'),
      time(row.filmEnd, 'filmEnd', 'the film’s end'),
    ]
    const [start, end] = [
      time(row.start, 'start', 'the interview’s start'),
      time(row.end, 'end', 'the interview’s end'),
    ]
    if (filmEnd <= filmStart && !problems[`moments-${i}-filmEnd`])
      problems[`moments-${i}-filmEnd`] = `Film moment ${n}: the film’s end must come after its start.`
    if (end <= start && !problems[`moments-${i}-end`])
      problems[`moments-${i}-end`] = `Film moment ${n}: the interview’s end must come after its start.`
    const label = textProblem(`Film moment ${n}: the label`, row.label, INTERVIEW_LIMITS.label)
    if (label) problems[`moments-${i}-label`] = label
    return {
      documentaryId,
      filmStartSeconds: filmStart,
      filmEndSeconds: filmEnd,
      interviewStartSeconds: start,
      interviewEndSeconds: end,
      label: row.label,
    }
  })
}

/** Checks the fields; gives the interview to save or the problems, each under its field's id. */
export function checkInterviewFields(
  fields: InterviewFormFields,
  choices: InterviewChoiceIds,
): { input: InterviewInput } | { problems: FormProblems } {
  const L = INTERVIEW_LIMITS
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', fields.title, L.title, true))
  add('slug', slugProblem(fields.slug))
  const personId = idOf(fields.personId)
  if (!fields.personId)
    add('personId', 'Choose the person interviewed. Add them under People first if they are not on the list.')
  else if (!choices.personIds.has(personId))
    add('personId', 'Choose the person interviewed from the list; that one does not exist.')
  add('personRole', textProblem('Role at the time', fields.personRole, L.personRole))
  const recordedOn = readRecordedOn(fields.recordedOn)
  if ('problem' in recordedOn) add('recordedOn', recordedOn.problem)
  add('place', textProblem('Place', fields.place, L.place))
  add('summary', textProblem('Summary', fields.summary, L.summary))
  const documentaryIds = readChoices(
    fields.documentaryIds,
    choices.documentaryIds,
    { name: 'documentaries', plural: 'documentaries', max: L.documentaries },
    problems,
  )
  const topicIds = readChoices(
    fields.topicIds,
    choices.topicIds,
    { name: 'topics', plural: 'topics', max: L.topics },
    problems,
  )
  const interviewerIds = readChoices(
    fields.interviewerIds,
    choices.personIds,
    { name: 'interviewers', plural: 'interviewers', max: L.interviewers },
    problems,
  )
  const filmMoments = readMoments(fields.moments, documentaryIds, problems)
  if (Object.keys(problems).length || 'problem' in recordedOn) return { problems }
  return {
    input: {
      title: fields.title,
      slug: fields.slug,
      personId,
      personRole: fields.personRole,
      recordedOn: recordedOn.value,
      place: fields.place,
      summary: fields.summary,
      documentaryIds,
      topicIds,
      interviewerIds,
      filmMoments,
    },
  }
}
