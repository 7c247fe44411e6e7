// Small pure helpers of the podcast player, kept apart so tests can run them without a browser.

/** The speeds the speed button steps through, in order. */
export const SPEEDS = [1, 1.25, 1.5, 1.75, 2, 0.75] as const

/** The speed after `current` (back to the start after the last). */
export function nextSpeed(current: number): number {
  const i = SPEEDS.findIndex(s => Math.abs(s - current) < 0.01)
  return SPEEDS[(i + 1) % SPEEDS.length] ?? 1
}

/** The index of the chapter playing at `time` (starts sorted), or -1 before the first. */
export function chapterAt(starts: readonly number[], time: number): number {
  let found = -1
  starts.forEach((start, i) => {
    if (time + 0.25 >= start) found = i
  })
  return found
}
