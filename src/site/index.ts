// The site part's door: the public shell shared by every page.
export { createChromeSource, CHROME_TAGS, type Chrome } from './chrome.js'
export type { PublicDeps, PlayerScripts } from './deps.js'
export { registerAssetRoutes } from './assets.js'
export {
  loadBodyContext,
  buildBodyContext,
  bodyDocumentaryIds,
  bodyImageIds,
  toRenderImage,
  type LoadedBodyContext,
} from './body-context.js'
export { assertBodyReferencesExist, findMissingBodyReferences } from './body-references.js'
export { SlugParams, PageQuery } from './schemas.js'
export { pageHref } from './urls.js'
