// What an editor does with an interview's own record: create it, change its fields and what it is
// filed under, and move it along draft → in review → cleared → published. Each is one runAction
// transaction (the write, its revision, its search entry and its audit row); the pages that show
// the interview drop only after the commit. The transcript, withheld passages and notes are in
// `transcript-actions.ts`, which shares the rules below.
import type { Db } from '../db/index.js'
import { listAllDocumentaries } from '../documentaries/index.js'
import {
  findAccountById,
  hasRole,
  runAction,
  slugTakenError,
  type Account,
  type ActionDeps,
  type Actor,
  type Role,
} from '../newsroom/index.js'
import { findPeopleByIds, findPersonById } from '../people/index.js'
import { DomainError, InvalidInput } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { findTopicsByIds } from '../topics/index.js'
import { reachableInterview } from './access.js'
import { recordRevision } from './revisions.js'
import type { InterviewStatus } from './schema.js'
import { syncInterviewSearch } from './search.js'
import {
  findInterviewById,
  findInterviewBySlug,
  findInterviewLinks,
  insertInterview,
  replaceInterviewLinks,
  setInterviewStatus,
  updateInterviewFields,
  type Interview,
  type InterviewFields,
  type InterviewLinks,
} from './store.js'
import { listFilmMoments, replaceFilmMoments, type NewFilmMoment } from './film-moments.js'
import { interviewUrl } from './urls.js'

/** An interview as an editor saves it: its fields, what it is filed under and, when given, its film moments. */
export interface InterviewInput extends InterviewFields, InterviewLinks {
  filmMoments?: NewFilmMoment[] | undefined
}

/** The cache tags of an interview: its page, the lists, its person's page and each film's page. */
export function interviewTags(
  interview: Pick<Interview, 'id' | 'personId'>,
  documentaryIds: readonly number[],
  ...more: string[]
): string[] {
  return [
    ...new Set([
      `interview:${interview.id}`,
      'list:interviews',
      `person:${interview.personId}`,
      ...documentaryIds.map(d => `documentary:${d}`),
      ...more,
    ]),
  ]
}

/** The actor's account as the accounts table says now (a role changed mid-session counts at once). */
async function accountOf(db: Db, actor: Actor): Promise<Account> {
  const account = await findAccountById(db, actor.accountId)
  if (!account?.active) throw new DomainError('forbidden', 'Your account may not change interviews.')
  return account
}

function refuseBelow(account: Account, needed: Role, what: string): void {
  const { role } = account
  if (!hasRole(role, needed))
    throw new DomainError(
      'forbidden',
      `Only an ${needed === 'author' ? 'author' : needed} or above can ${what}; your account is ${role === 'author' ? 'an author' : `a ${role}`}.`,
    )
}

/** Refuses an actor below `needed`, saying what they tried. */
export async function requireRole(db: Db, actor: Actor, needed: Role, what: string): Promise<void> {
  refuseBelow(await accountOf(db, actor), needed, what)
}

/**
 * The interview an actor may change: one they reach (`access.ts`: someone else's is a 404);
 * authors change drafts and interviews in review; once an interview is cleared (or published)
 * only an editor or admin changes it, so nothing an editor cleared changes behind their back.
 */
export async function editableInterview(
  db: Db,
  actor: Actor,
  id: number,
  what = 'change this interview',
): Promise<Interview> {
  const account = await accountOf(db, actor)
  const interview = await reachableInterview(db, account, id)
  const cleared = interview.status === 'cleared' || interview.status === 'published'
  refuseBelow(account, cleared ? 'editor' : 'author', cleared ? `${what} once it is ${interview.status}` : what)
  return interview
}

/** What every change to an interview writes beside itself: the revision, the search entry, the audit row. */
export async function recordChange(
  db: Db,
  audit: (note: { action: string; subject: string; detail?: Record<string, unknown> | undefined }) => Promise<void>,
  actor: Actor,
  id: number,
  action: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  await recordRevision(db, id, actor.accountId, action)
  await syncInterviewSearch(db, id)
  await audit({ action, subject: `interview:${id}`, detail })
}

