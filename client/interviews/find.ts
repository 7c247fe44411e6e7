// Search inside the transcript: a count, next/previous, and the matches marked with <mark>.
// Each passage's words are lowercased once, up front, so a query over 1,500 passages is a
// string scan that answers within one animation frame. Marking is what costs (every <mark> is
// DOM work and a relayout), so only the passages in view and around the current match are marked,
// and more as the reader scrolls: the count and next/previous cover every match at once.
import { findMatches } from './core.js'

/** One passage's words: its list item, the text node the server rendered, and that text lowercased. */
export interface Words {
  li: HTMLElement
  node: Text
  lower: string
}

export interface Finder {
  /** Runs a query; answers the number of matches. */
  search(query: string): number
  /** Moves to the next (1) or previous (-1) match. */
  step(direction: 1 | -1): void
  /** Marks the matches in the passages now in view (after the reader scrolls). */
  markInView(): void
  readonly count: number
  readonly current: number
}

/** Passages marked on each side of those in view or of the current match. */
const AROUND = 20

/** The passage's words: its one text node (after the time link and the speaker), or undefined for a withheld one. */
export function wordsOf(li: HTMLElement): Words | undefined {
  if (li.classList.contains('w')) return undefined
  for (const node of li.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) return { li, node: node as Text, lower: (node as Text).data.toLowerCase() }
  }
  return undefined
}

export interface FinderHooks {
  /** The first and last passage indexes in view. */
  inView(): [number, number]
  /** Called with the current match's mark once it is marked. */
  onCurrent(mark: HTMLElement): void
}

export function createFinder(words: ReadonlyArray<Words | undefined>, hooks: FinderHooks): Finder {
  // A lowercased text whose length differs from the original (rare letters) cannot map offsets back: not searched.
  const lowered = words.map(w => (w && w.lower.length === w.node.data.length ? w.lower : ''))
  let matches: Array<[number, number]> = []
  let length = 0
  /** Index in `matches` of each passage's first match. */
  let firstOf = new Map<number, number>()
  /** The passages marked so far: their marks, and the nodes that stand in for the text node. */
  let marked = new Map<number, { marks: HTMLElement[]; nodes: Node[] }>()
  let current = -1

  function clear(): void {
    for (const [i, { nodes }] of marked) {
      const w = words[i]
      const first = nodes[0]
      if (!w || !first) continue
      first.parentNode?.insertBefore(w.node, first)
      for (const n of nodes) n.parentNode?.removeChild(n)
    }
    marked = new Map()
    current = -1
  }

  function mark(i: number): HTMLElement[] {
    const done = marked.get(i)
    if (done) return done.marks
    const w = words[i]
    const start = firstOf.get(i)
    if (!w || start === undefined) return []
    const text = w.node.data
    const nodes: Node[] = []
    const marks: HTMLElement[] = []
    let from = 0
    for (let n = start; n < matches.length && matches[n]?.[0] === i; n++) {
      const at = matches[n]?.[1] ?? 0
      if (at > from) nodes.push(document.createTextNode(text.slice(from, at)))
      const m = document.createElement('mark')
      m.textContent = text.slice(at, at + length)
      nodes.push(m)
      marks.push(m)
      from = at + length
    }
    if (from < text.length) nodes.push(document.createTextNode(text.slice(from)))
    w.node.replaceWith(...nodes)
    marked.set(i, { marks, nodes })
    return marks
  }

  function markAround(first: number, last: number): void {
    for (let i = Math.max(0, first - AROUND); i <= Math.min(words.length - 1, last + AROUND); i++)
      if (firstOf.has(i)) mark(i)
  }

  function show(n: number): void {
    const before = matches[current]
    if (before) mark(before[0])[current - (firstOf.get(before[0]) ?? 0)]?.classList.remove('cur')
    current = n
    const match = matches[n]
    if (!match) return
    markAround(match[0], match[0])
    const m = mark(match[0])[n - (firstOf.get(match[0]) ?? 0)]
    if (!m) return
    m.classList.add('cur')
    hooks.onCurrent(m)
  }

  return {
    search(query) {
      clear()
      const needle = query.trim().toLowerCase()
      length = needle.length
      matches = findMatches(lowered, needle)
      firstOf = new Map()
      matches.forEach(([i], n) => {
        if (!firstOf.has(i)) firstOf.set(i, n)
      })
      if (matches.length) show(0)
      return matches.length
    },
    step(direction) {
      if (matches.length) show((current + direction + matches.length) % matches.length)
    },
    markInView() {
      if (matches.length === 0) return
      const [first, last] = hooks.inView()
      markAround(first, last)
    },
    get count() {
      return matches.length
    },
    get current() {
      return current
    },
  }
}
