// The public site's stylesheet, web fonts and icon.
import { readdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { serveAsset } from '../platform/http/static-assets.js'
import { registerFontRoutes } from './fonts.js'

const here = new URL('./assets/', import.meta.url)
const stylesheets = new URL('./assets/css/', import.meta.url)

/**
 * The stylesheet is kept as one file per part of the site (assets/css/NNN-name.css) so each part's
 * rules can be read and changed alone, and served as one file, joined in name order: the numbers
 * keep the cascade's order, and one request keeps the first paint fast.
 */
function siteStylesheet(fontFaces: string): Buffer {
  const names = readdirSync(stylesheets)
    .filter(name => name.endsWith('.css'))
    .sort()
  // The @font-face rules come first: they name the fonts' fingerprinted addresses, so they are made in code.
  return Buffer.from([fontFaces, ...names.map(name => readFileSync(new URL(name, stylesheets), 'utf8'))].join('\n'))
}

/**
 * Registers the site's assets; returns the stylesheet's address, the fonts the first screen needs, and
 * the @font-face rules (the newsroom's stylesheet begins with them too, so editors read the same faces).
 */
export function registerAssetRoutes(app: FastifyInstance): {
  stylesheetHref: string
  fontPreloads: string[]
  fontFaces: string
} {
  const fonts = registerFontRoutes(app)
  const stylesheetHref = serveAsset(app, 'site.css', 'text/css; charset=utf-8', siteStylesheet(fonts.css))
  const iconHref = serveAsset(app, 'favicon.svg', 'image/svg+xml', readFileSync(new URL('favicon.svg', here)))
  app.get('/favicon.svg', async (_request, reply) => reply.redirect(iconHref, 301))
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(iconHref, 301))
  return { stylesheetHref, fontPreloads: fonts.preloads, fontFaces: fonts.css }
}
