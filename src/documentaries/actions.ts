// What an editor does to a documentary: create one and change one. Each runs one transaction
// (the film with its topic and funder links, search, the moved address, the audit entry) and
// drops the film's pages from the cache only after the commit. The form's checks come first, in
// the handler (`form.ts`); a taken slug is refused here, inside the transaction, as `slug_taken`.
import { NotFound } from '../platform/errors.js'
import { nowIso } from '../platform/time.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import * as store from './store.js'
import { setDocumentaryFeatured } from './showcase-store.js'
import type { Documentary, NewDocumentary } from './store.js'
import { documentaryUrl } from './urls.js'

/**
 * A documentary's fields as the form's checks give them; the action sets its publication time.
 * `featured` ticks the film for the top of /documentaries (left out: the mark stays as it is).
 */
export type DocumentaryChanges = Omit<NewDocumentary, 'publishedAt'> & { featured?: boolean | undefined }

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: NewDocumentary, after: NewDocumentary): string[] {
  const keys = [
    'title',
    'slug',
    'dek',
    'synopsis',
    'runtimeSeconds',
    'releaseDate',
    'posterId',
    'status',
    'credits',
    'topicIds',
    'funderIds',
  ] as const
  return keys.filter(k => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

/** Cache tags a save drops: the film, every list of films, and each topic page it was or is now on. */
function savedTags(id: number, ...topicLists: (readonly number[])[]): string[] {
  return [`documentary:${id}`, 'list:documentaries', ...new Set(topicLists.flat().map(t => `topic:${t}`))]
}

/** Creates a documentary; a published one is published now. */
export function createDocumentary(deps: ActionDeps, actor: Actor, fields: DocumentaryChanges): Promise<Documentary> {
  const film: NewDocumentary = { ...fields, publishedAt: fields.status === 'published' ? nowIso() : null }
  return runAction(deps, actor, async (trx, audit) => {
    if (await store.findDocumentaryBySlug(trx, film.slug)) throw slugTakenError()
    let created = await store.insertDocumentary(trx, film)
    if (fields.featured) {
      created = { ...created, featuredAt: nowIso() }
      await setDocumentaryFeatured(trx, created.id, created.featuredAt)
    }
    await audit({
      action: 'documentary-created',
      subject: `documentary:${created.id}`,
      detail: { slug: created.slug, status: created.status, featured: Boolean(fields.featured) },
    })
    return { result: created, tags: savedTags(created.id, film.topicIds) }
  })
}

/**
 * Changes a documentary. Publishing keeps the first publication time; going back to draft takes
 * the film off the site; a published film's old address leads to its new one.
 */
export function updateDocumentary(
  deps: ActionDeps,
  actor: Actor,
  id: number,
  fields: DocumentaryChanges,
): Promise<Documentary> {
  return runAction(deps, actor, async (trx, audit) => {
    const film = await store.findDocumentaryById(trx, id)
    if (!film) throw new NotFound('documentary', id)
    const topicIds = await store.documentaryTopicIds(trx, id)
    const funderIds = await store.documentaryFunderIds(trx, id)
    const next: NewDocumentary = {
      ...fields,
      publishedAt: fields.status === 'published' ? (film.publishedAt ?? nowIso()) : film.publishedAt,
    }
    const holder = await store.findDocumentaryBySlug(trx, next.slug)
    if (holder && holder.id !== id) throw slugTakenError()
    let saved = await store.updateDocumentary(trx, id, next)
    // A film already featured keeps its mark's time, so ticking it again does not jump the queue.
    const featuredAt =
      fields.featured === undefined ? film.featuredAt : fields.featured ? (film.featuredAt ?? nowIso()) : null
    if (featuredAt !== film.featuredAt) {
      await setDocumentaryFeatured(trx, id, featuredAt)
      saved = { ...saved, featuredAt }
    }
    // Readers' links and search engines follow a published film to its new address.
    if (film.status === 'published' && film.slug !== next.slug)
      await recordMovedPath(trx, documentaryUrl(film.slug), documentaryUrl(next.slug))
    await audit({
      action: 'documentary-updated',
      subject: `documentary:${id}`,
      detail: {
        changed: [
          ...changedFields({ ...film, topicIds, funderIds }, next),
          ...(featuredAt !== film.featuredAt ? ['featured'] : []),
        ],
      },
    })
    return { result: saved, tags: savedTags(id, topicIds, next.topicIds) }
  })
}
