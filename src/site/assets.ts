// The public site's stylesheet and icon.
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { serveAsset } from '../platform/http/static-assets.js'

const here = new URL('./assets/', import.meta.url)

/** Registers the site's assets; returns the stylesheet's address. */
export function registerAssetRoutes(app: FastifyInstance): { stylesheetHref: string } {
  const stylesheetHref = serveAsset(app, 'site.css', 'text/css; charset=utf-8', readFileSync(new URL('site.css', here)))
  const iconHref = serveAsset(app, 'favicon.svg', 'image/svg+xml', readFileSync(new URL('favicon.svg', here)))
  app.get('/favicon.svg', async (_request, reply) => reply.redirect(iconHref, 301))
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(iconHref, 301))
  return { stylesheetHref }
}
