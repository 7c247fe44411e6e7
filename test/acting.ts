// Acting through a part's actions in a test, without the pages around them: a staff member to
// act as, and action dependencies that keep every change the actions announce, in order.
import type { Db } from '../src/db/index.js'
import { createContentEvents, type CacheTag } from '../src/platform/events.js'
import { insertAccount, type ActionDeps, type Actor, type Role } from '../src/newsroom/index.js'

/** What an action test acts with, and the tags of each change announced so far. */
export interface Acting {
  deps: ActionDeps
  actor: Actor
  emitted: CacheTag[][]
}

/** A new staff account with `role` as the actor, and fresh events that are kept. */
export async function actingAs(db: Db, role: Role): Promise<Acting> {
  const emitted: CacheTag[][] = []
  const events = createContentEvents()
  events.on(event => emitted.push([...event.tags]))
  const account = await insertAccount(db, {
    email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    name: `Test ${role}`,
    role,
    passwordHash: null,
  })
  return { deps: { db, events }, actor: { accountId: account.id, ip: '203.0.113.7' }, emitted }
}

/**
 * An actor whose account does not exist: the audit row an action writes breaks its foreign key,
 * so an action that writes its audit row in the same transaction as its change stores nothing.
 */
export const UNKNOWN_ACTOR: Actor = { accountId: 999_999, ip: '203.0.113.8' }
