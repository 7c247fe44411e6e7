// Scheduled episodes: the job that publishes one when its date comes. An action arms it in the
// transaction that schedules the episode; the job re-arms itself when the date moved later.
import type { Db } from '../db/index.js'
import { insertAudit } from '../newsroom/index.js'
import type { ContentEvents } from '../platform/events.js'
import { enqueueJob } from '../platform/jobs/index.js'
import { findEpisodeById, publishScheduled, type EpisodeFields } from './store.js'
import { episodeTags } from './tags.js'

/** The job kind that publishes a scheduled episode at its date; payload `{ episodeId }`. */
export const PUBLISH_EPISODE_JOB = 'podcast-publish-episode'

/** Arms (or re-arms) the publication of a scheduled episode; a job finding it no longer scheduled does nothing. */
export async function scheduleEpisode(
  db: Db,
  episodeId: number,
  fields: Pick<EpisodeFields, 'status' | 'publishedAt'>,
): Promise<void> {
  if (fields.status !== 'scheduled' || !fields.publishedAt) return
  await enqueueJob(db, {
    kind: PUBLISH_EPISODE_JOB,
    payload: { episodeId },
    runAt: fields.publishedAt,
    uniqueKey: `${PUBLISH_EPISODE_JOB}:${episodeId}`,
  })
}

/**
 * The `podcast-publish-episode` job: publishes the episode if it is still scheduled and its time
 * has come (a later date re-arms the job), in one transaction with its audit entry; the cache
 * tags go out after the commit. No one signed in does this, so it has its own transaction rather
 * than `runAction`, in the same order. Idempotent.
 */
export async function publishScheduledEpisode(
  deps: { db: Db; events: ContentEvents },
  episodeId: number,
): Promise<void> {
  const episode = await findEpisodeById(deps.db, episodeId)
  if (episode?.status !== 'scheduled' || !episode.publishedAt) return
  if (Date.parse(episode.publishedAt) > Date.now() + 1000) {
    await scheduleEpisode(deps.db, episode.id, episode)
    return
  }
  const published = await deps.db.transaction().execute(async trx => {
    if (!(await publishScheduled(trx, episode.id))) return false
    await insertAudit(trx, {
      accountId: null,
      action: 'episode-published-on-schedule',
      subject: `episode:${episode.id}`,
    })
    return true
  })
  if (published) deps.events.emit({ tags: episodeTags(episode) })
}
