// What an admin does with funders: create one and change one. Each runs in one transaction
// through runAction (the write and its audit row), and the pages that credit funders are dropped
// only after the commit. A funder has no page of its own, so a new slug leaves no moved address.
import { NotFound } from '../platform/errors.js'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import {
  findFunderById,
  findFunderBySlug,
  insertFunder,
  nextFunderPosition,
  replaceFunder,
  type Funder,
  type NewFunder,
} from './store.js'

/** A funder's checked fields; no position puts it last. */
export type FunderInput = Omit<NewFunder, 'position'> & { position: number | undefined }

// /funders shows every funder; site-wide ones are credited on every page, which 'funders' drops too.
const tagsOf = (id: number) => [`funder:${id}`, 'funders']

/** Creates a funder; a taken slug throws `slugTakenError` and stores nothing. */
export function createFunder(deps: ActionDeps, actor: Actor, input: FunderInput): Promise<Funder> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await findFunderBySlug(trx, input.slug)) throw slugTakenError()
    const funder = await insertFunder(trx, { ...input, position: input.position ?? (await nextFunderPosition(trx)) })
    await audit({ action: 'funder-created', subject: `funder:${funder.id}`, detail: { slug: funder.slug } })
    return { result: funder, tags: tagsOf(funder.id) }
  })
}

/** Replaces a funder's fields. */
export function updateFunder(deps: ActionDeps, actor: Actor, id: number, input: FunderInput): Promise<Funder> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await findFunderById(trx, id)
    if (!before) throw new NotFound('funder', id)
    const holder = await findFunderBySlug(trx, input.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    const next: NewFunder = { ...input, position: input.position ?? (await nextFunderPosition(trx)) }
    await replaceFunder(trx, id, next)
    const changed = (['name', 'slug', 'url', 'tier', 'description', 'siteWide', 'position', 'logoId'] as const).filter(
      k => before[k] !== next[k],
    )
    await audit({ action: 'funder-updated', subject: `funder:${id}`, detail: { changed } })
    return { result: { ...next, id }, tags: tagsOf(id) }
  })
}
