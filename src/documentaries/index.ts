// The documentaries part's door.
export {
  insertDocumentary,
  updateDocumentary,
  setDocumentaryRuntime,
  findDocumentaryById,
  findDocumentaryBySlug,
  findPublishedDocumentaryBySlug,
  listPublishedDocumentaries,
  latestDocumentaries,
  findPublishedDocumentariesByIds,
  listPublishedDocumentariesByTopic,
  listPublishedDocumentarySlugs,
  listAllDocumentaries,
  type Documentary,
  type NewDocumentary,
  type Credit,
} from './store.js'
export {
  loadDocumentaryTeasers,
  buildDocumentaryTeasers,
  documentaryTeaserTags,
  type DocumentaryTeaser,
} from './teasers.js'
export { documentaryUrl } from './urls.js'
export { listDocumentarySearchDocuments } from './search.js'
