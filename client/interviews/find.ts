// Search inside the transcript: a count, next/previous, and the matches marked with <mark>.
// Each passage's words are lowercased once, up front, so a query over 1,500 passages answers
// within one animation frame; only passages that held or hold a match are touched.
import { findMatches } from './core.js'

/** One passage's words: its list item, the text node the server rendered, and that text lowercased. */
export interface Words { p: HTMLElement; node: Text; lower: string }

export interface Finder {
  /** Runs a query; answers the number of matches. */
  search(query: string): number
  /** Moves to the next (1) or previous (-1) match; answers its passage's index, or -1. */
  step(direction: 1 | -1): number
  readonly count: number
  readonly current: number
}

/** The passage's words: its one text node (after the time link and the speaker), or undefined for a withheld one. */
export function wordsOf(li: HTMLElement): Words | undefined {
  if (li.classList.contains('w')) return undefined
  for (const node of li.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) return { p: li, node: node as Text, lower: (node as Text).data.toLowerCase() }
  }
  return undefined
}

export function createFinder(words: ReadonlyArray<Words | undefined>, onCurrent: (mark: HTMLElement, index: number) => void): Finder {
  const lowered = words.map((w) => (w && w.lower.length === w.node.data.length ? w.lower : ''))
  let touched: Array<[number, Node[]]> = []
  let marks: HTMLElement[] = []
  let owners: number[] = []
  let current = -1

  function clear(): void {
    for (const [i, nodes] of touched) {
      const w = words[i]
      const first = nodes[0]
      if (!w || !first) continue
      // Put the one original text node back in place of the pieces.
      first.parentNode?.insertBefore(w.node, first)
      for (const n of nodes) n.parentNode?.removeChild(n)
    }
    touched = []
    marks = []
    owners = []
    current = -1
  }

  function mark(i: number, offsets: number[], length: number): void {
    const w = words[i]
    if (!w) return
    const text = w.node.data
    const nodes: Node[] = []
    let from = 0
    for (const at of offsets) {
      if (at > from) nodes.push(document.createTextNode(text.slice(from, at)))
      const m = document.createElement('mark')
      m.textContent = text.slice(at, at + length)
      nodes.push(m)
      marks.push(m)
      owners.push(i)
      from = at + length
    }
    if (from < text.length) nodes.push(document.createTextNode(text.slice(from)))
    w.node.replaceWith(...nodes)
    touched.push([i, nodes])
  }

  function show(n: number): number {
    marks[current]?.classList.remove('cur')
    current = n
    const m = marks[n]
    if (!m) return -1
    m.classList.add('cur')
    onCurrent(m, owners[n] ?? -1)
    return owners[n] ?? -1
  }

  return {
    search(query) {
      clear()
      const needle = query.trim().toLowerCase()
      const found = findMatches(lowered, needle)
      let i = 0
      while (i < found.length) {
        const passage = found[i]?.[0] ?? 0
        const offsets: number[] = []
        while (i < found.length && found[i]?.[0] === passage) offsets.push(found[i++]?.[1] ?? 0)
        mark(passage, offsets, needle.length)
      }
      if (marks.length) show(0)
      return marks.length
    },
    step(direction) {
      if (marks.length === 0) return -1
      return show((current + direction + marks.length) % marks.length)
    },
    get count() { return marks.length },
    get current() { return current },
  }
}
