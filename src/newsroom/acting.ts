// The one shape of everything an editor does (STYLE: "one way to write"). Each part's
// `actions.ts` has one function per thing an editor does; each runs its write, the audit
// entry, its jobs and its search update in ONE transaction through `runAction`, and the content
// events go out only after the commit, so a cache never drops a page for a change that rolled back.
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/index.js'
import type { CacheTag, ContentEvents } from '../platform/events.js'
import { insertAudit } from './store.js'

/** Who made a change, for the audit log. */
export interface Actor {
  accountId: number
  ip: string
}

/** What every part's actions are given. */
export interface ActionDeps {
  db: Db
  events: ContentEvents
}

/** One audit entry, written in the action's transaction. */
export interface AuditNote {
  action: string
  subject: string
  detail?: Record<string, unknown> | undefined
}

/** What an action's work hands back: its result, and the cache tags of what it changed. */
export interface ActionOutcome<T> {
  result: T
  tags: CacheTag[]
}

/** The signed-in staff member behind a newsroom request, as an actor. */
export function actorOf(request: FastifyRequest): Actor {
  return { accountId: request.staff.account.id, ip: request.ip }
}

/**
 * Runs an editor's action: `work` gets the transaction and an `audit` writer bound to the actor;
 * what it returns is committed together, then its tags are emitted. A throw rolls everything back
 * and emits nothing.
 */
export async function runAction<T>(
  deps: ActionDeps,
  actor: Actor,
  work: (trx: Db, audit: (note: AuditNote) => Promise<void>) => Promise<ActionOutcome<T>>,
): Promise<T> {
  const outcome = await deps.db.transaction().execute(trx =>
    work(trx, note =>
      insertAudit(trx, {
        accountId: actor.accountId,
        action: note.action,
        subject: note.subject,
        detail: note.detail,
        ip: actor.ip,
      }),
    ),
  )
  if (outcome.tags.length) deps.events.emit({ tags: outcome.tags })
  return outcome.result
}
