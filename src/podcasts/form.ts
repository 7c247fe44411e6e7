// Reading and checking the newsroom's show and episode forms: every field as typed comes back
// with the problem found at it, so the form can show each one where it belongs.
import type { Db } from '../db/index.js'
import { validateBody } from '../body/index.js'
import { isoToWallTime, wallTimeToIso } from '../platform/time.js'
import { findImagesByIds, type Image } from '../media/index.js'
import { formText, readImageChoice, slugProblem, textProblem, type FormProblems } from '../newsroom/index.js'
import { categoryProblem } from './categories.js'
import {
  EPISODE_STATUSES,
  EPISODE_TYPES,
  SHOW_TYPES,
  type EpisodeStatus,
  type EpisodeType,
  type ShowType,
} from './schema.js'
import type { Show, ShowFields } from './show-store.js'
import type { Episode, EpisodeFields } from './store.js'

/** The longest text each field takes. */
export const PODCAST_LIMITS = {
  title: 200,
  description: 4000,
  summary: 1000,
  name: 200,
  email: 254,
  copyright: 300,
  language: 20,
}

/** The id of the show notes' textarea, which the body editor island takes over. */
export const SHOW_NOTES_FIELD_ID = 'show-notes'

/** A show form as typed. */
export interface ShowForm {
  title: string
  slug: string
  description: string
  artworkId: string
  /** `Category` or `Category|Subcategory`. */
  category: string
  explicit: boolean
  ownerName: string
  ownerEmail: string
  author: string
  language: string
  showType: string
  copyright: string
}

/** An episode form as typed; the show notes as body-document JSON. */
export interface EpisodeForm {
  title: string
  slug: string
  number: string
  season: string
  episodeType: string
  status: string
  publishedAt: string
  summary: string
  showNotes: string
}

type Raw = Record<string, string | string[] | undefined>
const one = (raw: Raw, key: string) => formText(typeof raw[key] === 'string' ? (raw[key] as string) : undefined)

/** Reads a posted show form. */
export function readShowForm(raw: Raw): ShowForm {
  return {
    title: one(raw, 'title'),
    slug: one(raw, 'slug'),
    description: one(raw, 'description'),
    artworkId: one(raw, 'artworkId'),
    category: one(raw, 'category'),
    explicit: one(raw, 'explicit') === '1',
    ownerName: one(raw, 'ownerName'),
    ownerEmail: one(raw, 'ownerEmail'),
    author: one(raw, 'author'),
    language: one(raw, 'language'),
    showType: one(raw, 'showType'),
    copyright: one(raw, 'copyright'),
  }
}

/** A stored show as its form shows it. */
export function showFormOf(show: Show): ShowForm {
  return {
    title: show.title,
    slug: show.slug,
    description: show.description,
    artworkId: show.artworkId ? String(show.artworkId) : '',
    category: show.subcategory ? `${show.category}|${show.subcategory}` : show.category,
    explicit: show.explicit,
    ownerName: show.ownerName,
    ownerEmail: show.ownerEmail,
    author: show.author,
    language: show.language,
    showType: show.showType,
    copyright: show.copyright,
  }
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** Show artwork as Apple Podcasts takes it (and so most apps): JPEG or PNG, square, 1400 to 3000 pixels a side. */
export const ARTWORK_RULES = { minSide: 1400, maxSide: 3000, types: ['image/jpeg', 'image/png'] } as const

/** Why a picture cannot be a show's artwork, or undefined when it can. The feed links the stored original. */
export function artworkProblem(image: Pick<Image, 'width' | 'height' | 'contentType'> | undefined): string | undefined {
  if (!image) return undefined
  const { minSide, maxSide, types } = ARTWORK_RULES
  const problems: string[] = []
  if (!(types as readonly string[]).includes(image.contentType)) problems.push('a JPEG or PNG file')
  if (image.width !== image.height) problems.push(`square (this one is ${image.width} × ${image.height})`)
  else if (image.width < minSide || image.width > maxSide)
    problems.push(`${minSide} to ${maxSide} pixels a side (this one is ${image.width})`)
  return problems.length
    ? `Podcast apps take artwork that is ${problems.join(' and ')}: choose another picture.`
    : undefined
}

/** Checks a show form against the rules and Apple's categories. */
export async function checkShowForm(
  db: Db,
  form: ShowForm,
): Promise<{ show: ShowFields } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', form.title, PODCAST_LIMITS.title, true))
  add('slug', slugProblem(form.slug))
  add('description', textProblem('Description', form.description, PODCAST_LIMITS.description, true))
  const [category = '', subcategory = ''] = form.category.split('|')
  add('category', categoryProblem(category, subcategory || null))
  add('ownerName', textProblem('Owner name', form.ownerName, PODCAST_LIMITS.name, true))
  if (!EMAIL.test(form.ownerEmail) || form.ownerEmail.length > PODCAST_LIMITS.email)
    add(
      'ownerEmail',
      'Owner email must be an email address, like “podcasts@example.org”: Apple writes to it to confirm the show.',
    )
  add('author', textProblem('Author', form.author, PODCAST_LIMITS.name, true))
  if (!LANGUAGE.test(form.language) || form.language.length > PODCAST_LIMITS.language)
    add('language', 'Language must be a language tag, like “en” or “pt-BR”.')
  const showType = SHOW_TYPES.find(t => t === form.showType)
  if (!showType) add('showType', 'Choose episodic or serial.')
  add('copyright', textProblem('Copyright', form.copyright, PODCAST_LIMITS.copyright))
  const artwork = await readImageChoice(db, form.artworkId)
  if ('problem' in artwork) add('artworkId', artwork.problem)
  else if (artwork.value !== null)
    add('artworkId', artworkProblem((await findImagesByIds(db, [artwork.value])).get(artwork.value)))
  if (Object.keys(problems).length || 'problem' in artwork || !showType) return { problems }
  return {
    show: {
      slug: form.slug,
      title: form.title,
      description: form.description,
      artworkId: artwork.value,
      category,
      subcategory: subcategory || null,
      explicit: form.explicit,
      ownerName: form.ownerName,
      ownerEmail: form.ownerEmail,
      author: form.author,
      language: form.language,
      showType: showType as ShowType,
      copyright: form.copyright,
    },
  }
}

