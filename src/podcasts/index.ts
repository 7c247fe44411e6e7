// The podcasts part's door: shows, episodes and their audio, what an editor does to them (actions.ts) and the jobs.
// The pages are registered by routes.tsx, admin.tsx and audio-admin.tsx, which app.ts alone imports.
export {
  AUDIO_STATUSES,
  EPISODE_STATUSES,
  EPISODE_TYPES,
  SHOW_TYPES,
  type AudioStatus,
  type EpisodeStatus,
  type EpisodeType,
  type ShowType,
} from './schema.js'
export {
  findShowById,
  findShowBySlug,
  insertShow,
  listPodcastSitemapPaths,
  listShows,
  type Show,
  type ShowFields,
} from './show-store.js'
export {
  findEpisodeById,
  findEpisodeBySlug,
  findPublishedEpisode,
  insertEpisode,
  listFeedEpisodes,
  listScheduledEpisodes,
  listEpisodesByAudioStatus,
  type Episode,
  type EpisodeFields,
} from './store.js'
export { listEpisodeChapters, type EpisodeChapter } from './chapter-store.js'
export { podcastGuid, uuidV5, PODCAST_GUID_NAMESPACE } from './guid.js'
export { APPLE_CATEGORIES, categoryProblem } from './categories.js'
export {
  attachAudio,
  createEpisode,
  createShow,
  editEpisode,
  editShow,
  removeTranscript,
  retryAudio,
  setEpisodeChapters,
  setTranscript,
  type EpisodeFileDeps,
  type ShowActionDeps,
} from './actions.js'
export { PUBLISH_EPISODE_JOB, publishScheduledEpisode } from './schedule.js'
export { AUDIO_JOB, LOUDNESS_TARGET, createAudioHandler, enqueueAudio, type AudioDeps } from './audio.js'
export {
  DEMO_AUDIO_JOB,
  createDemoAudioHandler,
  queueDemoAudio,
  renderDemoAudio,
  demoTranscript,
  type DemoAudioPayload,
} from './demo.js'
export { episodeUrl, showUrl, showFeedPath, showFeedUrl } from './urls.js'
export { listEpisodeSearchDocuments } from './search.js'
