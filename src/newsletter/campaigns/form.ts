// Reading the campaign form (a browser's post) into a draft, with every value checked and each
// problem said in words at its field; and the checks a send must pass. Nothing here writes.
import { Type, type Static } from '@sinclair/typebox'
import type { Db } from '../../db/index.js'
import { bodyToPlainText, bodyReferences, validateBody, type BodyDocument } from '../../body/index.js'
import { findPublishedDocumentariesByIds } from '../../documentaries/index.js'
import { formText, textProblem, type FormProblems, textField } from '../../newsroom/index.js'
import { findPublishedStoriesByIds } from '../../stories/index.js'
import { findMissingBodyReferences } from '../../site/index.js'
import { wallTimeToIso } from '../../platform/time.js'
import { findListById } from '../lists.js'
import { CAMPAIGN_TEMPLATES, type CampaignTemplate } from '../schema.js'
import { campaignStories } from './content.js'
import type { Campaign, CampaignDraft } from './store.js'

/** Limits of a campaign's fields. */
export const CAMPAIGN_LIMITS = { subject: 200, preheader: 200, stories: 20, documentaries: 10 }
/** Field ids: each problem is keyed by the id of the field at fault (the error summary links to it). */
export const FIELD = {
  list: 'list',
  subject: 'subject',
  preheader: 'preheader',
  template: 'template',
  intro: 'campaign-intro',
  stories: 'stories-0',
  documentaries: 'documentaries-0',
} as const

const Ids = Type.Optional(
  Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 100 })]),
)

/** The form as posted. */
export const CampaignFormBody = Type.Object({
  _csrf: textField(200),
  /** The version the form was opened at; absent for a new campaign. */
  version: Type.Optional(Type.String({ maxLength: 12 })),
  list: textField(20),
  subject: textField(2000),
  preheader: textField(2000),
  template: textField(40),
  // Above the body's own limit (200 kB), so the validator explains an oversized intro.
  intro: textField(400_000),
  stories: Ids,
  documentaries: Ids,
})
export type CampaignFormBody = Static<typeof CampaignFormBody>

/** What the form shows: the stored campaign, or what was typed when a save was refused. */
export interface CampaignFormValues {
  listId: number | null
  subject: string
  preheader: string
  template: string
  introJson: string
  storyIds: number[]
  documentaryIds: number[]
  /** 0 for a campaign not saved yet. */
  version: number
}

/** The form's values for a stored campaign. */
export function valuesOf(campaign: Campaign): CampaignFormValues {
  return {
    listId: campaign.listId,
    subject: campaign.subject,
    preheader: campaign.preheader,
    template: campaign.template,
    introJson: JSON.stringify(campaign.intro, null, 2),
    storyIds: campaign.storyIds,
    documentaryIds: campaign.documentaryIds,
    version: campaign.version,
  }
}

/** The ids picked in repeated selects, in order: empty rows dropped, repeats kept once; anything else is `bad`. */
function readIds(value: string | string[] | undefined): { ids: number[]; bad: string[] } {
  const rows = (value === undefined ? [] : [value].flat()).map(v => v.trim()).filter(v => v !== '')
  const bad = rows.filter(v => !/^[1-9]\d{0,8}$/.test(v))
  return { ids: [...new Set(rows.filter(v => !bad.includes(v)).map(Number))], bad }
}

/** What was typed, as the form shows it again. */
export function formValues(body: CampaignFormBody): CampaignFormValues {
  const list = formText(body.list)
  return {
    listId: /^[1-9]\d{0,8}$/.test(list) ? Number(list) : null,
    subject: body.subject ?? '',
    preheader: body.preheader ?? '',
    template: formText(body.template) || 'standard',
    introJson: body.intro ?? '',
    storyIds: readIds(body.stories).ids,
    documentaryIds: readIds(body.documentaries).ids,
    version: /^\d{1,9}$/.test(body.version ?? '') ? Number(body.version) : 0,
  }
}

/** A one-line field's problem: required or not, its limit, and no line breaks. */
function lineProblem(label: string, value: string, max: number, required: boolean): string | undefined {
  if (value.includes('\n')) return `${label} must be one line; remove the line breaks.`
  return textProblem(label, value, max, required)
}

/** Each id of `ids` that is not in `found`, as a sentence; undefined when all are there. */
function missingProblem(ids: number[], found: ReadonlyMap<number, unknown>, what: string): string | undefined {
  const missing = ids.filter(id => !found.has(id))
  if (missing.length === 0) return undefined
  return `${missing.length === 1 ? `The ${what} #${missing[0]} is` : `The ${what}s ${missing.map(id => `#${id}`).join(', ')} are`} not published (or no longer exist). Choose from the list.`
}

/** The checked draft and the version it was opened at, or the problems (the intro's one by one). */
export type CheckedCampaign =
  | { draft: CampaignDraft; version: number }
  | { problems: FormProblems; introProblems: string[] }

