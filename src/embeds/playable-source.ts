// Where pages get a documentary's playable film: the video pipeline's `findPlayableVideo`.
import type { Db } from '../db/index.js'
import { findPlayableVideo, type PlayableVideo } from '../videos/index.js'

export type { PlayableVideo }
/** A film that is ready to play. */
export type ReadyVideo = Extract<PlayableVideo, { status: 'ready' }>

/** Finds a documentary's film, or undefined when it has none. */
export type PlayableFinder = (db: Db, documentaryId: number) => Promise<PlayableVideo | undefined>

/** A documentary's playable film, from the pipeline. */
export const findPlayable: PlayableFinder = findPlayableVideo
