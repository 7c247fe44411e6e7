// The pages part's door.
export {
  insertPage,
  findPageBySlug,
  listPageSlugs,
  findPageById,
  listPages,
  type Page,
  type NewPage,
  type PageListing,
} from './store.js'
export { createPage, updatePage } from './actions.js'
