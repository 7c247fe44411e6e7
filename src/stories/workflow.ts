// The rules of the story workflow: who may edit which story, which status changes each
// role may make, what a change writes (revisions, scheduled jobs, audit), and the scheduled-publishing job.
import type { Db } from '../db/index.js'
import { DomainError } from '../platform/errors.js'
import type { ContentEvents } from '../platform/events.js'
import { cancelJob, enqueueJob } from '../platform/jobs/index.js'
import { nowIso } from '../platform/time.js'
import { hasRole, insertAudit, type Account, type AuditNote } from '../newsroom/index.js'
import { findStoryForEditing, insertRevision, type EditableStory } from './draft-store.js'
import { changeStatus } from './transition-store.js'

/** A status change a person can ask for. */
export type StoryAction = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'to-draft'

export const PUBLISH_JOB = 'publish-story'

/** Whether the account wrote or owns the story. */
export function isOwn(account: Account, story: Pick<EditableStory, 'ownerAccountId' | 'authorIds'>): boolean {
  return (
    story.ownerAccountId === account.id || (account.personId !== null && story.authorIds.includes(account.personId))
  )
}

/** Contributors edit their own drafts; authors their own stories; editors and admins everything. */
export function canEdit(
  account: Account,
  story: Pick<EditableStory, 'ownerAccountId' | 'authorIds' | 'status'>,
): boolean {
  if (hasRole(account.role, 'editor')) return true
  if (!isOwn(account, story)) return false
  return account.role === 'author' || story.status === 'draft'
}

/** The status changes this account may make to this story now. */
export function allowedActions(
  account: Account,
  story: Pick<EditableStory, 'ownerAccountId' | 'authorIds' | 'status'>,
): StoryAction[] {
  const editor = hasRole(account.role, 'editor')
  const own = isOwn(account, story)
  const publisher = editor || (account.role === 'author' && own)
  const actions: StoryAction[] = []
  if (story.status === 'draft' && (own || editor)) actions.push('submit')
  if (publisher && ['draft', 'in_review', 'unpublished', 'scheduled'].includes(story.status)) actions.push('publish')
  if (editor && ['draft', 'in_review', 'unpublished', 'scheduled'].includes(story.status)) actions.push('schedule')
  if (editor && story.status === 'published') actions.push('unpublish')
  if (
    (editor || (own && story.status === 'in_review')) &&
    ['in_review', 'scheduled', 'unpublished'].includes(story.status)
  )
    actions.push('to-draft')
  return actions
}

/** The cache tags a change of this story's public state must purge. */
export function storyTags(story: Pick<EditableStory, 'id' | 'authorIds' | 'topicIds'>): string[] {
  return [
    `story:${story.id}`,
    'list:stories',
    ...story.authorIds.map(id => `person:${id}`),
    ...story.topicIds.map(id => `topic:${id}`),
  ]
}

/** Why a move is refused before anything is written, or undefined when it may go ahead. */
export function moveProblem(
  account: Account,
  story: Pick<EditableStory, 'ownerAccountId' | 'authorIds' | 'status' | 'title'>,
  action: StoryAction,
  options: { scheduledFor?: string | undefined } = {},
): DomainError | undefined {
  if (!allowedActions(account, story).includes(action))
    return new DomainError('forbidden', `Your role cannot ${ACTION_WORDS[action]} this story.`)
  if (NEEDS_HEADLINE.includes(action) && story.title.trim() === '')
    return new DomainError(
      'invalid_input',
      `A story needs a headline before it can be ${action === 'submit' ? 'submitted for review' : action === 'schedule' ? 'scheduled' : 'published'}.`,
    )
  if (action === 'schedule') {
    const at = options.scheduledFor ? Date.parse(options.scheduledFor) : NaN
    if (!Number.isFinite(at)) return new DomainError('invalid_input', 'Choose the date and time to publish at.')
    if (at <= Date.now())
      return new DomainError(
        'invalid_input',
        'The publication time must be in the future; to publish now, use Publish now.',
      )
  }
  return undefined
}

