// What an editor does with static pages: create one and change one. Each runs in one
// transaction through runAction (the write, its audit row and, when a slug changes, the old
// address's moved path), and the page is dropped from the cache only after the commit. The
// store validates the body on every write, so an invalid one rolls the whole action back.
import { NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import { findPageById, findPageBySlug, insertPage, replacePage, type NewPage, type Page } from './store.js'

// The page itself, and the lists of pages (the sitemap).
const tagsOf = (id: number) => [`page:${id}`, 'list:pages']

/** Creates a page; a taken slug throws `slugTakenError` and stores nothing. */
export function createPage(deps: ActionDeps, actor: Actor, input: NewPage): Promise<Page> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await findPageBySlug(trx, input.slug)) throw slugTakenError()
    const page = await insertPage(trx, input)
    await audit({ action: 'page-created', subject: `page:${page.id}`, detail: { slug: page.slug } })
    return { result: page, tags: tagsOf(page.id) }
  })
}

/** Replaces a page's fields; a new slug keeps the old address alive as a moved path. */
export function updatePage(deps: ActionDeps, actor: Actor, id: number, input: NewPage): Promise<Page> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await findPageById(trx, id)
    if (!before) throw new NotFound('page', id)
    const holder = await findPageBySlug(trx, input.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    const page = await replacePage(trx, id, input)
    if (before.slug !== page.slug) await recordMovedPath(trx, `/${before.slug}`, `/${page.slug}`)
    const changed: string[] = (['title', 'slug', 'summary'] as const).filter(k => before[k] !== page[k])
    if (JSON.stringify(before.body) !== JSON.stringify(page.body)) changed.push('body')
    await audit({ action: 'page-updated', subject: `page:${id}`, detail: { changed } })
    return { result: page, tags: tagsOf(id) }
  })
}
