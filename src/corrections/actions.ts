// What an editor does to a story's corrections: append one, amend one. Each checks what was
// typed, then runs one transaction (runAction) holding the write, its history row and its audit
// row; the pages that show corrections are purged after the commit. A refusal is a DomainError
// whose message says what to fix (invalid_input, or conflict for a story never published), and
// nothing is written.
import { DomainError, NotFound } from '../platform/errors.js'
import type { CacheTag } from '../platform/events.js'
import { runAction, type ActionDeps, type Actor } from '../newsroom/index.js'
import { findStoryForEditing, listRevisions } from '../stories/index.js'
import { loadSettings } from '../settings/index.js'
import { amendCorrection, appendCorrection, findCorrection, type EditableCorrection } from './store.js'
import { readKindAndBody, readNewCorrection, type CorrectionFormValues } from './form.js'

/** Why a story that readers never saw takes no correction. */
export const NEVER_PUBLISHED =
  'This story has never been published, so there is nothing to correct yet: corrections can be appended once it has been.'

/** The pages that show a story's corrections: the story, every list of corrections, lists of stories. */
export function correctionTags(storyId: number): CacheTag[] {
  return [`story:${storyId}`, 'list:corrections', 'list:stories']
}

/**
 * Appends a correction or clarification to a story, as typed in the newsroom (its time in the
 * site's time zone). A correction corrects what readers saw, so a story never published refuses it.
 */
export async function appendStoryCorrection(
  deps: ActionDeps,
  actor: Actor,
  append: { storyId: number; typed: CorrectionFormValues },
): Promise<EditableCorrection> {
  const story = await findStoryForEditing(deps.db, append.storyId)
  if (!story) throw new NotFound('story', append.storyId)
  if (!story.publishedAt) throw new DomainError('conflict', NEVER_PUBLISHED)
  const [settings, revisions] = await Promise.all([loadSettings(deps.db), listRevisions(deps.db, story.id)])
  const valid = readNewCorrection(append.typed, {
    timeZone: settings.timeZone,
    now: new Date(),
    revisionIds: revisions.map(rev => rev.id),
  })
  if ('problem' in valid) throw new DomainError('invalid_input', valid.problem)
  return runAction(deps, actor, async (trx, audit) => {
    const appended = await appendCorrection(trx, { storyId: story.id, ...valid, accountId: actor.accountId })
    await audit({
      action: 'correction-appended',
      subject: `correction:${appended.id}`,
      detail: {
        story: story.id,
        kind: appended.kind,
        publishedAt: appended.publishedAt,
        fixesRevisionId: appended.fixesRevisionId,
      },
    })
    return { result: appended, tags: correctionTags(story.id) }
  })
}

/** What an amendment did: `changed` is false when the kind and text were already so, and nothing was written. */
export interface Amendment {
  correction: EditableCorrection
  changed: boolean
}

/**
 * Amends a correction's kind and text. The earlier text stays in its history; an amendment that
 * changes nothing writes nothing.
 */
export async function amendStoryCorrection(
  deps: ActionDeps,
  actor: Actor,
  amend: { correctionId: number; typed: Pick<CorrectionFormValues, 'kind' | 'body'> },
): Promise<Amendment> {
  const current = await findCorrection(deps.db, amend.correctionId)
  if (!current) throw new NotFound('correction', amend.correctionId)
  const valid = readKindAndBody(amend.typed)
  if ('problem' in valid) throw new DomainError('invalid_input', valid.problem)
  if (valid.kind === current.kind && valid.body === current.body) return { correction: current, changed: false }
  return runAction(deps, actor, async (trx, audit) => {
    const amended = await amendCorrection(trx, current.id, { ...valid, accountId: actor.accountId })
    if (!amended) throw new NotFound('correction', current.id)
    await audit({
      action: 'correction-amended',
      subject: `correction:${current.id}`,
      detail: {
        story: current.storyId,
        ...(valid.kind !== current.kind ? { kind: { from: current.kind, to: valid.kind } } : {}),
      },
    })
    return { result: { correction: amended, changed: true }, tags: correctionTags(current.storyId) }
  })
}