/** Refuses links to people, topics or films that do not exist, and film moments that are not spans. */
async function checkReferences(db: Db, input: InterviewInput): Promise<void> {
  const problems: string[] = []
  if (!(await findPersonById(db, input.personId)))
    problems.push(`There is no person #${input.personId} to have been interviewed.`)
  const people = await findPeopleByIds(db, input.interviewerIds)
  for (const id of input.interviewerIds)
    if (!people.has(id)) problems.push(`There is no person #${id} to have been an interviewer.`)
  const topics = await findTopicsByIds(db, input.topicIds)
  for (const id of input.topicIds) if (!topics.has(id)) problems.push(`There is no topic #${id}.`)
  const films = new Set((await listAllDocumentaries(db)).map(d => d.id))
  for (const id of input.documentaryIds) if (!films.has(id)) problems.push(`There is no documentary #${id}.`)
  for (const [i, m] of (input.filmMoments ?? []).entries()) {
    if (!input.documentaryIds.includes(m.documentaryId))
      problems.push(`Film moment ${i + 1}: its documentary must be one the interview was recorded for.`)
    if (!(m.filmStartSeconds >= 0 && m.filmEndSeconds > m.filmStartSeconds))
      problems.push(`Film moment ${i + 1}: the film's span must end after it starts.`)
    if (!(m.interviewStartSeconds >= 0 && m.interviewEndSeconds > m.interviewStartSeconds))
      problems.push(`Film moment ${i + 1}: the interview's span must end after it starts.`)
  }
  if (problems.length) throw new InvalidInput(problems[0] as string, problems)
}

const fieldsOf = (input: InterviewInput): InterviewFields => ({
  slug: input.slug,
  title: input.title,
  personId: input.personId,
  personRole: input.personRole,
  recordedOn: input.recordedOn,
  place: input.place,
  summary: input.summary,
})
const linksOf = (input: InterviewInput): InterviewLinks => ({
  documentaryIds: input.documentaryIds,
  topicIds: input.topicIds,
  interviewerIds: input.interviewerIds,
})

const momentsKey = (moments: readonly NewFilmMoment[]) =>
  JSON.stringify(
    moments.map(m => [
      m.documentaryId,
      m.filmStartSeconds,
      m.filmEndSeconds,
      m.interviewStartSeconds,
      m.interviewEndSeconds,
      m.label,
    ]),
  )

/** Creates a draft interview owned by the actor; a taken slug throws `slugTakenError`, an unknown person or film `InvalidInput`, and nothing is stored. */
export function createInterview(deps: ActionDeps, actor: Actor, input: InterviewInput): Promise<Interview> {
  return runAction(deps, actor, async (trx, audit) => {
    await requireRole(trx, actor, 'author', 'create interviews')
    await checkReferences(trx, input)
    if (await findInterviewBySlug(trx, input.slug)) throw slugTakenError()
    const interview = await insertInterview(trx, fieldsOf(input), actor.accountId)
    await replaceInterviewLinks(trx, interview.id, linksOf(input))
    if (input.filmMoments?.length) await replaceFilmMoments(trx, interview.id, input.filmMoments)
    await recordChange(trx, audit, actor, interview.id, 'interview-created', { slug: interview.slug })
    return { result: interview, tags: interviewTags(interview, input.documentaryIds) }
  })
}

/** Changes an interview's fields and links (and film moments, when given); a published one's old address leads to the new. */
export function updateInterview(deps: ActionDeps, actor: Actor, id: number, input: InterviewInput): Promise<Interview> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await editableInterview(trx, actor, id)
    await checkReferences(trx, input)
    const holder = await findInterviewBySlug(trx, input.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    const links = (await findInterviewLinks(trx, [id])).get(id) as InterviewLinks
    await updateInterviewFields(trx, id, fieldsOf(input))
    await replaceInterviewLinks(trx, id, linksOf(input))
    const momentsBefore = await listFilmMoments(trx, { interviewId: id })
    if (input.filmMoments) await replaceFilmMoments(trx, id, input.filmMoments)
    if (before.status === 'published' && before.slug !== input.slug)
      await recordMovedPath(trx, interviewUrl(before.slug), interviewUrl(input.slug))
    const next = { ...fieldsOf(input), ...linksOf(input) }
    const old = { ...fieldsOf({ ...before, ...links }), ...links }
    const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter(
      k => JSON.stringify(old[k]) !== JSON.stringify(next[k]),
    )
    if (input.filmMoments && momentsKey(momentsBefore) !== momentsKey(input.filmMoments)) changed.push('filmMoments')
    await recordChange(trx, audit, actor, id, 'interview-updated', { changed })
    const saved = (await findInterviewById(trx, id)) as Interview
    return {
      result: saved,
      tags: interviewTags(saved, [...links.documentaryIds, ...input.documentaryIds], `person:${before.personId}`),
    }
  })
}

