// The funders part's door.
export {
  insertFunder, listFunders, listSiteWideFunders, findFundersByIds, findFunderById, findFunderBySlug, updateFunder, nextFunderPosition,
  type Funder, type NewFunder,
} from './store.js'
export { FunderCredits } from './views/funder-credits.js'
export { registerFunderRoutes } from './routes.js'
export { registerFunderAdminRoutes } from './admin.js'
