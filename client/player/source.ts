// Gives a <video> its HLS stream: natively where the browser plays HLS, through hls.js
// (imported on demand from its own bundle) where it has Media Source Extensions, and
// otherwise leaves the MP4 <source> the server rendered.
import type HlsType from 'hls.js'

type HlsConstructor = typeof HlsType

/** Where the hls.js bundle is served, as the page's player script says. */
function hlsBundle(): string | undefined {
  return document.querySelector<HTMLScriptElement>('script[data-hls]')?.dataset.hls
}

/** Attaches `hlsUrl` to the video, starting at `start` seconds; resolves once attached (or left on MP4). */
export async function attachStream(video: HTMLVideoElement, hlsUrl: string, start = 0): Promise<void> {
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') {
    video.src = hlsUrl
    seekWhenReady(video, start)
    return
  }
  const bundle = hlsBundle()
  if (!bundle || typeof MediaSource === 'undefined') return seekWhenReady(video, start)
  const Hls = ((await import(bundle)) as { default: HlsConstructor }).default
  if (!Hls.isSupported()) return seekWhenReady(video, start)
  // No worker: the policy allows no blob: scripts, and the main thread copes with one stream.
  const hls = new Hls({ enableWorker: false, startPosition: start > 0 ? start : -1, capLevelToPlayerSize: true })
  hls.on(Hls.Events.ERROR, (_event, data) => {
    // A fatal stream error falls back to the progressive MP4 rather than a dead player.
    if (!data.fatal) return
    const at = video.currentTime
    hls.destroy()
    video.removeAttribute('src')
    video.load()
    seekWhenReady(video, at)
  })
  hls.loadSource(hlsUrl)
  hls.attachMedia(video)
}

/** Seeks to `start` once the video knows its duration (at once if it already does). */
export function seekWhenReady(video: HTMLVideoElement, start: number): void {
  if (!(start > 0)) return
  const seek = () => {
    if (Math.abs(video.currentTime - start) > 0.5) video.currentTime = start
  }
  if (video.readyState >= 1) seek()
  else video.addEventListener('loadedmetadata', seek, { once: true })
}
