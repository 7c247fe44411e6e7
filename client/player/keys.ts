// The player's keyboard: which key does what. Pure, so it is tested without a browser.

/** Something a key asks the player to do. */
export type KeyAction =
  | { type: 'toggle-play' }
  | { type: 'seek-by'; seconds: number }
  | { type: 'toggle-captions' }
  | { type: 'toggle-mute' }
  | { type: 'toggle-fullscreen' }

/** The action for a key press, or undefined to leave the key to the browser. */
export function actionForKey(event: {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}): KeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined
  switch (event.key) {
    case ' ':
    case 'k':
    case 'K':
      return { type: 'toggle-play' }
    case 'j':
    case 'J':
      return { type: 'seek-by', seconds: -10 }
    case 'l':
    case 'L':
      return { type: 'seek-by', seconds: 10 }
    case 'ArrowLeft':
      return { type: 'seek-by', seconds: -5 }
    case 'ArrowRight':
      return { type: 'seek-by', seconds: 5 }
    case 'c':
    case 'C':
      return { type: 'toggle-captions' }
    case 'm':
    case 'M':
      return { type: 'toggle-mute' }
    case 'f':
    case 'F':
      return { type: 'toggle-fullscreen' }
    default:
      return undefined
  }
}

/** A chapter as the page describes it. */
export interface Chapter {
  startSeconds: number
  title: string
}

/** The index of the chapter playing at `time`, or -1 before the first. */
export function currentChapter(chapters: readonly Chapter[], time: number): number {
  let current = -1
  chapters.forEach((c, i) => {
    if (time + 0.25 >= c.startSeconds) current = i
  })
  return current
}

/** A start time from `?t=`: whole or decimal seconds, or undefined when absent or nonsense. */
export function startFromQuery(search: string): number | undefined {
  const t = new URLSearchParams(search).get('t')
  if (t === null || !/^\d{1,6}(\.\d+)?s?$/.test(t)) return undefined
  return Number.parseFloat(t)
}
