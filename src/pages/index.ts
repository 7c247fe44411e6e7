// The pages part's door.
export { insertPage, findPageBySlug, listPageSlugs, findPageById, updatePage, listPages, type Page, type NewPage, type PageListing } from './store.js'
