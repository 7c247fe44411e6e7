// SQL for status changes: moving a story to another status and the transitions that record who
// did it. Apart from draft-store.ts, which saves the fields; workflow.ts decides which moves are allowed.
import type { Db } from '../db/index.js'
import { DomainError } from '../platform/errors.js'
import { nowIso } from '../platform/time.js'
import type { StoryStatus } from './schema.js'
import { syncStorySearch } from './search.js'

/** Moves a story to another status and records who did it; call inside a transaction. */
export async function changeStatus(
  db: Db,
  id: number,
  change: {
    from: StoryStatus
    to: StoryStatus
    accountId: number | null
    publishedAt?: string | null | undefined
    scheduledFor?: string | null | undefined
  },
): Promise<void> {
  const result = await db
    .updateTable('stories')
    .set(eb => ({
      status: change.to,
      updated_at: nowIso(),
      version: eb('version', '+', 1),
      ...(change.publishedAt !== undefined ? { published_at: change.publishedAt } : {}),
      ...(change.scheduledFor !== undefined ? { scheduled_for: change.scheduledFor } : {}),
    }))
    .where('id', '=', id)
    .where('status', '=', change.from)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1)
    throw new DomainError('conflict', 'The story changed status while you were looking at it. Reload and try again.')
  await db
    .insertInto('story_transitions')
    .values({
      story_id: id,
      from_status: change.from,
      to_status: change.to,
      account_id: change.accountId,
      at: nowIso(),
    })
    .execute()
  // Publishing adds the story to search, unpublishing or going back to draft takes it out.
  await syncStorySearch(db, id)
}

/** A story's status changes, newest first. */
export async function listTransitions(db: Db, storyId: number) {
  return db
    .selectFrom('story_transitions')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}