/** Reads a posted episode form. */
export function readEpisodeForm(raw: Raw): EpisodeForm {
  return {
    title: one(raw, 'title'),
    slug: one(raw, 'slug'),
    number: one(raw, 'number'),
    season: one(raw, 'season'),
    episodeType: one(raw, 'episodeType'),
    status: one(raw, 'status'),
    publishedAt: one(raw, 'publishedAt'),
    summary: one(raw, 'summary'),
    showNotes: one(raw, 'showNotes'),
  }
}

/** A stored episode as its form shows it, its date in the newsroom's time zone. */
export function episodeFormOf(episode: Episode, timeZone: string): EpisodeForm {
  return {
    title: episode.title,
    slug: episode.slug,
    number: episode.number === null ? '' : String(episode.number),
    season: episode.season === null ? '' : String(episode.season),
    episodeType: episode.episodeType,
    status: episode.status,
    publishedAt: episode.publishedAt ? isoToWallTime(episode.publishedAt, timeZone) : '',
    summary: episode.summary,
    showNotes: JSON.stringify(episode.showNotes, null, 2),
  }
}

/** A whole number from 1 to 99,999, or empty for none. */
function readCount(label: string, raw: string): { value: number | null } | { problem: string } {
  if (raw === '') return { value: null }
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1)
    return { problem: `${label} must be a whole number from 1 to 99999, or empty.` }
  return { value: Number(raw) }
}

/** A publication time typed as `YYYY-MM-DD` (noon) or `YYYY-MM-DDTHH:MM`, on the newsroom's clock. */
function readPublishedAt(raw: string, timeZone: string): { value: string | null } | { problem: string } {
  if (raw === '') return { value: null }
  const local = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T12:00` : raw.replace(' ', 'T')
  const iso = wallTimeToIso(local, timeZone)
  if (!iso)
    return {
      problem: `Publication date must be a real day, like “2026-03-14”, optionally with a time (${timeZone}), like “2026-03-14T09:30”.`,
    }
  return { value: iso }
}

/** The date's problem for the chosen status: published is now or earlier; scheduled needs a future date. */
function whenProblem(status: EpisodeStatus, publishedAt: string | null, now: Date): string | undefined {
  const at = publishedAt ? Date.parse(publishedAt) : undefined
  // A few minutes of slack: the form's time has no seconds, and clocks differ.
  if (status === 'published' && at !== undefined && at > now.getTime() + 5 * 60_000)
    return 'A published episode’s date cannot be in the future: choose Scheduled to publish it then, or leave the date empty to publish now.'
  if (status === 'scheduled' && (at === undefined || at <= now.getTime()))
    return 'A scheduled episode needs a publication date in the future, like “2026-03-14T09:30”.'
  return undefined
}

/**
 * Checks an episode form, reading its date on the newsroom's clock (`timeZone`); the show notes'
 * problems come back one by one, as the body validator words them.
 */
export function checkEpisodeForm(
  form: EpisodeForm,
  before: Episode | undefined,
  timeZone: string,
  now = new Date(),
): { episode: EpisodeFields } | { problems: FormProblems; notesProblems: string[] } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', form.title, PODCAST_LIMITS.title, true))
  add('slug', slugProblem(form.slug))
  add('summary', textProblem('Summary', form.summary, PODCAST_LIMITS.summary))
  const number = readCount('Episode number', form.number)
  const season = readCount('Season', form.season)
  if ('problem' in number) add('number', number.problem)
  if ('problem' in season) add('season', season.problem)
  const episodeType = EPISODE_TYPES.find(t => t === form.episodeType)
  if (!episodeType) add('episodeType', 'Choose full, trailer or bonus.')
  const status = EPISODE_STATUSES.find(s => s === form.status)
  if (!status) add('status', 'Choose draft, scheduled or published.')
  const publishedAt = readPublishedAt(form.publishedAt, timeZone)
  if ('problem' in publishedAt) add('publishedAt', publishedAt.problem)
  else if (status) add('publishedAt', whenProblem(status, publishedAt.value, now))
  const notes = validateBody(form.showNotes || '{"type":"doc","content":[]}')
  if (!notes.ok)
    add(
      SHOW_NOTES_FIELD_ID,
      notes.errors.length === 1
        ? 'The show notes have a problem, shown under “Show notes”.'
        : `The show notes have ${notes.errors.length} problems, listed under “Show notes”.`,
    )
  if (
    Object.keys(problems).length ||
    !notes.ok ||
    'problem' in number ||
    'problem' in season ||
    'problem' in publishedAt ||
    !episodeType ||
    !status
  ) {
    return { problems, notesProblems: notes.ok ? [] : notes.errors }
  }
  // Publishing keeps the first publication time unless one is typed; a draft keeps what it had.
  const when =
    publishedAt.value ??
    (status === 'published' ? (before?.publishedAt ?? now.toISOString()) : (before?.publishedAt ?? null))
  return {
    episode: {
      slug: form.slug,
      title: form.title,
      number: number.value,
      season: season.value,
      episodeType: episodeType as EpisodeType,
      status: status as EpisodeStatus,
      publishedAt: when,
      summary: form.summary,
      showNotes: notes.doc,
    },
  }
}