/** Reads and checks the form against the database: the list exists, every story and film is published. */
export async function readCampaignForm(db: Db, body: CampaignFormBody): Promise<CheckedCampaign> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  const values = formValues(body)
  const subject = formText(body.subject)
  const preheader = formText(body.preheader)
  add(FIELD.subject, lineProblem('Subject', subject, CAMPAIGN_LIMITS.subject, true))
  add(FIELD.preheader, lineProblem('Preheader', preheader, CAMPAIGN_LIMITS.preheader, false))
  if (!(CAMPAIGN_TEMPLATES as readonly string[]).includes(values.template))
    add(FIELD.template, 'Choose a template from the list.')

  const stories = readIds(body.stories)
  const films = readIds(body.documentaries)
  if (stories.bad.length) add(FIELD.stories, 'Choose stories from the lists.')
  else if (stories.ids.length > CAMPAIGN_LIMITS.stories)
    add(
      FIELD.stories,
      `A campaign can show at most ${CAMPAIGN_LIMITS.stories} stories; this one has ${stories.ids.length}.`,
    )
  if (films.bad.length) add(FIELD.documentaries, 'Choose documentaries from the lists.')
  else if (films.ids.length > CAMPAIGN_LIMITS.documentaries)
    add(
      FIELD.documentaries,
      `A campaign can show at most ${CAMPAIGN_LIMITS.documentaries} documentaries; this one has ${films.ids.length}.`,
    )

  const [list, foundStories, foundFilms] = await Promise.all([
    values.listId === null ? undefined : findListById(db, values.listId),
    findPublishedStoriesByIds(db, stories.ids.slice(0, CAMPAIGN_LIMITS.stories)),
    findPublishedDocumentariesByIds(db, films.ids.slice(0, CAMPAIGN_LIMITS.documentaries)),
  ])
  if (!list)
    add(
      FIELD.list,
      formText(body.list)
        ? 'That newsletter does not exist (any more). Choose one from the list.'
        : 'Choose the newsletter this campaign goes to.',
    )
  if (!problems[FIELD.stories]) add(FIELD.stories, missingProblem(stories.ids, foundStories, 'story'))
  if (!problems[FIELD.documentaries]) add(FIELD.documentaries, missingProblem(films.ids, foundFilms, 'documentary'))

  const intro =
    values.introJson.trim() === ''
      ? { ok: true as const, doc: { type: 'doc' as const, content: [] } }
      : validateBody(values.introJson)
  if (!intro.ok)
    add(
      FIELD.intro,
      intro.errors.length === 1
        ? 'The intro has a problem, shown under “Intro”.'
        : `The intro has ${intro.errors.length} problems, listed under “Intro”.`,
    )

  // An intro that embeds an image, excerpt or film that does not exist is named block by block.
  const missing = intro.ok ? await findMissingBodyReferences(db, intro.doc) : []
  if (missing.length) add(FIELD.intro, 'The intro embeds something that does not exist, listed under “Intro”.')
  if (!intro.ok || Object.keys(problems).length || !list)
    return { problems, introProblems: intro.ok ? missing : intro.errors }
  return {
    version: values.version,
    draft: {
      listId: list.id,
      subject,
      preheader,
      template: values.template as CampaignTemplate,
      intro: intro.doc,
      storyIds: stories.ids,
      documentaryIds: films.ids,
    },
  }
}

/** Whether an intro says or shows anything: text, or a picture or card. */
export function introHasContent(intro: BodyDocument): boolean {
  const refs = bodyReferences(intro)
  return (
    bodyToPlainText(intro).trim() !== '' ||
    refs.imageIds.length + refs.excerptIds.length + refs.documentaryIds.length > 0
  )
}

/** Why a campaign cannot be sent as it stands, in words; empty when it can. */
export function sendProblems(
  campaign: Pick<Campaign, 'subject' | 'template' | 'intro' | 'storyIds' | 'documentaryIds'>,
): string[] {
  const problems: string[] = []
  if (campaign.subject.trim() === '') problems.push('The subject is empty. Write one and save.')
  const hasContent =
    introHasContent(campaign.intro) ||
    campaign.storyIds.length > 0 ||
    campaign.documentaryIds.length > 0 ||
    campaign.template === 'digest'
  if (!hasContent)
    problems.push(
      'The campaign has nothing in it: write an intro, choose stories or documentaries (or use the weekly digest template), and save.',
    )
  return problems
}

/** Why a send now (`now`) or a schedule would go out empty; a digest is checked against this week's stories. */
export async function readinessProblems(db: Db, campaign: Campaign, now: boolean): Promise<string[]> {
  const problems = sendProblems(campaign)
  const onlyTheWeek =
    campaign.template === 'digest' &&
    campaign.storyIds.length === 0 &&
    campaign.documentaryIds.length === 0 &&
    !introHasContent(campaign.intro)
  if (now && problems.length === 0 && onlyTheWeek && (await campaignStories(db, campaign)).length === 0) {
    problems.push(
      'The weekly digest has no stories from the last seven days to show, and nothing else is in it. Write an intro or choose stories.',
    )
  }
  return problems
}

/** The furthest ahead a send can be scheduled. */
const SCHEDULE_MAX_DAYS = 366

/** Reads the time to send at (a datetime-local value in the site's time zone): a future instant, or the problem. */
export function readSendTime(
  raw: string | undefined,
  timeZone: string,
  now = new Date(),
): { at: string } | { problem: string } {
  const local = (raw ?? '').trim()
  if (local === '') return { problem: 'Choose the date and time to send at.' }
  const at = wallTimeToIso(local, timeZone)
  if (!at)
    return {
      problem: `“${local.slice(0, 40)}” is not a date and time. Use the date picker, or write it like 2026-05-04T08:00.`,
    }
  if (Date.parse(at) <= now.getTime())
    return { problem: 'That time has passed. Choose a time in the future, or use “Send now”.' }
  if (Date.parse(at) > now.getTime() + SCHEDULE_MAX_DAYS * 86_400_000)
    return { problem: 'That is more than a year ahead. Choose a nearer time.' }
  return { at }
}
