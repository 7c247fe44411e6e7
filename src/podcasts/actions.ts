// The writes of the podcasts part, each one transaction with its audit entry. Publishing,
// editing and unpublishing an episode all go through `createEpisode` and `editEpisode` (the
// status is one of the form's fields), so whatever must follow an episode's text (a search
// index) has one place to join the transaction.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.js'
import { insertAudit, slugTakenError } from '../newsroom/index.js'
import type { ContentEvents } from '../platform/events.js'
import { enqueueJob } from '../platform/jobs/index.js'
import { InvalidInput } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import type { Storage } from '../platform/storage/index.js'
import { validateWebVtt } from '../platform/webvtt.js'
import { CHAPTER_LIMITS } from '../videos/index.js'
import { transcriptPlainText } from './transcript.js'
import { enqueueAudio } from './audio.js'
import { podcastGuid } from './guid.js'
import { episodeUrl, showFeedPath, showUrl } from './urls.js'
import { episodeTags } from './tags.js'

/** The job kind that publishes a scheduled episode at its date; payload `{ episodeId }`. */
export const PUBLISH_EPISODE_JOB = 'podcast-publish-episode'

/** Arms (or re-arms) the publication of a scheduled episode; a job finding it no longer scheduled does nothing. */
async function schedule(db: Db, episodeId: number, fields: EpisodeFields): Promise<void> {
  if (fields.status !== 'scheduled' || !fields.publishedAt) return
  await enqueueJob(db, { kind: PUBLISH_EPISODE_JOB, payload: { episodeId }, runAt: fields.publishedAt, uniqueKey: `${PUBLISH_EPISODE_JOB}:${episodeId}` })
}
import { replaceEpisodeChapters, type EpisodeChapter } from './chapter-store.js'
import { findShowById, findShowBySlug, insertShow, updateShow, type Show, type ShowFields } from './show-store.js'
import {
  attachAudioMaster, findEpisodeById, findEpisodeBySlug, publishScheduled, insertEpisode, replaceEpisodeTranscript, updateEpisode,
  type Episode, type EpisodeFields,
} from './store.js'

/** Who made a change, for the audit log. */
export interface Actor {
  accountId: number
  ip: string
}

