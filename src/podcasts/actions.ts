// What an editor does to podcasts, one function each: shows, episodes (publishing, scheduling
// and unpublishing are the episode's status field), the audio, the transcript and the chapters.
// Each runs through the newsroom's `runAction`: the write, its audit entry, its jobs and the
// search index (the store re-indexes the episode it writes) commit together, and the cache tags
// go out after the commit. Handlers parse, call one of these and render.
import { randomBytes } from 'node:crypto'
import { runAction, slugTakenError, type ActionDeps, type Actor } from '../newsroom/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import type { Storage } from '../platform/storage/index.js'
import { validateWebVtt } from '../platform/webvtt.js'
import type { Db } from '../db/index.js'
import { CHAPTER_LIMITS } from '../videos/index.js'
import { enqueueAudio } from './audio.js'
import { attachAudioMaster, markAudioQueued } from './audio-store.js'
import { replaceEpisodeChapters, type EpisodeChapter } from './chapter-store.js'
import { podcastGuid } from './guid.js'
import { scheduleEpisode } from './schedule.js'
import { findShowById, findShowBySlug, insertShow, updateShow, type Show, type ShowFields } from './show-store.js'
import {
  findEpisodeById,
  findEpisodeBySlug,
  insertEpisode,
  replaceEpisodeTranscript,
  updateEpisode,
  type Episode,
  type EpisodeFields,
} from './store.js'
import { episodeTags, showTags } from './tags.js'
import { transcriptPlainText } from './transcript.js'
import { episodeUrl, showFeedUrl, showUrl } from './urls.js'

/** What creating a show needs besides the database: the public address its podcast:guid is made from. */
export interface ShowActionDeps extends ActionDeps {
  publicUrl: string
}

/** What the audio, transcript and chapter actions need: the stored files, and the job runner to wake. */
export interface EpisodeFileDeps extends ActionDeps {
  storage: Storage
  wakeJobs?: () => void
}

async function showIn(db: Db, id: number): Promise<Show> {
  const show = await findShowById(db, id)
  if (!show) throw new NotFound('show', id)
  return show
}

async function episodeIn(db: Db, id: number): Promise<Episode> {
  const episode = await findEpisodeById(db, id)
  if (!episode) throw new NotFound('episode', id)
  return episode
}

// ---- shows

/** Creates a show; its podcast:guid comes from its feed URL now and is never recomputed. */
export async function createShow(deps: ShowActionDeps, actor: Actor, fields: ShowFields): Promise<Show> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await findShowBySlug(trx, fields.slug)) throw slugTakenError()
    const show = await insertShow(trx, {
      ...fields,
      podcastGuid: podcastGuid(showFeedUrl(deps.publicUrl, fields.slug)),
    })
    await audit({ action: 'podcast-created', subject: `podcast:${show.id}`, detail: { slug: show.slug } })
    return { result: show, tags: showTags(show) }
  })
}

/** Saves a show's fields; a new slug moves its page, its feed and every episode below it. */
export async function editShow(deps: ActionDeps, actor: Actor, showId: number, fields: ShowFields): Promise<Show> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await showIn(trx, showId)
    const holder = await findShowBySlug(trx, fields.slug)
    if (holder && holder.id !== showId) throw slugTakenError()
    await updateShow(trx, showId, fields)
    // Podcast apps follow a feed's 301, so the old address keeps working.
    if (before.slug !== fields.slug) await recordMovedPath(trx, showUrl(before.slug), showUrl(fields.slug))
    const changed = (Object.keys(fields) as (keyof ShowFields)[]).filter(k => fields[k] !== before[k])
    await audit({ action: 'podcast-updated', subject: `podcast:${showId}`, detail: { changed } })
    return { result: await showIn(trx, showId), tags: showTags(before) }
  })
}

// ---- episodes

