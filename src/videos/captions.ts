// Captions (WebVTT, checked by platform/webvtt.ts before they are stored) and chapters of a film.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import type { Storage } from '../platform/storage/index.js'
import { validateWebVtt } from '../platform/webvtt.js'
import { findVideoById, type Video } from './store.js'
import { listCaptions, saveCaptions, type VideoCaptions } from './caption-store.js'
import { replaceChapters, type VideoChapter } from './chapter-store.js'

/** One language's captions as the newsroom uploads them. */
export interface NewCaptions {
  lang: string
  label: string
  vttText: string
}

/**
 * Checks one language's captions and writes their file under a new key; `recordCaptions` then
 * points the film at it. Split so that a newsroom action writes the row in its transaction.
 */
export async function storeCaptionsFile(
  db: Db,
  storage: Storage,
  videoId: number,
  captions: NewCaptions,
): Promise<VideoCaptions> {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(captions.lang))
    throw new InvalidInput(`"${captions.lang.slice(0, 20)}" is not a language tag such as "en" or "pt-BR".`)
  const label = captions.label.trim()
  if (label.length < 1 || label.length > 60) throw new InvalidInput('A captions label has 1 to 60 characters.')
  const text = validateWebVtt(captions.vttText)
  if (!(await findVideoById(db, videoId))) throw new NotFound('video', videoId)
  // A new key each time: stored files are served as immutable.
  const storageKey = `videos/${videoId}/captions/${captions.lang.toLowerCase()}-${randomBytes(4).toString('hex')}.vtt`
  await storage.put(storageKey, Buffer.from(text, 'utf8'))
  return { lang: captions.lang, label, storageKey }
}

/**
 * Records stored captions, replacing that language's; answers the replaced file's key, to remove
 * once the change is committed (a file removed before would break the track on a rollback).
 */
export async function recordCaptions(db: Db, videoId: number, captions: VideoCaptions): Promise<string | undefined> {
  const previous = (await listCaptions(db, videoId)).find(c => c.lang === captions.lang)
  await saveCaptions(db, videoId, captions)
  return previous?.storageKey
}

/** Validates and stores one language's captions, replacing that language's earlier file (the demo films; the newsroom goes through `actions.ts`). */
export async function addCaptions(db: Db, storage: Storage, videoId: number, captions: NewCaptions): Promise<void> {
  const replaced = await recordCaptions(db, videoId, await storeCaptionsFile(db, storage, videoId, captions))
  if (replaced) await storage.remove(replaced)
}

/** Checks a film's chapters: starts within the film and increasing, titles of 1–200 characters; answers them trimmed. */
export function checkChapters(video: Video, chapters: readonly VideoChapter[]): VideoChapter[] {
  const problems: string[] = []
  if (chapters.length > 100) problems.push('A film has at most 100 chapters.')
  const clean = chapters.map((c, i) => {
    const title = c.title.trim()
    if (title.length < 1 || title.length > 200) problems.push(`Chapter ${i + 1}: a title has 1 to 200 characters.`)
    if (!Number.isFinite(c.startSeconds) || c.startSeconds < 0)
      problems.push(`Chapter ${i + 1}: the start must be zero or more seconds.`)
    else if (video.durationSeconds !== null && c.startSeconds >= video.durationSeconds)
      problems.push(`Chapter ${i + 1}: it starts after the film ends.`)
    const before = chapters[i - 1]
    if (before && c.startSeconds <= before.startSeconds)
      problems.push(`Chapter ${i + 1}: it must start after chapter ${i}.`)
    return { startSeconds: c.startSeconds, title }
  })
  if (problems.length > 0) throw new InvalidInput('These chapters cannot be used.', problems)
  return clean
}

/** Checks and replaces a film's chapters (the demo films; the newsroom goes through `actions.ts`). */
export async function setChapters(db: Db, videoId: number, chapters: readonly VideoChapter[]): Promise<void> {
  const video = await findVideoById(db, videoId)
  if (!video) throw new NotFound('video', videoId)
  const clean = checkChapters(video, chapters)
  await db.transaction().execute(trx => replaceChapters(trx, videoId, clean))
}
