// The featured film's trailer on /documentaries (`[data-trailer]`, rendered by
// src/documentaries/views/featured-film.tsx). Without JavaScript, "Watch the trailer" is a link to
// the film's page at the passage. Here it becomes a button; pressing it puts a player of the
// passage in the poster's place and plays it MUTED: nothing plays before the reader asks, and
// never with sound first (the reader turns the sound on in the player).
import { enhanceExcerpt, type ExcerptMedia } from './excerpt.js'

/** Turns each trailer link on the page into a button that starts the muted trailer. */
export function enhanceTrailers(): void {
  for (const box of document.querySelectorAll<HTMLElement>('[data-trailer]')) {
    const link = box.closest('.featured-film')?.querySelector<HTMLAnchorElement>('[data-trailer-button]')
    if (!link) continue
    const media = JSON.parse(box.dataset.trailer ?? '') as ExcerptMedia
    const button = document.createElement('button')
    button.type = 'button'
    button.className = link.className
    button.textContent = link.textContent
    if (!box.id) box.id = `trailer-${media.id}`
    button.setAttribute('aria-controls', box.id)
    link.replaceWith(button)
    button.addEventListener('click', () => playTrailer(box, media, button), { once: true })
  }
}

function playTrailer(box: HTMLElement, media: ExcerptMedia, button: HTMLButtonElement): void {
  enhanceExcerpt(box, media)
  box.classList.add('is-playing')
  const video = box.querySelector('video')
  if (!video) return
  video.muted = true
  video.defaultMuted = true
  // Muted autoplay is allowed everywhere; it also starts the stream once hls.js has attached it.
  video.autoplay = true
  void video.play().catch(() => undefined)
  button.hidden = true
  video.focus()
}
