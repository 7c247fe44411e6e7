// Who may see a story in the newsroom: the one rule every newsroom route that takes a story id
// asks (the editor, its revisions and word diffs), so text an editor removed and unpublished
// drafts reach nobody the story does not belong to.
import type { Db } from '../db/index.js'
import { DomainError } from '../platform/errors.js'
import { hasRole, type Account } from '../newsroom/index.js'
import { findStoryForEditing, type EditableStory } from './draft-store.js'
import { isOwn } from './workflow.js'

/** Editors and admins see every story; contributors and authors only those they own or write. */
export function canView(account: Account, story: Pick<EditableStory, 'ownerAccountId' | 'authorIds'>): boolean {
  return hasRole(account.role, 'editor') || isOwn(account, story)
}

/** The story, when it exists and the account may see it; not_found or forbidden otherwise. */
export async function findViewableStory(db: Db, account: Account, id: number): Promise<EditableStory> {
  const story = await findStoryForEditing(db, id)
  if (!story) throw new DomainError('not_found', 'No such story.')
  if (!canView(account, story)) throw new DomainError('forbidden', 'This story belongs to someone else.')
  return story
}
