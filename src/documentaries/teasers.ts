// Documentaries ready to show as cards: each with its poster.
import type { Db } from '../db/index.js'
import { findImagesByIds, type Image } from '../media/index.js'
import type { Documentary } from './store.js'

/** A documentary and its poster, as cards and lists show it. */
export interface DocumentaryTeaser {
  documentary: Documentary
  poster?: Image | undefined
}

/** Loads the posters of many documentaries in one query. */
export async function loadDocumentaryTeasers(db: Db, documentaries: Documentary[]): Promise<DocumentaryTeaser[]> {
  const posters = await findImagesByIds(
    db,
    documentaries.flatMap(d => (d.posterId ? [d.posterId] : [])),
  )
  return buildDocumentaryTeasers(documentaries, posters)
}

/** Builds teasers from posters already loaded, without queries. */
export function buildDocumentaryTeasers(
  documentaries: Documentary[],
  images: ReadonlyMap<number, Image>,
): DocumentaryTeaser[] {
  return documentaries.map(documentary => ({
    documentary,
    poster: documentary.posterId ? images.get(documentary.posterId) : undefined,
  }))
}

/** Cache tags of what a list of documentary cards shows. */
export function documentaryTeaserTags(teasers: DocumentaryTeaser[]): string[] {
  return teasers.map(t => `documentary:${t.documentary.id}`)
}
