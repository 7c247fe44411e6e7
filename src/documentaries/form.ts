// Reading the newsroom's documentary form: runtime and release date typed as text, topics and
// funders as rows of choices, credits as rows of role and name; each problem said in a sentence.
import type { Db } from '../db/index.js'
import { parseTimecode } from '../excerpts/index.js'
import { formText, readImageChoice, slugProblem, textProblem, type FormProblems } from '../newsroom/index.js'
import { DOCUMENTARY_STATUSES, type DocumentaryStatus } from './schema.js'
import type { Credit, Documentary, NewDocumentary } from './store.js'

/** A documentary form's fields as typed (chosen topics and funders as the ids posted, in order). */
export interface DocumentaryFields {
  title: string
  slug: string
  dek: string
  synopsis: string
  runtime: string
  releaseDate: string
  posterId: string
  status: string
  /** Featured at the top of /documentaries. */
  featured: boolean
  topicIds: string[]
  funderIds: string[]
  credits: Credit[]
}

export const DOCUMENTARY_LIMITS = {
  title: 200,
  dek: 300,
  synopsis: 10_000,
  topics: 10,
  funders: 20,
  credits: 60,
  role: 100,
  name: 200,
}
const MAX_RUNTIME_SECONDS = 24 * 3600

/** The form as posted: every field text, repeated fields as lists. */
export interface DocumentaryBody {
  title?: string
  slug?: string
  dek?: string
  synopsis?: string
  runtime?: string
  releaseDate?: string
  posterId?: string
  status?: string
  featured?: string
  topics?: string[]
  funders?: string[]
  creditRole?: string[]
  creditName?: string[]
}

/** The fields as typed, for checking and showing again; empty choices and empty credit rows are dropped. */
export function readDocumentaryFields(body: DocumentaryBody): DocumentaryFields {
  const chosen = (values: readonly string[] = []) => values.map(formText).filter(Boolean)
  const roles = body.creditRole ?? []
  const names = body.creditName ?? []
  const credits = Array.from({ length: Math.max(roles.length, names.length) }, (_, i) => ({
    role: formText(roles[i]),
    name: formText(names[i]),
  }))
  return {
    title: formText(body.title),
    slug: formText(body.slug),
    dek: formText(body.dek),
    synopsis: formText(body.synopsis),
    runtime: formText(body.runtime),
    releaseDate: formText(body.releaseDate),
    posterId: formText(body.posterId),
    status: formText(body.status),
    featured: body.featured === '1',
    topicIds: chosen(body.topics),
    funderIds: chosen(body.funders),
    credits: credits.filter(c => c.role || c.name),
  }
}

/** Seconds as h:mm:ss, the way the runtime field shows them (never m:ss, which would read as h:mm). */
export function runtimeText(seconds: number): string {
  const total = Math.round(seconds)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
}

/** The fields of a stored documentary, as the form shows them. */
export function documentaryFieldsOf(
  film: Documentary,
  topicIds: readonly number[],
  funderIds: readonly number[],
): DocumentaryFields {
  return {
    title: film.title,
    slug: film.slug,
    dek: film.dek,
    synopsis: film.synopsis,
    runtime: runtimeText(film.runtimeSeconds),
    releaseDate: film.releaseDate,
    posterId: film.posterId ? String(film.posterId) : '',
    status: film.status,
    featured: film.featuredAt !== null,
    topicIds: topicIds.map(String),
    funderIds: funderIds.map(String),
    credits: film.credits.map(c => ({ ...c })),
  }
}

/** Reads a runtime typed as minutes (“114”) or h:mm:ss (“1:54:00”). */
export function readRuntime(raw: string): { value: number } | { problem: string } {
  const how = 'Write it as minutes, like “114”, or as hours:minutes:seconds, like “1:54:00”.'
  if (!raw) return { problem: `Runtime cannot be empty. ${how}` }
  const seconds = /^\d{1,4}$/.test(raw)
    ? Number(raw) * 60
    : raw.split(':').length === 3
      ? parseTimecode(raw)
      : undefined
  if (seconds === undefined)
    return { problem: `Runtime “${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}” is not a length of time. ${how}` }
  if (seconds === 0) return { problem: 'Runtime must be longer than zero.' }
  if (seconds > MAX_RUNTIME_SECONDS) return { problem: 'Runtime is limited to 24 hours.' }
  return { value: seconds }
}

/** Reads a release date typed as YYYY-MM-DD that is on the calendar. */
export function readReleaseDate(raw: string): { value: string } | { problem: string } {
  if (!raw) return { problem: 'Release date cannot be empty: write it as YYYY-MM-DD, like “2026-01-15”.' }
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
  if (!parts) return { problem: 'Release date must be written as YYYY-MM-DD, like “2026-01-15”.' }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: `Release date ${raw} is not a day on the calendar.` }
  }
  if (year < 1870 || year > 2100) return { problem: 'Release date must be a year from 1870 to 2100.' }
  return { value: raw }
}