const ACTION_WORDS: Record<StoryAction, string> = {
  submit: 'submit for review',
  publish: 'publish',
  schedule: 'schedule',
  unpublish: 'unpublish',
  'to-draft': 'move back to draft',
}
/** The moves that put a story in front of an editor or readers, and so need its headline. */
export const NEEDS_HEADLINE: readonly StoryAction[] = ['submit', 'publish', 'schedule']

/** Who makes a move, and the audit writer of the transaction it is written in (runAction's). */
export interface MoveAuthor {
  accountId: number
  audit: (note: AuditNote) => Promise<void>
}

/**
 * Writes a status change inside the caller's transaction: the status, the revision of what
 * readers will see, the publishing job and the audit row. `story` is the story as it stands in
 * that transaction (after any save made in it). Returns the story's new version. The editor's
 * doors to it are `applyStoryAction` and `submitStoryForm` in actions.ts.
 */
export async function writeMove(
  trx: Db,
  story: EditableStory,
  action: StoryAction,
  by: MoveAuthor,
  options: { scheduledFor?: string | undefined } = {},
): Promise<number> {
  const { accountId } = by
  const jobKey = `${PUBLISH_JOB}:${story.id}`
  if (action === 'publish') {
    const publishedAt = story.publishedAt ?? nowIso()
    await changeStatus(trx, story.id, {
      from: story.status,
      to: 'published',
      accountId,
      publishedAt,
      scheduledFor: null,
    })
    await insertRevision(trx, story.id, story.version + 1, { ...story, body: story.body }, accountId)
    await cancelJob(trx, jobKey)
  } else if (action === 'schedule') {
    const scheduledFor = new Date(options.scheduledFor as string).toISOString()
    await changeStatus(trx, story.id, { from: story.status, to: 'scheduled', accountId, scheduledFor })
    await enqueueJob(trx, { kind: PUBLISH_JOB, payload: { storyId: story.id }, runAt: scheduledFor, uniqueKey: jobKey })
  } else if (action === 'unpublish') {
    await changeStatus(trx, story.id, { from: story.status, to: 'unpublished', accountId })
  } else {
    await changeStatus(trx, story.id, {
      from: story.status,
      to: action === 'submit' ? 'in_review' : 'draft',
      accountId,
      scheduledFor: null,
    })
    await cancelJob(trx, jobKey)
  }
  await by.audit({
    action: `story-${action}`,
    subject: `story:${story.id}`,
    detail: options.scheduledFor ? { scheduledFor: options.scheduledFor } : {},
  })
  return story.version + 1
}

/**
 * The scheduled-publishing job: publishes the story if it is still scheduled and its time has
 * come. Idempotent, so running it twice (after a crash) publishes once.
 */
export async function publishScheduledStory(deps: { db: Db; events: ContentEvents }, storyId: number): Promise<void> {
  const story = await findStoryForEditing(deps.db, storyId)
  if (story?.status !== 'scheduled' || !story.scheduledFor) return
  if (Date.parse(story.scheduledFor) > Date.now() + 1000) {
    // Rescheduled later than this job thought: put it back for the new time.
    await enqueueJob(deps.db, {
      kind: PUBLISH_JOB,
      payload: { storyId },
      runAt: story.scheduledFor,
      uniqueKey: `${PUBLISH_JOB}:${storyId}`,
    })
    return
  }
  await deps.db.transaction().execute(async trx => {
    await changeStatus(trx, story.id, {
      from: 'scheduled',
      to: 'published',
      accountId: null,
      publishedAt: story.scheduledFor,
      scheduledFor: null,
    })
    await insertRevision(trx, story.id, story.version + 1, { ...story }, null)
    await insertAudit(trx, { accountId: null, action: 'story-published-on-schedule', subject: `story:${story.id}` })
  })
  deps.events.emit({ tags: storyTags(story) })
}
