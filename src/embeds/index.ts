// The embeds part's door: players for our pages and for other sites.
export { servePlayerAssets, type PlayerAssets } from './assets.js'
export { findPlayable, type PlayableVideo, type ReadyVideo, type PlayableFinder } from './playable-source.js'
