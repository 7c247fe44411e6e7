// An excerpt in a story body (or on its embed page) becomes a player for just that passage:
// it starts at data-start, pauses at data-end, and has its own play button. The link to the
// full documentary stays as it is.
import { addControls } from './controls.js'
import { attachStream } from './source.js'
import { formatTimecode } from '../../src/body/timecode.js'

/** What /api/excerpts answers for one excerpt. */
export interface ExcerptMedia {
  id: number
  title: string
  hlsUrl: string
  mp4Url: string
  posterUrl: string
  width: number
  height: number
  start: number
  end: number
  captions: { lang: string; label: string; url: string }[]
}

/** Fetches the media of every excerpt on the page in one request; films not ready are left out. */
export async function loadExcerptMedia(ids: readonly string[]): Promise<Map<string, ExcerptMedia>> {
  if (ids.length === 0) return new Map()
  const response = await fetch(`/api/excerpts?ids=${ids.slice(0, 50).join(',')}`, {
    headers: { accept: 'application/json' },
  })
  if (!response.ok) return new Map()
  const body = (await response.json()) as { excerpts: ExcerptMedia[] }
  return new Map(body.excerpts.map(e => [String(e.id), e]))
}

/** Turns the figure's media box into a player of the passage. */
export function enhanceExcerpt(figure: HTMLElement, media: ExcerptMedia): void {
  const start = Number(figure.dataset.start ?? media.start) || 0
  const end = Number(figure.dataset.end ?? media.end) || media.end
  let box = figure.querySelector<HTMLElement>('.excerpt-media')
  if (!box) {
    box = document.createElement('div')
    box.className = 'excerpt-media'
    figure.prepend(box)
  }
  const root = document.createElement('div')
  root.className = 'player player--excerpt'
  root.setAttribute('role', 'region')
  root.setAttribute('aria-label', `Video excerpt: ${media.title}`)
  const video = document.createElement('video')
  video.className = 'player__video'
  video.controls = true
  video.preload = 'metadata'
  video.playsInline = true
  video.poster = media.posterUrl
  video.width = media.width
  video.height = media.height
  const source = document.createElement('source')
  // The media fragment keeps the progressive fallback to the passage too.
  source.src = `${media.mp4Url}#t=${start},${end}`
  source.type = 'video/mp4'
  video.append(source)
  for (const c of media.captions) {
    const track = document.createElement('track')
    track.kind = 'captions'
    track.srclang = c.lang
    track.label = c.label
    track.src = c.url
    video.append(track)
  }
  const play = document.createElement('button')
  play.type = 'button'
  play.className = 'excerpt-play'
  root.append(video, play)
  box.replaceChildren(root)
  addControls(root, video, [])
  keepToPassage(video, start, end)

  const label = () => {
    play.textContent = video.paused ? `Play the excerpt (${formatTimecode(end - start)})` : 'Pause the excerpt'
  }
  video.addEventListener('play', label)
  video.addEventListener('pause', label)
  label()
  play.addEventListener('click', () => {
    if (video.paused) void video.play().catch(() => undefined)
    else video.pause()
  })
  void attachStream(video, media.hlsUrl, start)
}

/** Plays only start..end: a play outside the passage starts again at its start, and playback pauses at its end. */
function keepToPassage(video: HTMLVideoElement, start: number, end: number): void {
  let frame = 0
  const stopAtEnd = () => {
    if (video.currentTime >= end - 0.04) {
      video.pause()
      video.currentTime = end
      return
    }
    if (!video.paused) frame = requestAnimationFrame(stopAtEnd)
  }
  video.addEventListener('play', () => {
    if (video.currentTime < start - 0.5 || video.currentTime >= end - 0.1) video.currentTime = start
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(stopAtEnd)
  })
  video.addEventListener('pause', () => cancelAnimationFrame(frame))
}
