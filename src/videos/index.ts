// The videos part's door: a documentary's film, from master to what the player plays.
export type { PlayableCaptions, PlayableChapter, PlayableVideo } from './playable.js'
export { VIDEO_STATUSES, type VideoStatus } from './schema.js'
export { findVideoByDocumentary, findVideoById, listVideosByStatus, upsertVideo, type Rendition, type Video, type VideoChapter } from './store.js'
export { TRANSCODE_JOB, createTranscodeHandler, enqueueTranscode, retryVideo, type TranscodeDeps } from './transcode.js'
export { addCaptions, setChapters, type NewCaptions } from './captions.js'
export { findPlayableVideo, mediaUrl } from './find-playable.js'
export { DEMO_MASTER_JOB, createDemoMasterHandler, queueDemoVideos, renderDemoMaster } from './demo.js'
export { chaptersText, readChapters, CHAPTER_LIMITS } from './chapters-form.js'
