// Loads what a body document refers to (images, excerpts, documentary cards) in a fixed
// number of queries, shaped for the body renderer.
import type { Db } from '../db/index.js'
import {
  bodyReferences,
  type BodyDocument,
  type BodyReferences,
  type BodyRenderContext,
  type RenderImage,
} from '../body/index.js'
import { DEFAULT_SIZES, findImagesByIds, imageSrcset, imageUrl, type Image } from '../media/index.js'
import { findExcerptsByIds, type Excerpt } from '../excerpts/index.js'
import { documentaryUrl, findPublishedDocumentariesByIds, type Documentary } from '../documentaries/index.js'
import { formatRuntime } from '../platform/format.js'

/** The render context and the cache tags of everything the body shows. */
export interface LoadedBodyContext {
  context: BodyRenderContext
  tags: string[]
  /** Whether the body shows an excerpt, which plays in the player island (PageToSend.player). */
  player: boolean
}

/** Turns a stored image into what the body renderer draws. */
export function toRenderImage(image: Image): RenderImage {
  const srcset = imageSrcset(image, 'jpeg')
  return {
    src: imageUrl(image),
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    ...(srcset ? { srcset, sizes: DEFAULT_SIZES } : {}),
  }
}

/** Loads the images, excerpts and documentaries one body refers to, in three queries. */
export async function loadBodyContext(db: Db, doc: BodyDocument): Promise<LoadedBodyContext> {
  const refs = bodyReferences(doc)
  const excerpts = await findExcerptsByIds(db, refs.excerptIds)
  const documentaries = await findPublishedDocumentariesByIds(db, bodyDocumentaryIds(refs, excerpts))
  const images = await findImagesByIds(db, bodyImageIds(refs, documentaries))
  return buildBodyContext(refs, { excerpts, documentaries, images })
}

/** Every documentary a body shows: its cards and the films its excerpts come from. */
export function bodyDocumentaryIds(refs: BodyReferences, excerpts: ReadonlyMap<number, Excerpt>): number[] {
  return [...refs.documentaryIds, ...[...excerpts.values()].map(e => e.documentaryId)]
}

/** Every image a body shows: its own, and the posters of the documentaries it shows. */
export function bodyImageIds(refs: BodyReferences, documentaries: ReadonlyMap<number, Documentary>): number[] {
  return [...refs.imageIds, ...[...documentaries.values()].flatMap(d => (d.posterId ? [d.posterId] : []))]
}

/** Builds the render context from what is already loaded, without queries. */
export function buildBodyContext(
  refs: BodyReferences,
  loaded: {
    excerpts: ReadonlyMap<number, Excerpt>
    documentaries: ReadonlyMap<number, Documentary>
    images: ReadonlyMap<number, Image>
  },
): LoadedBodyContext {
  const { excerpts, documentaries, images } = loaded
  const poster = (id: number | null) => {
    const image = id ? images.get(id) : undefined
    return image ? toRenderImage(image) : undefined
  }
  const context: BodyRenderContext = {
    images: new Map(
      refs.imageIds.flatMap(id => {
        const image = images.get(id)
        return image ? [[id, toRenderImage(image)] as const] : []
      }),
    ),
    excerpts: new Map(
      refs.excerptIds.flatMap(id => {
        const e = excerpts.get(id)
        const film = e ? documentaries.get(e.documentaryId) : undefined
        if (!e || !film) return []
        return [
          [
            e.id,
            {
              id: e.id,
              title: e.title,
              caption: e.caption,
              startSeconds: e.startSeconds,
              endSeconds: e.endSeconds,
              documentaryTitle: film.title,
              documentaryUrl: documentaryUrl(film.slug),
              poster: poster(film.posterId),
            },
          ] as const,
        ]
      }),
    ),
    documentaries: new Map(
      refs.documentaryIds.flatMap(id => {
        const film = documentaries.get(id)
        if (!film) return []
        return [
          [
            id,
            {
              title: film.title,
              url: documentaryUrl(film.slug),
              dek: film.dek,
              runtimeLabel: formatRuntime(film.runtimeSeconds),
              poster: poster(film.posterId),
            },
          ] as const,
        ]
      }),
    ),
  }
  const tags = [
    ...bodyDocumentaryIds(refs, excerpts)
      .filter(id => documentaries.has(id))
      .map(id => `documentary:${id}`),
    ...refs.excerptIds.filter(id => excerpts.has(id)).map(id => `excerpt:${id}`),
  ]
  return { context, tags, player: context.excerpts.size > 0 }
}
