// The player island's entry point, loaded as a module on public pages. It enhances the
// films the server rendered (`[data-player]`) and the excerpts in story bodies.
import { addControls } from './controls.js'
import { enhanceExcerpt, loadExcerptMedia, type ExcerptMedia } from './excerpt.js'
import { startFromQuery, type Chapter } from './keys.js'
import { attachStream } from './source.js'
import { enhanceTrailers } from './trailer.js'

function enhancePlayer(root: HTMLElement): void {
  const video = root.querySelector('video')
  if (!video) return
  const chapters = JSON.parse(root.dataset.chapters ?? '[]') as Chapter[]
  addControls(root, video, chapters)
  // The page's main film honours ?t= (chapter links, key moments in search results, excerpts).
  const start = root.dataset.player === 'main' ? (startFromQuery(location.search) ?? 0) : 0
  const hls = root.dataset.hlsSrc
  if (hls) void attachStream(video, hls, start)
}

for (const root of document.querySelectorAll<HTMLElement>('[data-player]')) {
  try {
    enhancePlayer(root)
  } catch (error) {
    // The plain <video> still plays; say why the extras are missing.
    console.error('The player could not start:', error)
  }
}

// An interview excerpt carries its media in the page (the story's render already loaded it).
for (const figure of document.querySelectorAll<HTMLElement>('figure.interview-excerpt[data-media]')) {
  try {
    enhanceExcerpt(figure, JSON.parse(figure.dataset.media ?? '') as ExcerptMedia)
  } catch (error) {
    console.error('The interview excerpt player could not start:', error)
  }
}

const figures = [...document.querySelectorAll<HTMLElement>('figure.excerpt[data-excerpt-id]')]
if (figures.length > 0) {
  loadExcerptMedia(figures.map(f => f.dataset.excerptId ?? '').filter(id => /^\d+$/.test(id)))
    .then(media => {
      for (const figure of figures) {
        const found = media.get(figure.dataset.excerptId ?? '')
        if (found) enhanceExcerpt(figure, found)
      }
    })
    .catch((error: unknown) => console.error('The excerpt players could not start:', error))
}

enhanceTrailers()