/** Creates an episode (a draft, scheduled or published at once) with its GUID, made here once. */
export async function createEpisode(
  deps: ActionDeps,
  actor: Actor,
  showId: number,
  fields: EpisodeFields,
): Promise<Episode> {
  return runAction(deps, actor, async (trx, audit) => {
    await showIn(trx, showId)
    if (await findEpisodeBySlug(trx, showId, fields.slug)) throw slugTakenError()
    const episode = await insertEpisode(trx, showId, fields)
    await scheduleEpisode(trx, episode.id, fields)
    await audit({
      action: 'episode-created',
      subject: `episode:${episode.id}`,
      detail: { slug: episode.slug, status: episode.status },
    })
    return { result: episode, tags: episodeTags(episode) }
  })
}

/** What a save did to an episode's status, for the audit log. */
function statusAction(before: Episode, after: EpisodeFields): string {
  if (before.status !== 'scheduled' && after.status === 'scheduled') return 'episode-scheduled'
  if (before.status !== 'published' && after.status === 'published') return 'episode-published'
  if (before.status === 'published' && after.status !== 'published') return 'episode-unpublished'
  return 'episode-updated'
}

const EPISODE_AUDITED = [
  'slug',
  'title',
  'number',
  'season',
  'episodeType',
  'status',
  'publishedAt',
  'summary',
  'showNotes',
] as const

/** Saves an episode's fields: editing, scheduling, publishing and unpublishing. Its GUID never changes. */
export async function editEpisode(
  deps: ActionDeps,
  actor: Actor,
  episodeId: number,
  fields: EpisodeFields,
): Promise<Episode> {
  return runAction(deps, actor, async (trx, audit) => {
    const before = await episodeIn(trx, episodeId)
    const holder = await findEpisodeBySlug(trx, before.showId, fields.slug)
    if (holder && holder.id !== episodeId) throw slugTakenError()
    await updateEpisode(trx, episodeId, fields)
    if (before.status === 'published' && before.slug !== fields.slug) {
      const show = await showIn(trx, before.showId)
      await recordMovedPath(trx, episodeUrl(show.slug, before.slug), episodeUrl(show.slug, fields.slug))
    }
    await scheduleEpisode(trx, episodeId, fields)
    const changed = EPISODE_AUDITED.filter(k => JSON.stringify(fields[k]) !== JSON.stringify(before[k]))
    await audit({ action: statusAction(before, fields), subject: `episode:${episodeId}`, detail: { changed } })
    return { result: await episodeIn(trx, episodeId), tags: episodeTags(before) }
  })
}

// ---- audio

/** Attaches an uploaded master and queues its audio job, together; then wakes the runner. Answers the episode as queued. */
export async function attachAudio(
  deps: EpisodeFileDeps,
  actor: Actor,
  episodeId: number,
  masterKey: string,
): Promise<Episode> {
  const episode = await runAction(deps, actor, async (trx, audit) => {
    const before = await episodeIn(trx, episodeId)
    await attachAudioMaster(trx, episodeId, masterKey)
    await enqueueAudio(trx, episodeId)
    await audit({ action: 'episode-audio-attached', subject: `episode:${episodeId}` })
    return { result: await episodeIn(trx, episodeId), tags: episodeTags(before) }
  })
  deps.wakeJobs?.()
  return episode
}

/** Queues an episode's audio again after a failed run; then wakes the runner. Readers see no change until it is made. */
export async function retryAudio(deps: EpisodeFileDeps, actor: Actor, episodeId: number): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const episode = await episodeIn(trx, episodeId)
    if (!episode.audioMasterKey) throw new NotFound('audio of episode', episodeId)
    await markAudioQueued(trx, episodeId)
    await enqueueAudio(trx, episodeId)
    await audit({ action: 'episode-audio-retried', subject: `episode:${episodeId}` })
    return { result: undefined, tags: [] }
  })
  deps.wakeJobs?.()
}

// ---- transcript

/**
 * Checks a WebVTT transcript and stores it under a new key (files are immutable), then records
 * it and re-indexes the episode; the old file goes after the commit, the new one if it fails.
 */
