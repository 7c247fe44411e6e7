// The site part's door: the public shell shared by every page.
export { createChromeSource, CHROME_TAGS, type Chrome } from './chrome.js'
export { sendPage, type PublicDeps, type PageToSend } from './render.js'
export { registerHomeRoutes, createErrorPageRenderer } from './routes.js'
export { registerAssetRoutes } from './assets.js'
export { loadBodyContext, buildBodyContext, bodyDocumentaryIds, bodyImageIds, toRenderImage, type LoadedBodyContext } from './body-context.js'
export { SlugParams, PageQuery } from './schemas.js'
export { Pagination, pageHref } from './views/pagination.js'
export { DateTime } from './views/dateline.js'
