// What an editor does on an interview's video page: attach an uploaded master and retry a failed
// transcode. The video is the videos part's (the same upload, transcode, HLS, poster and
// sprite as a documentary's film, through its door); its cuts come from the withheld passages,
// so a recording attached after passages were withheld never shows them. Each is one runAction
// transaction with the interview's revision, search entry and audit row; the interview's pages
// drop and the runner wakes after the commit.
import type { Db } from '../db/index.js'
import { ownUpload } from '../media/index.js'
import { runAction, type Actor } from '../newsroom/index.js'
import { NotFound } from '../platform/errors.js'
import {
  enqueueTranscode,
  findVideoByInterview,
  removeVideoOutputs,
  retryVideo,
  setVideoCuts,
  upsertInterviewVideo,
  type Video,
} from '../videos/index.js'
import { editableInterview, interviewTags, recordChange } from './actions.js'
import { listPassages, withheldSpans } from './passages.js'
import { findInterviewLinks } from './store.js'
import type { InterviewMediaDeps } from './transcript-actions.js'

/** What the video's actions need: the database and events, storage (old renditions go after a recut) and the runner. */
export interface InterviewVideoDeps extends InterviewMediaDeps {
  wakeJobs: () => void
}

async function tagsOf(db: Db, interview: { id: number; personId: number }): Promise<string[]> {
  return interviewTags(
    interview,
    (await findInterviewLinks(db, [interview.id])).get(interview.id)?.documentaryIds ?? [],
  )
}

/**
 * Makes the actor's finished video upload the interview's master, cutting its withheld passages,
 * and queues the transcode. What readers play now stays until the new one is ready. Refused
 * (nothing stored) for an upload that is not the actor's own finished video, or an interview
 * the actor may not change.
 */
export async function attachInterviewVideo(
  deps: InterviewVideoDeps,
  actor: Actor,
  interviewId: number,
  uploadId: string | undefined,
): Promise<Video> {
  const { video, removeAfterCommit } = await runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, interviewId, 'change this interview’s video')
    const upload = await ownUpload(trx, actor.accountId, uploadId, 'video')
    const saved = await upsertInterviewVideo(trx, interview.id, upload.storageKey)
    const spans = withheldSpans(await listPassages(trx, interview.id))
    const cuts = await setVideoCuts(trx, saved.id, spans)
    await enqueueTranscode(trx, saved.id)
    await recordChange(trx, audit, actor, interview.id, 'interview-video-attached', {
      filename: upload.filename,
      cuts: spans.length,
    })
    return { result: { video: saved, removeAfterCommit: cuts.removeAfterCommit }, tags: await tagsOf(trx, interview) }
  })
  if (removeAfterCommit) await removeVideoOutputs(deps.storage, removeAfterCommit)
  deps.wakeJobs()
  return video
}

/** Queues the interview's video to be transcoded again (refused when its master was refused for what it holds). */
export async function retryInterviewVideo(deps: InterviewVideoDeps, actor: Actor, interviewId: number): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, interviewId, 'change this interview’s video')
    const video = await findVideoByInterview(trx, interview.id)
    if (!video) throw new NotFound('video of interview', interview.id)
    await retryVideo(trx, video.id)
    await recordChange(trx, audit, actor, interview.id, 'interview-video-retried')
    return { result: undefined, tags: await tagsOf(trx, interview) }
  })
  deps.wakeJobs()
}
