// The embeds part's door: players for our pages and for other sites.
export { registerEmbedRoutes } from './routes.js'
export { servePlayerAssets, type PlayerAssets } from './assets.js'
export { VideoPlayer, type VideoPlayerProps } from './views/video-player.js'
export { findPlayable, type PlayableVideo, type ReadyVideo, type PlayableFinder } from './playable-source.js'
