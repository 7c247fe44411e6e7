// The controls the island adds beside a <video>: captions, playback speed and chapters as
// groups of buttons with aria-pressed / aria-current, and the keyboard while the player has focus.
import { formatTimecode } from '../../src/body/timecode.js'
import { actionForKey, currentChapter, type Chapter } from './keys.js'

const SPEEDS = [0.75, 1, 1.25, 1.5, 2]

/** Creates an element with a class and text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function button(label: string, className = 'player__button'): HTMLButtonElement {
  const b = el('button', className, label)
  b.type = 'button'
  return b
}

/** A labelled group of toggle buttons where exactly one is pressed. */
function toggleGroup(label: string): HTMLElement {
  const group = el('div', 'player__group')
  group.setAttribute('role', 'group')
  group.setAttribute('aria-label', label)
  group.append(el('span', 'player__group-label', label))
  return group
}

function press(group: HTMLElement, pressed: HTMLButtonElement | undefined): void {
  for (const b of group.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === pressed))
}

/** Shows captions in one language (or none when lang is undefined). */
export function showCaptions(video: HTMLVideoElement, lang: string | undefined): void {
  for (const track of Array.from(video.textTracks)) {
    if (track.kind !== 'captions' && track.kind !== 'subtitles') continue
    track.mode = track.language === lang ? 'showing' : 'disabled'
  }
  video.dispatchEvent(new Event('captionschange'))
}

/** The language whose captions are showing, if any. */
function showingLanguage(video: HTMLVideoElement): string | undefined {
  return Array.from(video.textTracks).find(t => t.mode === 'showing')?.language
}

/** The captions menu: Off plus one button per <track>. */
function captionsMenu(video: HTMLVideoElement): HTMLElement | undefined {
  const tracks = Array.from(video.querySelectorAll('track')).filter(
    t => t.kind === 'captions' || t.kind === 'subtitles',
  )
  if (tracks.length === 0) return undefined
  const group = toggleGroup('Captions')
  const off = button('Off')
  off.addEventListener('click', () => showCaptions(video, undefined))
  group.append(off)
  const byLang = new Map<string, HTMLButtonElement>()
  for (const track of tracks) {
    const b = button(track.label || track.srclang)
    b.lang = track.srclang
    b.dataset.lang = track.srclang
    b.addEventListener('click', () => showCaptions(video, track.srclang))
    byLang.set(track.srclang, b)
    group.append(b)
  }
  const sync = () => {
    const lang = showingLanguage(video)
    press(group, lang === undefined ? off : byLang.get(lang))
  }
  video.addEventListener('captionschange', sync)
  video.textTracks.addEventListener('change', sync)
  sync()
  return group
}

function speedMenu(video: HTMLVideoElement): HTMLElement {
  const group = toggleGroup('Speed')
  const buttons = SPEEDS.map(speed => {
    const b = button(`${speed}×`)
    b.setAttribute('aria-label', `${speed} times`)
    b.addEventListener('click', () => {
      video.playbackRate = speed
    })
    group.append(b)
    return [speed, b] as const
  })
  const sync = () => press(group, buttons.find(([s]) => s === video.playbackRate)?.[1])
  video.addEventListener('ratechange', sync)
  sync()
  return group
}

function chaptersList(video: HTMLVideoElement, chapters: readonly Chapter[]): HTMLElement {
  const nav = el('nav', 'player__chapters')
  nav.setAttribute('aria-label', 'Chapters')
  nav.append(el('h3', 'player__chapters-heading', 'Chapters'))
  const list = el('ol', 'player__chapter-list')
  const buttons = chapters.map(c => {
    const b = button('', 'player__chapter')
    b.dataset.seek = String(c.startSeconds)
    b.append(
      el('span', 'player__chapter-time', formatTimecode(c.startSeconds)),
      ' ',
      el('span', 'player__chapter-title', c.title),
    )
    b.addEventListener('click', () => {
      video.currentTime = c.startSeconds
      if (video.paused) void video.play().catch(() => undefined)
    })
    const item = el('li', '')
    item.append(b)
    list.append(item)
    return b
  })
  nav.append(list)
  let shown = -2
  const sync = () => {
    const now = currentChapter(chapters, video.currentTime)
    if (now === shown) return
    shown = now
    buttons.forEach((b, i) => {
      if (i === now) b.setAttribute('aria-current', 'true')
      else b.removeAttribute('aria-current')
    })
  }
  video.addEventListener('timeupdate', sync)
  video.addEventListener('seeked', sync)
  sync()
  return nav
}

/** Adds the controls for `video` to `root` and handles keys pressed inside it. */
export function addControls(root: HTMLElement, video: HTMLVideoElement, chapters: readonly Chapter[]): void {
  const bar = el('div', 'player__controls')
  const captions = captionsMenu(video)
  if (captions) bar.append(captions)
  bar.append(speedMenu(video))
  video.after(bar)
  if (chapters.length > 0) bar.after(chaptersList(video, chapters))
  if (video.tabIndex < 0) video.tabIndex = 0
  let lastLang = Array.from(video.textTracks).find(t => t.kind === 'captions')?.language
  root.addEventListener('keydown', event => {
    const target = event.target as HTMLElement
    // Buttons and links keep Space and Enter; form fields keep every key.
    if (target.closest('input, select, textarea')) return
    if (event.key === ' ' && target.closest('button, a')) return
    const action = actionForKey(event)
    if (!action) return
    event.preventDefault()
    switch (action.type) {
      case 'toggle-play':
        if (video.paused) void video.play().catch(() => undefined)
        else video.pause()
        break
      case 'seek-by':
        video.currentTime = Math.max(0, Math.min(video.duration || Infinity, video.currentTime + action.seconds))
        break
      case 'toggle-mute':
        video.muted = !video.muted
        break
      case 'toggle-captions': {
        const showing = showingLanguage(video)
        if (showing !== undefined) lastLang = showing
        showCaptions(video, showing === undefined ? lastLang : undefined)
        break
      }
      case 'toggle-fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
        else void root.requestFullscreen().catch(() => undefined)
        break
    }
  })
}
