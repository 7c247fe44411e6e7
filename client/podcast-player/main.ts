// The podcast player island. The page works without it: a native <audio controls> with MP3
// and AAC sources, and the chapters as a list. With it, the player gets its own controls:
// play/pause, back 15 s, forward 30 s, speed, a seek bar with the time, and the chapters
// become buttons that seek, with the current one marked. Every control is a real button,
// range or select, so the keyboard and screen readers work as they do anywhere; the live
// region speaks only after something the listener did (a chapter jump, a speed change).
import { formatTimecode } from '../../src/body/timecode.js'
import { chapterAt, nextSpeed } from './time.js'

interface Chapter {
  start: number
  title: string
  item: HTMLElement
  button: HTMLButtonElement
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value)
  if (text) node.textContent = text
  return node
}

function mount(root: HTMLElement): void {
  const audio = root.querySelector('audio')
  if (!audio) return
  const title = root.getAttribute('aria-label') ?? 'Player'
  const controls = el('div', { class: 'podcast-player__controls' })
  const play = el('button', { type: 'button', class: 'podcast-player__play', 'aria-label': 'Play' }, 'Play')
  const back = el('button', { type: 'button', class: 'podcast-player__skip', 'aria-label': 'Back 15 seconds' }, '−15 s')
  const forward = el(
    'button',
    { type: 'button', class: 'podcast-player__skip', 'aria-label': 'Forward 30 seconds' },
    '+30 s',
  )
  const speed = el(
    'button',
    { type: 'button', class: 'podcast-player__speed', 'aria-label': 'Playback speed: 1×' },
    '1×',
  )
  const seekLabel = el(
    'label',
    { class: 'visually-hidden', for: `${root.id || 'podcast'}-seek` },
    `Position in ${title.replace(/^Player: /, '')}`,
  )
  const seek = el('input', {
    type: 'range',
    id: `${root.id || 'podcast'}-seek`,
    class: 'podcast-player__seek',
    min: '0',
    max: '0',
    step: '1',
    value: '0',
  })
  const time = el('span', { class: 'podcast-player__time' }, '0:00 / –:––')
  const now = el('p', { class: 'podcast-player__chapter' })
  const status = el('span', { class: 'visually-hidden', 'aria-live': 'polite', 'data-player-status': '' })
  const row = el('div', { class: 'podcast-player__row' })
  row.append(back, play, forward, speed)
  const bar = el('div', { class: 'podcast-player__bar' })
  bar.append(seekLabel, seek, time)
  controls.append(row, bar, now, status)

  const say = (text: string) => {
    status.textContent = text
  }
  const duration = () =>
    Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : Number(root.dataset.duration ?? 0)
  const seekTo = (seconds: number) => {
    audio.currentTime = Math.max(0, Math.min(duration() || seconds, seconds))
  }

  // Chapters: the server's list items become buttons that seek.
  const chapters: Chapter[] = []
  for (const item of document.querySelectorAll<HTMLElement>('[data-podcast-chapters] [data-chapter-start]')) {
    const start = Number(item.dataset.chapterStart)
    const chapterTitle = item.dataset.chapterTitle ?? ''
    const button = el('button', {
      type: 'button',
      class: 'podcast-chapters__button',
      'aria-label': `Play from ${formatTimecode(start)}: ${chapterTitle}`,
    })
    while (item.firstChild) button.append(item.firstChild)
    item.append(button)
    button.addEventListener('click', () => {
      seekTo(start)
      void audio.play()
      say(`Chapter: ${chapterTitle}`)
    })
    chapters.push({ start, title: chapterTitle, item, button })
  }

  let shownChapter = -2
  const render = () => {
    const total = duration()
    seek.max = String(Math.floor(total))
    seek.value = String(Math.floor(audio.currentTime))
    const text = `${formatTimecode(audio.currentTime)} / ${total ? formatTimecode(total) : '–:––'}`
    time.textContent = text
    seek.setAttribute(
      'aria-valuetext',
      `${formatTimecode(audio.currentTime)} of ${total ? formatTimecode(total) : 'unknown'}`,
    )
    const playing = !audio.paused && !audio.ended
    play.textContent = playing ? 'Pause' : 'Play'
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play')
    const index = chapterAt(
      chapters.map(c => c.start),
      audio.currentTime,
    )
    if (index !== shownChapter) {
      shownChapter = index
      chapters.forEach((c, i) => {
        if (i === index) c.button.setAttribute('aria-current', 'true')
        else c.button.removeAttribute('aria-current')
      })
      now.textContent = index >= 0 ? `Chapter: ${chapters[index]?.title ?? ''}` : ''
    }
  }

  play.addEventListener('click', () => {
    if (audio.paused || audio.ended) void audio.play()
    else audio.pause()
  })
  back.addEventListener('click', () => {
    seekTo(audio.currentTime - 15)
    render()
  })
  forward.addEventListener('click', () => {
    seekTo(audio.currentTime + 30)
    render()
  })
  speed.addEventListener('click', () => {
    audio.playbackRate = nextSpeed(audio.playbackRate)
    speed.textContent = `${audio.playbackRate}×`
    speed.setAttribute('aria-label', `Playback speed: ${audio.playbackRate}×`)
    say(`Speed ${audio.playbackRate}×`)
  })
  seek.addEventListener('input', () => {
    seekTo(Number(seek.value))
    render()
  })
  for (const event of ['timeupdate', 'play', 'pause', 'ended', 'loadedmetadata', 'durationchange', 'seeked'])
    audio.addEventListener(event, render)

  // Shortcuts while focus is inside the player (not in the seek bar, which has its own arrows).
  root.addEventListener('keydown', event => {
    if (event.target === seek || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'k' || (event.key === ' ' && !(event.target instanceof HTMLButtonElement))) {
      event.preventDefault()
      play.click()
    } else if (event.key === 'j' || event.key === 'ArrowLeft') {
      event.preventDefault()
      back.click()
    } else if (event.key === 'l' || event.key === 'ArrowRight') {
      event.preventDefault()
      forward.click()
    }
  })

  audio.removeAttribute('controls')
  audio.classList.add('podcast-player__audio--hidden')
  root.classList.add('podcast-player--enhanced')
  root.append(controls)
  render()
  root.dataset.playerReady = 'true'
}

for (const root of document.querySelectorAll<HTMLElement>('[data-podcast-player]')) mount(root)
