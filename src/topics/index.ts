// The topics part's door.
export {
  insertTopic, listTopics, findTopicBySlug, findTopicsByIds, findTopicById, updateTopic, nextTopicPosition, renumberTopics,
  type Topic, type NewTopic,
} from './store.js'
export { listTopicSearchDocuments } from './search.js'
