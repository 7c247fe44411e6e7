// What the embeds part shows of an excerpt and its film: one lookup and explicit presenters.
import type { Db } from '../db/index.js'
import { findExcerptById, type Excerpt } from '../excerpts/index.js'
import {
  documentaryUrl,
  findPublishedDocumentariesByIds,
  findPublishedDocumentaryBySlug,
  type Documentary,
} from '../documentaries/index.js'
import { findPlayable, type ReadyVideo } from './playable-source.js'

/** An excerpt whose published film is ready to play. */
export interface PlayableExcerpt {
  excerpt: Excerpt
  film: Documentary
  video: ReadyVideo
}

/** The excerpt with its film, or undefined when either is missing, unpublished or not ready. */
export async function findPlayableExcerpt(db: Db, id: number): Promise<PlayableExcerpt | undefined> {
  const excerpt = await findExcerptById(db, id)
  if (!excerpt) return undefined
  const film = (await findPublishedDocumentariesByIds(db, [excerpt.documentaryId])).get(excerpt.documentaryId)
  if (!film) return undefined
  const video = await findPlayable(db, film.id)
  return video?.status === 'ready' ? { excerpt, film, video } : undefined
}

/** A published film by slug with its ready video, or undefined. */
export async function findPlayableFilm(
  db: Db,
  slug: string,
): Promise<{ film: Documentary; video: ReadyVideo } | undefined> {
  const film = await findPublishedDocumentaryBySlug(db, slug)
  if (!film) return undefined
  const video = await findPlayable(db, film.id)
  return video?.status === 'ready' ? { film, video } : undefined
}

/** The excerpt API's answer: only what the island needs to play the passage. */
export function presentExcerptMedia({ excerpt, film, video }: PlayableExcerpt) {
  return {
    id: excerpt.id,
    title: excerpt.title,
    hlsUrl: video.hlsUrl,
    mp4Url: video.mp4Url,
    posterUrl: video.posterUrl,
    width: video.width,
    height: video.height,
    start: excerpt.startSeconds,
    end: Math.min(excerpt.endSeconds, video.durationSeconds || excerpt.endSeconds),
    captions: video.captions.map(c => ({ lang: c.lang, label: c.label, url: c.url })),
    documentaryUrl: documentaryUrl(film.slug),
  }
}

/** An absolute address on this site for a path, leaving absolute URLs alone. */
export function absolute(publicUrl: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${publicUrl}${url}`
}