export async function setTranscript(
  deps: EpisodeFileDeps,
  actor: Actor,
  episodeId: number,
  vttText: string,
): Promise<void> {
  const text = validateWebVtt(vttText)
  const key = `podcasts/${episodeId}/transcript-${randomBytes(4).toString('hex')}.vtt`
  await deps.storage.put(key, Buffer.from(text, 'utf8'))
  let replaced: string | null
  try {
    replaced = await runAction(deps, actor, async (trx, audit) => {
      const before = await episodeIn(trx, episodeId)
      await replaceEpisodeTranscript(trx, episodeId, { key, text: transcriptPlainText(text) })
      await audit({ action: 'episode-transcript-set', subject: `episode:${episodeId}` })
      return { result: before.transcriptKey, tags: episodeTags(before) }
    })
  } catch (error) {
    await deps.storage.remove(key).catch(() => {})
    throw error
  }
  if (replaced) await deps.storage.remove(replaced).catch(() => {})
}

/** Removes the transcript: the row first, so a failure leaves only litter, never a broken link. */
export async function removeTranscript(deps: EpisodeFileDeps, actor: Actor, episodeId: number): Promise<void> {
  const removed = await runAction(deps, actor, async (trx, audit) => {
    const before = await episodeIn(trx, episodeId)
    if (!before.transcriptKey) throw new NotFound('transcript of episode', episodeId)
    await replaceEpisodeTranscript(trx, episodeId, null)
    await audit({ action: 'episode-transcript-removed', subject: `episode:${episodeId}` })
    return { result: before.transcriptKey, tags: episodeTags(before) }
  })
  await deps.storage.remove(removed).catch(() => {})
}

// ---- chapters

/** Each problem with a list of chapters: starts increasing and within the audio, titles of 1–200 characters. */
function chapterProblems(episode: Episode, chapters: readonly EpisodeChapter[]): string[] {
  const problems: string[] = []
  if (episode.durationSeconds === null)
    problems.push('Chapters can be added once the audio is ready: each start is checked against its length.')
  if (chapters.length > CHAPTER_LIMITS.chapters)
    problems.push(`An episode has at most ${CHAPTER_LIMITS.chapters} chapters.`)
  chapters.forEach((c, i) => {
    const title = c.title.trim()
    if (title.length < 1 || title.length > CHAPTER_LIMITS.title)
      problems.push(`Chapter ${i + 1}: a title has 1 to ${CHAPTER_LIMITS.title} characters.`)
    if (!Number.isFinite(c.startSeconds) || c.startSeconds < 0)
      problems.push(`Chapter ${i + 1}: the start must be zero or more seconds.`)
    else if (episode.durationSeconds !== null && c.startSeconds >= episode.durationSeconds)
      problems.push(`Chapter ${i + 1}: it starts after the episode ends.`)
    const before = chapters[i - 1]
    if (before && c.startSeconds <= before.startSeconds)
      problems.push(`Chapter ${i + 1}: it must start after chapter ${i}.`)
  })
  return problems
}

/** Checks and replaces an episode's chapters (an empty list removes them). Throws InvalidInput, writing nothing, for any problem. */
export async function setEpisodeChapters(
  deps: ActionDeps,
  actor: Actor,
  episodeId: number,
  chapters: readonly EpisodeChapter[],
): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const episode = await episodeIn(trx, episodeId)
    const problems = chapterProblems(episode, chapters)
    if (problems.length > 0) throw new InvalidInput('These chapters cannot be used.', problems)
    const clean = chapters.map(c => ({ startSeconds: c.startSeconds, title: c.title.trim() }))
    await replaceEpisodeChapters(trx, episodeId, clean)
    await audit({ action: 'episode-chapters-set', subject: `episode:${episodeId}`, detail: { count: clean.length } })
    return { result: undefined, tags: episodeTags(episode) }
  })
}
