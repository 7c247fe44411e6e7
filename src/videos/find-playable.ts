// Maps a documentary's or an interview's video to what a player needs (the PlayableVideo contract).
import type { Db } from '../db/index.js'
import type { PlayableVideo } from './playable.js'
import { findVideoByDocumentary, findVideoByInterview, type Video } from './store.js'
import { listCaptions } from './caption-store.js'
import { listChapters } from './chapter-store.js'

/** The address the media route serves a stored key at. */
export function mediaUrl(key: string): string {
  return `/media/${key}`
}

/** The documentary's film for the player, or undefined when it has none. */
export async function findPlayableVideo(db: Db, documentaryId: number): Promise<PlayableVideo | undefined> {
  const video = await findVideoByDocumentary(db, documentaryId)
  return video && playable(db, video)
}

/**
 * The interview's recording for the player, or undefined when it has none. Its captions are
 * made from the transcript by the interview page, so none come from here.
 */
export async function findPlayableInterviewVideo(db: Db, interviewId: number): Promise<PlayableVideo | undefined> {
  const video = await findVideoByInterview(db, interviewId)
  return video && playable(db, video)
}

async function playable(db: Db, video: Video): Promise<PlayableVideo> {
  // Readers play the live outputs whatever a newer master is going through: a replacement
  // shows only once its own transcode is ready, and a refused one never.
  const live =
    video.livePrefix &&
    video.posterKey &&
    video.mp4Key &&
    video.width !== null &&
    video.height !== null &&
    video.durationSeconds !== null
  if (!live) {
    if (video.status === 'failed') return { status: 'failed' }
    return { status: 'processing', progress: video.status === 'queued' ? 0 : video.progress }
  }
  const [captions, chapters] = await Promise.all([listCaptions(db, video.id), listChapters(db, video.id)])
  const playable: PlayableVideo = {
    status: 'ready',
    hlsUrl: mediaUrl(`${video.livePrefix}/master.m3u8`),
    mp4Url: mediaUrl(video.mp4Key!),
    posterUrl: mediaUrl(video.posterKey!),
    width: video.width!,
    height: video.height!,
    durationSeconds: video.durationSeconds!,
    captions: captions.map(c => ({ lang: c.lang, label: c.label, url: mediaUrl(c.storageKey) })),
    chapters: chapters.map(c => ({ startSeconds: c.startSeconds, title: c.title })),
  }
  if (video.thumbnailsKey) playable.thumbnailsUrl = mediaUrl(video.thumbnailsKey)
  return playable
}
