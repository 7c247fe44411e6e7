// Maps a documentary's or an interview's video to what a player needs (the PlayableVideo contract).
import type { Db } from '../db/index.js'
import type { PlayableVideo } from './playable.js'
import { findVideoByDocumentary, findVideoByInterview, findVideosByInterviews, type Video } from './store.js'
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

/**
 * The recordings of these interviews for players that show no caption files or chapters of the
 * video's own (a story's excerpts take their captions from the transcript), keyed by interview
 * id: one query however many a story quotes.
 */
export async function findPlayableInterviewVideos(
  db: Db,
  interviewIds: readonly number[],
): Promise<Map<number, PlayableVideo>> {
  const videos = await findVideosByInterviews(db, interviewIds)
  return new Map([...videos].map(([interviewId, video]) => [interviewId, withoutTracks(video)]))
}

async function playable(db: Db, video: Video): Promise<PlayableVideo> {
  const found = withoutTracks(video)
  if (found.status !== 'ready') return found
  const [captions, chapters] = await Promise.all([listCaptions(db, video.id), listChapters(db, video.id)])
  found.captions = captions.map(c => ({ lang: c.lang, label: c.label, url: mediaUrl(c.storageKey) }))
  found.chapters = chapters.map(c => ({ startSeconds: c.startSeconds, title: c.title }))
  return found
}

/** What the player needs from the video's own row, its caption files and chapters left empty. */
function withoutTracks(video: Video): PlayableVideo {
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
  const playable: PlayableVideo = {
    status: 'ready',
    hlsUrl: mediaUrl(`${video.livePrefix}/master.m3u8`),
    mp4Url: mediaUrl(video.mp4Key!),
    posterUrl: mediaUrl(video.posterKey!),
    width: video.width!,
    height: video.height!,
    durationSeconds: video.durationSeconds!,
    captions: [],
    chapters: [],
  }
  if (video.thumbnailsKey) playable.thumbnailsUrl = mediaUrl(video.thumbnailsKey)
  return playable
}