/** A show's feed address (its podcast:guid is computed from the first one). */
export function showFeedUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}${showFeedPath(slug)}`
}

/** Creates a show; its podcast:guid comes from its feed URL now and is never recomputed. */
export async function createShow(db: Db, input: { fields: ShowFields; publicUrl: string; actor: Actor }): Promise<Show> {
  return db.transaction().execute(async (trx) => {
    if (await findShowBySlug(trx, input.fields.slug)) throw slugTakenError()
    const show = await insertShow(trx, { ...input.fields, podcastGuid: podcastGuid(showFeedUrl(input.publicUrl, input.fields.slug)) })
    await insertAudit(trx, { accountId: input.actor.accountId, action: 'podcast-created', subject: `podcast:${show.id}`, detail: { slug: show.slug }, ip: input.actor.ip })
    return show
  })
}

/** Saves a show's fields. */
export async function editShow(db: Db, input: { show: Show; fields: ShowFields; actor: Actor }): Promise<void> {
  const { show, fields, actor } = input
  await db.transaction().execute(async (trx) => {
    const holder = await findShowBySlug(trx, fields.slug)
    if (holder && holder.id !== show.id) throw slugTakenError()
    await updateShow(trx, show.id, fields)
    // The show's page, its feed (podcast apps follow a feed's 301) and every episode below it.
    if (show.slug !== fields.slug) await recordMovedPath(trx, showUrl(show.slug), showUrl(fields.slug))
    const changed = (Object.keys(fields) as (keyof ShowFields)[]).filter((k) => fields[k] !== show[k])
    await insertAudit(trx, { accountId: actor.accountId, action: 'podcast-updated', subject: `podcast:${show.id}`, detail: { changed }, ip: actor.ip })
  })
}

/** Creates an episode (a draft or published at once) with its GUID, made here once. */
export async function createEpisode(db: Db, input: { show: Show; fields: EpisodeFields; actor: Actor }): Promise<Episode> {
  const { show, fields, actor } = input
  return db.transaction().execute(async (trx) => {
    if (await findEpisodeBySlug(trx, show.id, fields.slug)) throw slugTakenError()
    const episode = await insertEpisode(trx, show.id, fields)
    await schedule(trx, episode.id, fields)
    await insertAudit(trx, {
      accountId: actor.accountId, action: 'episode-created', subject: `episode:${episode.id}`, detail: { slug: episode.slug, status: episode.status }, ip: actor.ip,
    })
    return episode
  })
}

/** What a save did to an episode's status, for the audit log. */
function statusAction(before: Episode, after: EpisodeFields): string {
  if (before.status !== 'scheduled' && after.status === 'scheduled') return 'episode-scheduled'
  if (before.status !== 'published' && after.status === 'published') return 'episode-published'
  if (before.status === 'published' && after.status !== 'published') return 'episode-unpublished'
  return 'episode-updated'
}

/** Saves an episode's fields: editing, publishing and unpublishing. Its GUID never changes. */
export async function editEpisode(db: Db, input: { episode: Episode; fields: EpisodeFields; actor: Actor }): Promise<void> {
  const { episode, fields, actor } = input
  await db.transaction().execute(async (trx) => {
    const holder = await findEpisodeBySlug(trx, episode.showId, fields.slug)
    if (holder && holder.id !== episode.id) throw slugTakenError()
    await updateEpisode(trx, episode.id, fields)
    if (episode.status === 'published' && episode.slug !== fields.slug) {
      const show = await findShowById(trx, episode.showId)
      if (show) await recordMovedPath(trx, episodeUrl(show.slug, episode.slug), episodeUrl(show.slug, fields.slug))
    }
    await schedule(trx, episode.id, fields)
    const keys = ['slug', 'title', 'number', 'season', 'episodeType', 'status', 'publishedAt', 'summary', 'showNotes'] as const
    const changed = keys.filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(episode[k]))
    await insertAudit(trx, { accountId: actor.accountId, action: statusAction(episode, fields), subject: `episode:${episode.id}`, detail: { changed }, ip: actor.ip })
  })
}

/**
 * The `podcast-publish-episode` job: publishes the episode if it is still scheduled and its time
 * has come (a later date re-arms the job), in one transaction with its audit entry. Idempotent.
 */
export async function publishScheduledEpisode(deps: { db: Db; events: ContentEvents }, episodeId: number): Promise<void> {
  const episode = await findEpisodeById(deps.db, episodeId)
  if (!episode || episode.status !== 'scheduled' || !episode.publishedAt) return
  if (Date.parse(episode.publishedAt) > Date.now() + 1000) {
    await schedule(deps.db, episode.id, episode)
    return
  }
  const published = await deps.db.transaction().execute(async (trx) => {
    if (!(await publishScheduled(trx, episode.id))) return false
    await insertAudit(trx, { accountId: null, action: 'episode-published-on-schedule', subject: `episode:${episode.id}` })
    return true
  })
  if (published) deps.events.emit({ tags: episodeTags(episode) })
}

/** Attaches an uploaded master and queues its audio job, together. Call the runner's `wake()` after. */
export async function attachAudio(db: Db, input: { episode: Episode; masterKey: string; actor: Actor }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await attachAudioMaster(trx, input.episode.id, input.masterKey)
    await enqueueAudio(trx, input.episode.id)
    await insertAudit(trx, { accountId: input.actor.accountId, action: 'episode-audio-attached', subject: `episode:${input.episode.id}`, detail: {}, ip: input.actor.ip })
  })
}

/** Checks a WebVTT transcript, stores it under a new key (files are immutable) and drops the old one. */
export async function setTranscript(db: Db, storage: Storage, input: { episode: Episode; vttText: string; actor: Actor }): Promise<void> {
  const text = validateWebVtt(input.vttText)
  const key = `podcasts/${input.episode.id}/transcript-${randomBytes(4).toString('hex')}.vtt`
  await storage.put(key, Buffer.from(text, 'utf8'))
  await db.transaction().execute(async (trx) => {
    await replaceEpisodeTranscript(trx, input.episode.id, { key, text: transcriptPlainText(text) })
    await insertAudit(trx, { accountId: input.actor.accountId, action: 'episode-transcript-set', subject: `episode:${input.episode.id}`, detail: {}, ip: input.actor.ip })
  })
  if (input.episode.transcriptKey) await storage.remove(input.episode.transcriptKey).catch(() => {})
}

/** Removes the transcript: the row first, so a failure leaves only litter, never a broken link. */
export async function removeTranscript(db: Db, storage: Storage, input: { episode: Episode; actor: Actor }): Promise<void> {
  if (!input.episode.transcriptKey) return
  await db.transaction().execute(async (trx) => {
    await replaceEpisodeTranscript(trx, input.episode.id, null)
    await insertAudit(trx, { accountId: input.actor.accountId, action: 'episode-transcript-removed', subject: `episode:${input.episode.id}`, detail: {}, ip: input.actor.ip })
  })
  await storage.remove(input.episode.transcriptKey).catch(() => {})
}

/** Checks and replaces an episode's chapters: starts increasing and within the audio, titles of 1–200 characters. */
export async function setEpisodeChapters(db: Db, input: { episode: Episode; chapters: readonly EpisodeChapter[]; actor: Actor }): Promise<void> {
  const { episode, chapters } = input
  const problems: string[] = []
  if (chapters.length > CHAPTER_LIMITS.chapters) problems.push(`An episode has at most ${CHAPTER_LIMITS.chapters} chapters.`)
  const clean = chapters.map((c, i) => {
    const title = c.title.trim()
    if (title.length < 1 || title.length > CHAPTER_LIMITS.title) problems.push(`Chapter ${i + 1}: a title has 1 to ${CHAPTER_LIMITS.title} characters.`)
    if (!Number.isFinite(c.startSeconds) || c.startSeconds < 0) problems.push(`Chapter ${i + 1}: the start must be zero or more seconds.`)
    else if (episode.durationSeconds !== null && c.startSeconds >= episode.durationSeconds) problems.push(`Chapter ${i + 1}: it starts after the episode ends.`)
    const before = chapters[i - 1]
    if (before && c.startSeconds <= before.startSeconds) problems.push(`Chapter ${i + 1}: it must start after chapter ${i}.`)
    return { startSeconds: c.startSeconds, title }
  })
  if (problems.length > 0) throw new InvalidInput('These chapters cannot be used.', problems)
  await db.transaction().execute(async (trx) => {
    await replaceEpisodeChapters(trx, episode.id, clean)
    await insertAudit(trx, { accountId: input.actor.accountId, action: 'episode-chapters-set', subject: `episode:${episode.id}`, detail: { count: clean.length }, ip: input.actor.ip })
  })
}
