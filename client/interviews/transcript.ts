// The interview transcript island. The server renders the whole transcript as a list of
// passages whose times are links (they play without JavaScript); this makes it follow the
// player (the current passage highlighted, aria-current), seek on click, search with a count
// and next/previous, cue `#p-42` and play `?t=63-95`, and share the selected passages' span.
import { indexFromHash, passageAt, spanFromQuery, spanOf, startFromHref } from './core.js'
import { createFinder, wordsOf } from './find.js'
import { buildTools } from './tools.js'

const section = document.querySelector<HTMLElement>('[data-transcript]')
const list = document.getElementById('transcript-passages')
if (section && list) start(section, list)

function start(section: HTMLElement, list: HTMLElement): void {
  const items = [...list.children] as HTMLElement[]
  const starts = items.map(li => startFromHref(li.querySelector('a')?.getAttribute('href') ?? null))
  const video = document.querySelector<HTMLVideoElement>('[data-player] video')
  const tools = buildTools(list, Boolean(video))
  section.classList.add('is-live')
  let current = -1
  let following = true
  // Where the island last scrolled the list to: any other position is the reader's doing.
  let scrolledTo = -1
  let spanEnd: number | undefined

  function highlight(index: number): void {
    if (index === current) return
    items[current]?.removeAttribute('aria-current')
    current = index
    const li = items[index]
    if (!li) return
    li.setAttribute('aria-current', 'true')
    if (following) reveal(li)
  }

  /** Scrolls the list (never the page) so the passage sits a third of the way down. */
  function reveal(el: HTMLElement): void {
    const top = el.offsetTop - list.offsetTop - list.clientHeight / 3
    const target = Math.max(0, Math.min(top, list.scrollHeight - list.clientHeight))
    if (Math.abs(list.scrollTop - target) < 2) return
    scrolledTo = Math.round(target)
    list.scrollTop = target
  }

  list.addEventListener(
    'scroll',
    () => {
      if (scrolledTo !== -1 && Math.abs(list.scrollTop - scrolledTo) <= 2) return
      scrolledTo = -1
      if (following) setFollowing(false)
    },
    { passive: true },
  )

  function setFollowing(on: boolean): void {
    following = on
    tools.resume.hidden = on || !video
    const li = items[current]
    if (on && li) reveal(li)
  }
  tools.resume.addEventListener('click', () => setFollowing(true))

  function seek(index: number, play: boolean): void {
    const s = starts[index]
    if (s === undefined) return
    highlight(index)
    if (!video) return
    spanEnd = undefined
    cue(s)
    if (play) void video.play().catch(() => undefined)
  }

  /** Puts the player at `s` now, or as soon as it knows its media (a stream attached later starts over). */
  function cue(s: number): void {
    if (!video) return
    const go = () => {
      if (Math.abs(video.currentTime - s) > 0.3) video.currentTime = s
    }
    if (video.readyState >= 1) go()
    let played = false
    video.addEventListener(
      'playing',
      () => {
        played = true
      },
      { once: true },
    )
    video.addEventListener('loadedmetadata', () => {
      if (!played) go()
    })
  }

  if (video) {
    const sync = () => {
      const t = video.currentTime
      if (spanEnd !== undefined && t >= spanEnd) {
        spanEnd = undefined
        video.pause()
      }
      highlight(passageAt(starts, t))
    }
    video.addEventListener('timeupdate', sync)
    video.addEventListener('seeked', sync)
  }

  list.addEventListener('click', event => {
    const target = event.target as Element
    // Links in notes go where they say; a drag that selects words is not a click on a passage.
    if (target.closest('aside') || !document.getSelection()?.isCollapsed) return
    const li = target.closest('li')
    const index = li ? items.indexOf(li as HTMLElement) : -1
    if (index === -1 || !video) return
    event.preventDefault()
    setFollowing(true)
    history.replaceState(null, '', `#${li?.id}`)
    seek(index, true)
  })

  const finder = createFinder(items.map(wordsOf), {
    inView: () => [passageAtOffset(items, list.scrollTop), passageAtOffset(items, list.scrollTop + list.clientHeight)],
    onCurrent: mark => {
      setFollowing(false)
      // Scrolled to before the next paint: reading its place now would force a layout of the whole list in the keystroke.
      requestAnimationFrame(() => reveal(mark.closest('li') ?? list))
    },
  })
  let marking = 0
  list.addEventListener(
    'scroll',
    () => {
      if (marking) return
      marking = requestAnimationFrame(() => {
        marking = 0
        finder.markInView()
      })
    },
    { passive: true },
  )
  const runSearch = () => {
    const started = performance.now()
    const count = finder.search(tools.query.value)
    tools.showCount(count, finder.current, tools.query.value.trim() !== '')
    // The browser test reads how long the last search took.
    list.dataset.searchMs = String(performance.now() - started)
  }
  tools.query.addEventListener('input', runSearch)
  const step = (direction: 1 | -1) => {
    finder.step(direction)
    tools.showCount(finder.count, finder.current, true)
  }
  tools.next.addEventListener('click', () => step(1))
  tools.prev.addEventListener('click', () => step(-1))
  tools.query.addEventListener('keydown', e => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    step(e.shiftKey ? -1 : 1)
  })

  tools.share.addEventListener('click', () => {
    const [first, last] = selectedPassages(items) ?? [Math.max(0, current), Math.max(0, current)]
    const [a, b] = spanOf(starts, first, last, video?.duration ?? Number.NaN)
    const url = `${location.origin}${location.pathname}?t=${a}-${b}`
    tools.showLink(url)
    void navigator.clipboard?.writeText(url).then(
      () => tools.said('Link copied.'),
      () => tools.said('Copy the link below.'),
    )
  })

  function playSpan(span: { start: number; end: number | undefined }, play: boolean): void {
    setFollowing(true)
    highlight(passageAt(starts, span.start))
    cue(span.start)
    spanEnd = span.end
    if (play) void video?.play().catch(() => undefined)
  }

  // "In the film" plays its span here rather than loading the page again.
  document.addEventListener('click', event => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-span]')
    const span = link && video ? spanFromQuery(new URL(link.href).search) : undefined
    if (!span) return
    event.preventDefault()
    history.replaceState(null, '', link?.href)
    playSpan(span, true)
  })

  // Where the address points: a passage (#p-42) or a span (?t=63-95).
  const span = spanFromQuery(location.search)
  const fromHash = indexFromHash(location.hash)
  if (span) {
    playSpan(span, false)
  } else if (fromHash >= 0 && fromHash < items.length) {
    seek(fromHash, false)
  }
  window.addEventListener('hashchange', () => {
    const index = indexFromHash(location.hash)
    if (index >= 0 && index < items.length) {
      setFollowing(true)
      seek(index, false)
    }
  })
}

/** The first and last passages the reader's selection touches, or undefined when nothing is selected in the list. */
function selectedPassages(items: HTMLElement[]): [number, number] | undefined {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined
  const range = selection.getRangeAt(0)
  const at = (node: Node) =>
    items.indexOf(
      (node instanceof Element ? node : node.parentElement)?.closest('#transcript-passages > li') as HTMLElement,
    )
  const first = at(range.startContainer)
  const last = at(range.endContainer)
  if (first === -1 || last === -1) return undefined
  return [Math.min(first, last), Math.max(first, last)]
}

/** The index of the passage at `offset` pixels down the list (binary search on their tops). */
function passageAtOffset(items: HTMLElement[], offset: number): number {
  const top = items[0]?.offsetTop ?? 0
  let low = 0
  let high = items.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((items[mid]?.offsetTop ?? 0) - top <= offset) low = mid
    else high = mid - 1
  }
  return low
}
