// The transcript island's pure parts: where a passage starts, which passage plays at a time,
// what `?t=` asks for, and where a query's words are. Tested without a browser (core.test.ts).

/** A passage's start from its time link: the MP4's `#t=63.2` or the page's `?t=63.2`. */
export function startFromHref(href: string | null): number {
  const match = /[#?&]t=(\d+(?:\.\d+)?)/.exec(href ?? '')
  return match ? Number(match[1]) : 0
}

/** The index of the passage playing at `time` (the last that starts at or before it), or -1 before the first. */
export function passageAt(starts: readonly number[], time: number): number {
  let low = 0
  let high = starts.length - 1
  let found = -1
  // A small allowance: a seek to a passage's start may land a few milliseconds short of it.
  const at = time + 0.05
  while (low <= high) {
    const mid = (low + high) >> 1
    if ((starts[mid] ?? 0) <= at) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/** `?t=63` (a cue) or `?t=63-95` (a span) from the address's query, or undefined. */
export function spanFromQuery(search: string): { start: number; end: number | undefined } | undefined {
  const t = new URLSearchParams(search).get('t')
  const match = t === null ? null : /^(\d{1,6}(?:\.\d{1,3})?)(?:-(\d{1,6}(?:\.\d{1,3})?))?$/.exec(t)
  if (!match) return undefined
  const start = Number(match[1])
  const end = match[2] === undefined ? undefined : Number(match[2])
  return end !== undefined && end <= start ? { start, end: undefined } : { start, end }
}

/** `#p-42` → 41 (the passage's index), or -1. */
export function indexFromHash(hash: string): number {
  const match = /^#p-(\d{1,6})$/.exec(hash)
  return match ? Number(match[1]) - 1 : -1
}

/** Where each match of `query` is: [passage index, offset] pairs in reading order, over text lowercased once. */
export function findMatches(lowered: readonly string[], query: string): Array<[number, number]> {
  const needle = query.trim().toLowerCase()
  const found: Array<[number, number]> = []
  if (needle.length === 0) return found
  for (let i = 0; i < lowered.length; i++) {
    const text = lowered[i] ?? ''
    let at = text.indexOf(needle)
    while (at !== -1) {
      found.push([i, at])
      at = text.indexOf(needle, at + needle.length)
    }
  }
  return found
}

/** The span, in whole seconds, that passages first..last cover (a passage runs until the next begins). */
export function spanOf(
  starts: readonly number[],
  first: number,
  last: number,
  durationSeconds: number,
): [number, number] {
  const start = Math.floor(starts[first] ?? 0)
  const next = starts[last + 1]
  const end =
    next !== undefined
      ? next
      : Number.isFinite(durationSeconds) && durationSeconds > 0
        ? durationSeconds
        : (starts[last] ?? 0) + 10
  return [start, Math.max(start + 1, Math.ceil(end))]
}
