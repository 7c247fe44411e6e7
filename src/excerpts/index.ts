// The excerpts part's door.
export {
  insertExcerpt,
  findExcerptById,
  updateExcerpt,
  findExcerptsByIds,
  listExcerptsOfDocumentary,
  listAllExcerpts,
  type Excerpt,
  type NewExcerpt,
} from './store.js'
export { parseTimecode, type ExcerptFilm } from './form.js'
