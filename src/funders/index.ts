// The funders part's door.
export {
  insertFunder,
  listFunders,
  listSiteWideFunders,
  findFundersByIds,
  findFunderById,
  findFunderBySlug,
  type Funder,
  type NewFunder,
} from './store.js'
export { createFunder, updateFunder, type FunderInput } from './actions.js'
