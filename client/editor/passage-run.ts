// Choosing a run of passages in the interview picker: a click starts a run at a passage, a
// click outside the run stretches it to there, a click inside starts again, and a click on a
// run of one clears it. A run never holds a withheld passage. Pure, so node:test can check it.

/** Enough of a passage to choose runs of them. */
export interface RunPassage {
  position: number
  startSeconds: number
  endSeconds: number
  withheld: boolean
}

/** The first and last position of a run, inclusive. */
export interface Run {
  from: number
  to: number
}

/** The run after a click on the passage at `position`, or why the run stays as it was. */
export function clickPassage(
  passages: readonly RunPassage[],
  run: Run | undefined,
  position: number,
): { run: Run | undefined; problem?: string } {
  const clicked = passages.find(p => p.position === position)
  if (clicked === undefined) return { run }
  if (clicked.withheld) return { run, problem: `Passage ${position + 1} is withheld: it cannot be quoted.` }
  if (run === undefined) return { run: { from: position, to: position } }
  if (run.from === run.to && run.from === position) return { run: undefined }
  if (position >= run.from && position <= run.to) return { run: { from: position, to: position } }
  const next = { from: Math.min(run.from, position), to: Math.max(run.to, position) }
  const withheld = passages.find(p => p.withheld && p.position >= next.from && p.position <= next.to)
  if (withheld)
    return {
      run,
      problem: `Passage ${withheld.position + 1} is withheld, so a run cannot reach across it. Start a new run after it.`,
    }
  return { run: next }
}

/** The passages of a run, in order. */
export function runPassages<T extends RunPassage>(passages: readonly T[], run: Run | undefined): T[] {
  return run === undefined ? [] : passages.filter(p => p.position >= run.from && p.position <= run.to)
}

/** A run's span of time: from the first passage's start to the last one's end. */
export function runSpan(passages: readonly RunPassage[]): { startSeconds: number; endSeconds: number } | undefined {
  const first = passages[0]
  const last = passages[passages.length - 1]
  return first && last ? { startSeconds: first.startSeconds, endSeconds: last.endSeconds } : undefined
}
