// The stories part's door.
export {
  insertStory,
  findPublishedStoryBySlug,
  hasAnyStory,
  type Story,
  type StorySummary,
  type NewStory,
} from './store.js'
export {
  listPublishedStories,
  latestStories,
  relatedStories,
  listPublishedStoriesAboutDocumentary,
  findPublishedStoriesByIds,
  listPublishedStoriesSince,
  listPublishedStorySlugs,
  type StoryListOptions,
} from './published-list-store.js'
export {
  loadStoryTeasers,
  buildStoryTeasers,
  storyTeaserTags,
  type StoryTeaser,
  type TeaserLookups,
} from './teasers.js'
export { storyUrl, sectionLabel } from './urls.js'
export { STORY_SECTIONS, STORY_STATUSES, type StorySection, type StoryStatus } from './schema.js'
export { findStoryForEditing, listRevisions, type EditableStory, type StoryRevision } from './draft-store.js'
export { listStoriesForNewsroom, type NewsroomStoryRow } from './newsroom-list-store.js'
export { storyTags, PUBLISH_JOB, publishScheduledStory, canEdit, allowedActions } from './workflow.js'
export { applyStoryAction, type StoryActor } from './actions.js'
export { listStorySearchDocuments } from './search.js'
export { listStoriesCitingInterview, type StoryCitingInterview } from './interview-references.js'
