// What an admin does to subscribers, one function each: mark one unsubscribed or bounced, erase
// one, import a checked CSV, export the list. Each runs one transaction through runAction with
// its audit entry. No cache tags: no public page shows a subscriber.
import { runAction, type ActionDeps, type Actor } from '../../newsroom/index.js'
import { NotFound } from '../../platform/errors.js'
import { importAddresses, importConsent, type ImportSummary } from './import.js'
import { deleteSubscriber, markSubscriber, type SubscriberFilter } from './store.js'

/** Stops a subscriber's newsletters, as unsubscribed or bounced, with the admin's note as the reason. */
export async function markSubscriberAs(
  deps: ActionDeps,
  actor: Actor,
  id: number,
  mark: { as: 'unsubscribed' | 'bounced'; note: string; by: string },
): Promise<void> {
  const note = mark.note.replace(/\s+/g, ' ').trim()
  const reason = `newsroom (${mark.by})${note ? `: ${note}` : ''}`
  await runAction(deps, actor, async (trx, audit) => {
    if (!(await markSubscriber(trx, id, mark.as, reason))) throw new NotFound('subscriber', id)
    await audit({ action: `subscriber-${mark.as}`, subject: `subscriber:${id}`, detail: { reason: note } })
    return { result: undefined, tags: [] }
  })
}

/** Erases a subscriber for good, with their subscriptions and deliveries. */
export async function eraseSubscriber(deps: ActionDeps, actor: Actor, id: number): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    if (!(await deleteSubscriber(trx, id))) throw new NotFound('subscriber', id)
    // The address itself is not kept: erasure means it is gone, from the audit log too.
    await audit({ action: 'subscriber-erased', subject: `subscriber:${id}` })
    return { result: undefined, tags: [] }
  })
}

/**
 * Imports checked addresses onto the chosen lists, all or nothing. With `consent` (who vouched
 * and their statement) new and pending addresses are confirmed, the assertion stored with each.
 */
export async function importSubscribers(
  deps: ActionDeps,
  actor: Actor,
  o: {
    addresses: readonly { email: string; line: number }[]
    listIds: readonly number[]
    consent?: { by: string; statement: string } | undefined
  },
): Promise<Omit<ImportSummary, 'repeated'>> {
  const consent = o.consent ? importConsent(o.consent.by, o.consent.statement) : undefined
  return runAction(deps, actor, async (trx, audit) => {
    const result = await importAddresses(trx, { addresses: o.addresses, listIds: o.listIds, consent })
    await audit({
      action: 'subscribers-imported',
      subject: 'newsletter-subscribers',
      detail: {
        added: result.added,
        updated: result.updated,
        confirmed: result.confirmed,
        skipped: result.skipped.length,
        lists: o.listIds,
        consent: consent ?? null,
      },
    })
    return { result, tags: [] }
  })
}

/** Records that an admin exported the subscribers `filter` picks; the export itself streams after. */
export async function exportSubscribers(deps: ActionDeps, actor: Actor, filter: SubscriberFilter): Promise<void> {
  await runAction(deps, actor, async (_trx, audit) => {
    await audit({ action: 'subscribers-exported', subject: 'newsletter-subscribers', detail: { filter } })
    return { result: undefined, tags: [] }
  })
}
