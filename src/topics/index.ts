// The topics part's door.
export {
  insertTopic,
  listTopics,
  findTopicBySlug,
  findTopicsByIds,
  findTopicById,
  type Topic,
  type NewTopic,
} from './store.js'
export { createTopic, updateTopic, moveTopic, type TopicInput, type TopicDirection } from './actions.js'
export { listTopicSearchDocuments } from './search.js'