/** Where each move of the workflow may start, who may make it, and what it is called. */
const MOVES = {
  submit: {
    from: ['draft'],
    to: 'in_review',
    role: 'author',
    action: 'interview-submitted',
    refusal: 'Only a draft can be sent for review',
  },
  clear: {
    from: ['in_review'],
    to: 'cleared',
    role: 'editor',
    action: 'interview-cleared',
    refusal: 'Only an interview in review can be cleared; send it for review first',
  },
  publish: {
    from: ['cleared'],
    to: 'published',
    role: 'editor',
    action: 'interview-published',
    refusal: 'An interview must be cleared by an editor before it is published',
  },
  unpublish: {
    from: ['published'],
    to: 'cleared',
    role: 'editor',
    action: 'interview-unpublished',
    refusal: 'Only a published interview can be taken off the site',
  },
  // An editor who finds more work to do sends it back; its clearance is dropped, so it must be cleared again.
  return: {
    from: ['in_review', 'cleared'],
    to: 'draft',
    role: 'editor',
    action: 'interview-returned-to-draft',
    refusal:
      'Only an interview in review or cleared can be sent back to draft (take a published one off the site first)',
  },
} as const satisfies Record<
  string,
  { from: readonly InterviewStatus[]; to: InterviewStatus; role: Role; action: string; refusal: string }
>

type Move = keyof typeof MOVES

const VERBS: Record<Move, string> = {
  submit: 'send interviews for review',
  clear: 'clear interviews',
  publish: 'publish interviews',
  unpublish: 'take interviews off the site',
  return: 'send interviews back to draft',
}

function moveInterview(deps: ActionDeps, actor: Actor, id: number, move: Move): Promise<Interview> {
  const rule = MOVES[move]
  return runAction(deps, actor, async (trx, audit) => {
    const account = await accountOf(trx, actor)
    const interview = await reachableInterview(trx, account, id)
    refuseBelow(account, rule.role, VERBS[move])
    if (!(rule.from as readonly InterviewStatus[]).includes(interview.status))
      throw new InvalidInput(`${rule.refusal}; this one is ${interview.status.replace('_', ' ')}.`)
    // Taking it off the site keeps who cleared it: it stays cleared, ready to publish again.
    await setInterviewStatus(trx, id, rule.to, {
      accountId: move === 'unpublish' ? interview.clearedBy : actor.accountId,
    })
    await recordChange(trx, audit, actor, id, rule.action, { from: interview.status, to: rule.to })
    const saved = (await findInterviewById(trx, id)) as Interview
    const links = (await findInterviewLinks(trx, [id])).get(id)
    return { result: saved, tags: interviewTags(saved, links?.documentaryIds ?? []) }
  })
}

/** Sends a draft for an editor's review (author or above). */
export const submitInterviewForReview = (deps: ActionDeps, actor: Actor, id: number) =>
  moveInterview(deps, actor, id, 'submit')
/** Clears an interview in review for publishing: an editor or admin only; the audit log and the row record who. */
export const clearInterview = (deps: ActionDeps, actor: Actor, id: number) => moveInterview(deps, actor, id, 'clear')
/** Publishes a cleared interview (editor or above); anything not cleared is refused. */
export const publishInterview = (deps: ActionDeps, actor: Actor, id: number) =>
  moveInterview(deps, actor, id, 'publish')
/** Sends an interview in review or cleared back to draft (editor or above); its clearance is dropped. */
export const returnInterviewToDraft = (deps: ActionDeps, actor: Actor, id: number) =>
  moveInterview(deps, actor, id, 'return')
/** Takes a published interview off the site; it stays cleared. */
export const unpublishInterview = (deps: ActionDeps, actor: Actor, id: number) =>
  moveInterview(deps, actor, id, 'unpublish')