/** Checks chosen ids (topics or funders) against what exists, adding problems under `<name>-<row>`. */
function readChoices(
  ids: readonly string[],
  known: ReadonlySet<number>,
  rules: { name: string; label: string; max: number },
  problems: FormProblems,
): number[] {
  if (ids.length > rules.max)
    problems[rules.name] = `Choose at most ${rules.max} ${rules.label.toLowerCase()}s; there are ${ids.length}.`
  const seen: number[] = []
  ids.forEach((raw, i) => {
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
    const field = `${rules.name}-${i}`
    if (!known.has(id)) problems[field] = `${rules.label} ${i + 1}: choose one from the list; that one does not exist.`
    else if (seen.includes(id))
      problems[field] =
        `${rules.label} ${i + 1} is already chosen as ${rules.label.toLowerCase()} ${seen.indexOf(id) + 1}.`
    seen.push(id)
  })
  return seen
}

function checkCredits(credits: readonly Credit[], problems: FormProblems): void {
  const max = DOCUMENTARY_LIMITS.credits
  if (credits.length > max) problems.credits = `There can be at most ${max} credits; there are ${credits.length}.`
  credits.forEach((c, i) => {
    const role = textProblem(`Credit ${i + 1}: the role`, c.role, DOCUMENTARY_LIMITS.role, true)
    const name = textProblem(`Credit ${i + 1}: the name`, c.name, DOCUMENTARY_LIMITS.name, true)
    if (role) problems[`credits-${i}-role`] = role
    if (name) problems[`credits-${i}-name`] = name
  })
}

/** What the checks compare against: the topics and funders that exist, and the latest excerpt end. */
export interface DocumentaryChoices {
  topicIds: ReadonlySet<number>
  funderIds: ReadonlySet<number>
  /** The film's excerpt that ends last, if any: the runtime may not cut it off. */
  lastExcerpt?: { title: string; endSeconds: number } | undefined
}

/** Checks the fields; gives the documentary to save (its publication time set by the caller) or the problems. */
export async function checkDocumentaryFields(
  db: Db,
  fields: DocumentaryFields,
  choices: DocumentaryChoices,
): Promise<{ documentary: Omit<NewDocumentary, 'publishedAt'> & { featured: boolean } } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', fields.title, DOCUMENTARY_LIMITS.title, true))
  add('slug', slugProblem(fields.slug))
  add('dek', textProblem('Dek', fields.dek, DOCUMENTARY_LIMITS.dek))
  add('synopsis', textProblem('Synopsis', fields.synopsis, DOCUMENTARY_LIMITS.synopsis))
  const runtime = readRuntime(fields.runtime)
  if ('problem' in runtime) add('runtime', runtime.problem)
  else if (choices.lastExcerpt && runtime.value < choices.lastExcerpt.endSeconds) {
    add(
      'runtime',
      `Runtime ${runtimeText(runtime.value)} would cut off the excerpt “${choices.lastExcerpt.title}”, which ends at ${runtimeText(choices.lastExcerpt.endSeconds)}.`,
    )
  }
  const releaseDate = readReleaseDate(fields.releaseDate)
  if ('problem' in releaseDate) add('releaseDate', releaseDate.problem)
  const poster = await readImageChoice(db, fields.posterId)
  if ('problem' in poster) add('posterId', poster.problem)
  const status = (DOCUMENTARY_STATUSES as readonly string[]).includes(fields.status)
    ? (fields.status as DocumentaryStatus)
    : undefined
  if (!status) add('status', 'Status: choose draft or published.')
  const topicIds = readChoices(
    fields.topicIds,
    choices.topicIds,
    { name: 'topics', label: 'Topic', max: DOCUMENTARY_LIMITS.topics },
    problems,
  )
  const funderIds = readChoices(
    fields.funderIds,
    choices.funderIds,
    { name: 'funders', label: 'Funder', max: DOCUMENTARY_LIMITS.funders },
    problems,
  )
  checkCredits(fields.credits, problems)
  if (
    Object.keys(problems).length ||
    'problem' in runtime ||
    'problem' in releaseDate ||
    'problem' in poster ||
    !status
  )
    return { problems }
  return {
    documentary: {
      title: fields.title,
      slug: fields.slug,
      dek: fields.dek,
      synopsis: fields.synopsis,
      runtimeSeconds: runtime.value,
      releaseDate: releaseDate.value,
      posterId: poster.value,
      status,
      featured: fields.featured,
      topicIds,
      funderIds,
      credits: fields.credits,
    },
  }
}
