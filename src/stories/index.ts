// The stories part's door.
export {
  insertStory,
  findPublishedStoryBySlug,
  listPublishedStories,
  latestStories,
  relatedStories,
  listPublishedStoriesAboutDocumentary,
  findPublishedStoriesByIds,
  listPublishedStoriesSince,
  listPublishedStorySlugs,
  hasAnyStory,
  type Story,
  type StorySummary,
  type NewStory,
  type StoryListOptions,
} from './store.js'
export {
  loadStoryTeasers,
  buildStoryTeasers,
  storyTeaserTags,
  type StoryTeaser,
  type TeaserLookups,
} from './teasers.js'
export { storyUrl, sectionLabel } from './urls.js'
export { STORY_SECTIONS, STORY_STATUSES, type StorySection, type StoryStatus } from './schema.js'
export {
  findStoryForEditing,
  listRevisions,
  listStoriesForNewsroom,
  type EditableStory,
  type StoryRevision,
  type NewsroomStoryRow,
} from './draft-store.js'
export { storyTags, PUBLISH_JOB, publishScheduledStory, canEdit, allowedActions } from './workflow.js'
export { applyStoryAction, type StoryActor } from './actions.js'
export { listStorySearchDocuments } from './search.js'
export { listStoriesCitingInterview, type StoryCitingInterview } from './interview-references.js'
