// The funders part's door.
export {
  insertFunder, listFunders, listSiteWideFunders, findFundersByIds, findFunderById, findFunderBySlug, updateFunder, nextFunderPosition,
  type Funder, type NewFunder,
} from './store.js'
