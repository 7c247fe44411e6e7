// Everything an editor does to a story, one function each: the form's buttons (save the fields,
// and with Publish now, Schedule, Submit for review or Unpublish also move the status), a status
// change with no fields, and restoring a revision. Each runs one transaction (runAction) holding
// the write, its revision, job and audit row; the pages go after the commit. Nothing typed is
// lost: a refusal names the field it belongs beside, and the route shows the form again.
import type { Db } from '../db/index.js'
import { DomainError, type ErrorCode } from '../platform/errors.js'
import type { ContentEvents } from '../platform/events.js'
import { isUniqueViolation } from '../db/index.js'
import { slugify } from '../platform/slug.js'
import { wallTimeToIso } from '../platform/time.js'
import { runAction, type Account, type Actor } from '../newsroom/index.js'
import { findPeopleByIds } from '../people/index.js'
import { findTopicsByIds } from '../topics/index.js'
import { listAllDocumentaries } from '../documentaries/index.js'
import { findImagesByIds } from '../media/index.js'
import { parseBody } from '../body/index.js'
import { findMissingBodyReferences } from '../site/index.js'
import { findInterviewReferenceProblems } from './interview-references.js'
import {
  createDraft,
  findStoryForEditing,
  listRevisions,
  saveStory,
  slugInUse,
  type EditableStory,
  type StoryFields,
} from './draft-store.js'
import { findViewableStory } from './access.js'
import { readStoryForm, type FieldProblem, type FormAction, type StoryFormBody } from './editor-form.js'
import { canEdit, moveProblem, NEEDS_HEADLINE, storyTags, writeMove, type StoryAction } from './workflow.js'

/** A refusal whose problems each name the form field they belong beside. */
export class StoryFormProblems extends DomainError {
  readonly problems: readonly FieldProblem[]
  constructor(code: ErrorCode, message: string, problems: readonly FieldProblem[]) {
    super(
      code,
      message,
      problems.map(p => p.message),
    )
    this.name = 'StoryFormProblems'
    this.problems = problems
  }
}

/** What the editor's form post needs besides the form. */
export interface StoryActionDeps {
  db: Db
  events: ContentEvents
  wakeJobs?: (() => void) | undefined
}

/** Who acts on a story, and from where: the account's role and ownership decide what they may do. */
export interface StoryActor {
  account: Account
  ip: string
}

/** Who presses a button of the form, with the newsroom's time zone for a typed schedule. */
export interface FormActor extends StoryActor {
  timeZone: string
}

/** The actor as the audit log names them. */
function audited(actor: StoryActor): Actor {
  return { accountId: actor.account.id, ip: actor.ip }
}

/** What a successful post left: the story's id, version, status and slug. */
export interface StoryFormOutcome {
  storyId: number
  version: number
  action: FormAction
  created: boolean
}

/** A story that does not exist yet: what "New story" edits until its first save. */
export function newStoryFor(account: Account): EditableStory {
  return {
    id: 0,
    slug: '',
    title: '',
    dek: '',
    body: { type: 'doc', content: [] },
    section: 'article',
    status: 'draft',
    publishedAt: null,
    scheduledFor: null,
    updatedAt: '',
    heroImageId: null,
    version: 0,
    ownerAccountId: account.id,
    authorIds: account.personId ? [account.personId] : [],
    topicIds: [],
    documentaryIds: [],
  }
}

const REFUSED: Record<FormAction, string> = {
  save: 'The story was not saved. Fix what is marked and save again; your text is still here.',
  submit:
    'The story was not submitted, and nothing was saved. Fix what is marked and try again; your text is still here.',
  publish:
    'The story was not published, and nothing was saved. Fix what is marked and try again; your text is still here.',
  schedule:
    'The story was not scheduled, and nothing was saved. Fix what is marked and try again; your text is still here.',
  unpublish:
    'The story was not unpublished, and nothing was saved. Fix what is marked and try again; your text is still here.',
  'to-draft':
    'The story was not moved back to draft, and nothing was saved. Fix what is marked and try again; your text is still here.',
}

