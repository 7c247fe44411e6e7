// The player island's two bundles: the small player (on every public page) and hls.js,
// which the player imports only when the browser cannot play HLS by itself.
import type { FastifyInstance } from 'fastify'
import { serveClientScript } from '../platform/http/client-assets.js'

/** Addresses of the player bundles. */
export interface PlayerAssets {
  script: string
  hls: string
}

/** Bundles and serves client/player; returns where the bundles live. */
export async function servePlayerAssets(app: FastifyInstance): Promise<PlayerAssets> {
  const [script, hls] = await Promise.all([
    serveClientScript(app, 'player/main.ts', 'player.js'),
    serveClientScript(app, 'player/hls.ts', 'hls.js'),
  ])
  return { script, hls }
}
