// What an editor does to an excerpt: add one to a film and change one. Each runs one transaction
// with its audit entry, and drops the pages that list or embed the excerpt (and its film's page)
// only after the commit. The form's checks against the film come first, in the handler (`form.ts`).
// No deleting: a story body may embed an excerpt by id.
import { NotFound } from '../platform/errors.js'
import { runAction, type ActionDeps, type Actor } from '../newsroom/index.js'
import * as store from './store.js'
import type { Excerpt, NewExcerpt } from './store.js'

/** What an edit may change: everything but the film it belongs to. */
export type ExcerptChanges = Omit<NewExcerpt, 'documentaryId'>

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: Excerpt, after: ExcerptChanges): string[] {
  return (['title', 'caption', 'startSeconds', 'endSeconds'] as const).filter(k => before[k] !== after[k])
}

/** Cache tags a save drops: every page embedding or listing the excerpt, and its film's page. */
const savedTags = (excerpt: Excerpt) => [`excerpt:${excerpt.id}`, `documentary:${excerpt.documentaryId}`]

/** Adds an excerpt to its film. */
export function createExcerpt(deps: ActionDeps, actor: Actor, fields: NewExcerpt): Promise<Excerpt> {
  return runAction(deps, actor, async (trx, audit) => {
    const created = await store.insertExcerpt(trx, fields)
    await audit({
      action: 'excerpt-created',
      subject: `excerpt:${created.id}`,
      detail: { documentaryId: created.documentaryId },
    })
    return { result: created, tags: savedTags(created) }
  })
}

/** Changes an excerpt's title, caption and times; it stays with the film it belongs to. */
export function updateExcerpt(deps: ActionDeps, actor: Actor, id: number, fields: ExcerptChanges): Promise<Excerpt> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await store.findExcerptById(trx, id)
    if (!before) throw new NotFound('excerpt', id)
    await store.updateExcerpt(trx, id, fields)
    const saved: Excerpt = {
      id,
      documentaryId: before.documentaryId,
      title: fields.title,
      caption: fields.caption,
      startSeconds: fields.startSeconds,
      endSeconds: fields.endSeconds,
    }
    await audit({
      action: 'excerpt-updated',
      subject: `excerpt:${id}`,
      detail: { documentaryId: before.documentaryId, changed: changedFields(before, fields) },
    })
    return { result: saved, tags: savedTags(saved) }
  })
}
