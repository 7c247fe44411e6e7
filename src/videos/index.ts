// The videos part's door: a documentary's film or an interview's recording, from master to what the player plays.
export type { PlayableCaptions, PlayableChapter, PlayableVideo } from './playable.js'
export { VIDEO_STATUSES, type VideoStatus } from './schema.js'
export {
  findVideoByDocumentary,
  findVideoById,
  findVideoByInterview,
  findVideosByInterviews,
  listVideosByStatus,
  upsertInterviewVideo,
  upsertVideo,
  type Rendition,
  type Video,
  type VideoOwner,
} from './store.js'
export type { VideoChapter } from './chapter-store.js'
export { normalizeCuts, removeVideoOutputs, setVideoCuts } from './cuts.js'
export {
  TRANSCODE_JOB,
  createTranscodeHandler,
  enqueueTranscode,
  retryVideo,
  type TranscodeDeps,
  type VideoOwnerHooks,
  type VideoOwners,
} from './transcode.js'
export { addCaptions, setChapters, type NewCaptions } from './captions.js'
export { REMOVE_REPLACED_VIDEO_FILES_JOB, createReplacedFilesHandler } from './replaced-files.js'
export {
  findPlayableInterviewVideo,
  findPlayableInterviewVideos,
  findPlayableVideo,
  mediaUrl,
} from './find-playable.js'
export {
  DEMO_MASTER_JOB,
  createDemoMasterHandler,
  queueDemoVideos,
  renderDemoMaster,
  renderMasterInScratch,
  type CutDemoFilm,
  type DemoMasterRecipe,
  type DemoStill,
} from './demo.js'
export { STILL_H, STILL_W } from './demo-cards.js'
export { chaptersText, readChapters, CHAPTER_LIMITS } from './chapters-form.js'