/**
 * Saves the editor's fields for `storyId` (or creates the story, when undefined) and applies
 * the pressed button's status change in the same transaction. Throws StoryFormProblems for
 * anything the person can fix, `forbidden` when their role may not, `conflict` when someone
 * else saved first; nothing is written in any of those cases.
 */
export async function submitStoryForm(
  deps: StoryActionDeps,
  actor: FormActor,
  storyId: number | undefined,
  body: StoryFormBody,
): Promise<StoryFormOutcome> {
  const action: FormAction = body.action ?? 'save'
  const move = action === 'save' ? undefined : action
  const found = storyId === undefined ? newStoryFor(actor.account) : await findStoryForEditing(deps.db, storyId)
  if (!found) throw new DomainError('not_found', 'No such story.')
  const story = found
  // Moving a story one may not edit (a contributor taking back a story in review) carries no fields: applyStoryAction.
  if (!canEdit(actor.account, story)) throw new DomainError('forbidden', 'Your role cannot edit this story now.')
  const refuse = (problems: FieldProblem[], code: ErrorCode = 'invalid_input') =>
    new StoryFormProblems(code, REFUSED[action], problems)

  // A draft may be saved untitled; a story readers or reviewers will see needs its headline.
  const needsHeadline = story.status !== 'draft' || (move !== undefined && NEEDS_HEADLINE.includes(move))
  // Until a story is first published, a slug nobody chose follows the headline.
  const posted = (body.slug ?? '').trim()
  const followsTitle = !story.publishedAt && (posted === '' || posted === slugify(story.title))
  const placeholder = story.slug.startsWith('untitled-')
    ? story.slug
    : `untitled-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
  const read = readStoryForm(followsTitle ? { ...body, slug: '' } : body, {
    needsHeadline,
    placeholderSlug: placeholder,
  })
  if ('problems' in read) throw refuse(read.problems)
  const fields = read.fields

  const scheduledFor = move === 'schedule' ? readScheduleTime(body.scheduledFor, actor.timeZone) : undefined
  if (move) {
    const problem = moveProblem(actor.account, { ...story, title: fields.title }, move, { scheduledFor })
    if (problem?.code === 'forbidden') throw problem
    // The headline is checked first, so a refusal names the headline or else the time.
    if (problem) throw refuse([{ field: fields.title === '' ? 'title' : 'scheduledFor', message: problem.message }])
  }
  await checkReferences(deps.db, fields, refuse)
  if (await slugInUse(deps.db, fields.slug, storyId))
    throw refuse(
      [{ field: 'slug', message: `The slug “${fields.slug}” is used by another story. Choose another.` }],
      'slug_taken',
    )

  let outcome: StoryFormOutcome
  try {
    outcome = await runAction(deps, audited(actor), async (trx, audit) => {
      const id =
        storyId ??
        (await createDraft(trx, { ownerAccountId: actor.account.id, title: '', slug: placeholder, authorIds: [] }))
      const startVersion = storyId === undefined ? 0 : read.version
      let version = await saveStory(trx, id, startVersion, fields, actor.account.id)
      if (storyId === undefined) await audit({ action: 'story-create', subject: `story:${id}` })
      if (move) {
        const saved = await findStoryForEditing(trx, id)
        if (!saved) throw new DomainError('not_found', 'No such story.')
        version = await writeMove(trx, saved, move, { accountId: actor.account.id, audit }, { scheduledFor })
      }
      // Pages that showed the story before and pages that show it now both go.
      const tags = move || story.status === 'published' ? [...storyTags(story), ...storyTags({ id, ...fields })] : []
      return { result: { storyId: id, version, action, created: storyId === undefined }, tags }
    })
  } catch (err) {
    if (isUniqueViolation(err))
      throw refuse(
        [{ field: 'slug', message: `The slug “${fields.slug}” is used by another story. Choose another.` }],
        'slug_taken',
      )
    throw err
  }
  if (move) deps.wakeJobs?.()
  return outcome
}

/**
 * Moves a story between statuses with no edit of its fields (the status buttons; a contributor
 * taking back a story in review): checks the rules, then writes the change with its revision, job
 * and audit row in one transaction, and purges the story's pages after the commit.
 */
export async function applyStoryAction(
  deps: StoryActionDeps,
  actor: StoryActor,
  storyId: number,
  action: StoryAction,
  options: { scheduledFor?: string | undefined } = {},
): Promise<void> {
  const story = await findStoryForEditing(deps.db, storyId)
  if (!story) throw new DomainError('not_found', 'No such story.')
  const problem = moveProblem(actor.account, story, action, options)
  if (problem) throw problem
  await runAction(deps, audited(actor), async (trx, audit) => {
    await writeMove(trx, story, action, { accountId: actor.account.id, audit }, options)
    return { result: undefined, tags: storyTags(story) }
  })
  deps.wakeJobs?.()
}

/**
 * Brings back an earlier revision of a story as a new save, so nothing is lost (the restore is
 * itself a revision of a published story), guarded by the version the page showed. Only someone
 * who may see and edit the story may; a published story's pages go after the commit.
 */
export async function restoreRevision(
  deps: StoryActionDeps,
  actor: StoryActor,
  restore: { storyId: number; revision: number; expectedVersion: number },
): Promise<void> {
  const story = await findViewableStory(deps.db, actor.account, restore.storyId)
  if (!canEdit(actor.account, story)) throw new DomainError('forbidden', 'Your role cannot edit this story.')
  const revision = (await listRevisions(deps.db, story.id)).find(rev => rev.version === restore.revision)
  if (!revision) throw new DomainError('not_found', 'No such revision of this story.')
  await runAction(deps, audited(actor), async (trx, audit) => {
    await saveStory(trx, story.id, restore.expectedVersion, revision.fields, actor.account.id)
    await audit({
      action: 'story-revision-restored',
      subject: `story:${story.id}`,
      detail: { version: revision.version },
    })
    return {
      result: undefined,
      tags:
        story.status === 'published' ? [...storyTags(story), ...storyTags({ id: story.id, ...revision.fields })] : [],
    }
  })
}

/** The typed "publish at" (the newsroom's wall time, or a full ISO time) as an instant. */
export function readScheduleTime(typed: string | undefined, timeZone: string): string | undefined {
  const local = typed?.trim()
  if (!local) return undefined
  return (
    wallTimeToIso(local, timeZone) ?? (Number.isFinite(Date.parse(local)) ? new Date(local).toISOString() : undefined)
  )
}

/** Refuses ids of people, topics, images or films that do not exist, before the database does. */
async function checkReferences(
  db: Db,
  fields: StoryFields,
  refuse: (problems: FieldProblem[]) => StoryFormProblems,
): Promise<void> {
  const problems: FieldProblem[] = []
  // Only the chosen ids are looked up: autosave runs this every few seconds, on archives of any size.
  const [people, topics, films, images] = await Promise.all([
    findPeopleByIds(db, fields.authorIds),
    findTopicsByIds(db, fields.topicIds),
    listAllDocumentaries(db),
    findImagesByIds(db, fields.heroImageId === null ? [] : [fields.heroImageId]),
  ])
  const filmIds = new Set(films.map(f => f.id))
  if (fields.authorIds.some(id => !people.has(id)))
    problems.push({ field: 'authors', message: 'An author you chose no longer exists.' })
  if (fields.topicIds.some(id => !topics.has(id)))
    problems.push({ field: 'topics', message: 'A topic you chose no longer exists.' })
  if (fields.documentaryIds.some(id => !filmIds.has(id)))
    problems.push({ field: 'documentaries', message: 'A documentary you chose no longer exists.' })
  if (fields.heroImageId !== null && !images.has(fields.heroImageId))
    problems.push({ field: 'hero', message: 'The hero image you chose no longer exists.' })
  // Blocks that embed an image, excerpt or film that does not exist, each named (saveStory checks again in its transaction).
  const body = parseBody(fields.body)
  problems.push(...(await findMissingBodyReferences(db, body)).map(message => ({ field: 'body' as const, message })))
  // Interview spans outside the video or into a withheld passage, each named by its block.
  problems.push(
    ...(await findInterviewReferenceProblems(db, body)).map(message => ({ field: 'body' as const, message })),
  )
  if (problems.length) throw refuse(problems)
}

export type { StoryAction }
