// The plan of a demo film: how long it runs, its scenes (a title card, landscapes that pan, an end
// card), where they cross-fade, who the lower thirds name, and its tone bed. Pure arithmetic: the
// pictures and the ffmpeg run are demo-render.ts's.

/** Frames a second of a demo master: still pictures panning slowly need no more. */
export const DEMO_FPS = 24
/** Length of every cross-fade between scenes, in seconds. */
export const CROSSFADE = 1.5
const TITLE_SECONDS = 8
const END_SECONDS = 7
/** About how long a landscape stays on screen. */
const SCENE_SECONDS = 15

/**
 * Runtimes the demo films cycle through (seconds), so neighbouring films differ by at least 20 s.
 * The six demo films add up to about ten minutes (each minute costs some 9 s of CPU to cut and
 * transcode), which keeps a first start's media within two minutes on two cores.
 */
const RUNTIMES = [86, 131, 64, 152, 103, 61, 118, 75] as const

/** A demo film's runtime in seconds: between 60 and 180, fixed for a film (its place and its title). */
export function demoRuntime(title: string, index: number): number {
  const base = RUNTIMES[index % RUNTIMES.length] ?? 90
  // A few seconds from the title, so a renamed film is still a fixed length.
  let hash = 0
  for (const ch of title) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0
  return Math.min(180, Math.max(60, base + (hash % 5)))
}

/** How a landscape moves while it is on screen. */
export type Motion = 'pan-right' | 'pan-left' | 'tilt-up' | 'tilt-down' | 'push-in' | 'still'

/** One scene: a picture (by its place in the film's stills, or a card), when it starts and how long it lasts. */
export interface Scene {
  kind: 'title' | 'landscape' | 'end'
  /** Which of the film's stills this scene shows (title and end cards show a darkened one). */
  still: number
  start: number
  seconds: number
  motion: Motion
  /** The speaker named in this scene's lower third, if it has one. */
  speaker?: Speaker
}

/** An invented person speaking in a demo film. */
export interface Speaker {
  name: string
  role: string
}

/** Invented people (no resemblance intended), named on the lower thirds. */
const SPEAKERS: readonly Speaker[] = [
  { name: 'Marta Ilves', role: 'Former shift supervisor' },
  { name: 'Teodor Banks', role: 'County archivist' },
  { name: 'Ruth Okafor-Hale', role: 'Nurse, thirty-one years' },
  { name: 'Samuel Verhage', role: 'Ferry pilot' },
  { name: 'Alma Cisterna', role: 'Tenant organiser' },
  { name: 'Jonah Whitlock', role: 'Retired court clerk' },
  { name: 'Priya Castellane', role: 'Hydrologist' },
  { name: 'Oren Malley', role: 'Night editor' },
  { name: 'Beatriz Lund', role: 'Interpreter' },
  { name: 'Calum Freer', role: 'Union steward' },
]

const MOTIONS: readonly Motion[] = ['pan-right', 'push-in', 'pan-left', 'tilt-up', 'pan-right', 'tilt-down', 'pan-left']

/** The whole plan of a film. */
export interface FilmPlan {
  seconds: number
  scenes: Scene[]
  /** The tone bed's chord, in hertz. */
  chord: [number, number, number]
}

/** Plans a film of `seconds` from `stills` pictures (at least one), for the film at `index`. */
export function planDemoFilm(index: number, seconds: number, stills: number): FilmPlan {
  const count = Math.max(1, stills)
  const middle = Math.max(1, Math.round((seconds - TITLE_SECONDS - END_SECONDS) / SCENE_SECONDS))
  // Scenes overlap by a cross-fade each, so together they last the runtime plus the overlaps.
  const sceneSeconds = (seconds + CROSSFADE * (middle + 1) - TITLE_SECONDS - END_SECONDS) / middle
  const scenes: Scene[] = [{ kind: 'title', still: 0, start: 0, seconds: TITLE_SECONDS, motion: 'still' }]
  let start = TITLE_SECONDS - CROSSFADE
  for (let i = 0; i < middle; i++) {
    const scene: Scene = {
      kind: 'landscape',
      still: (i + 1) % count,
      start,
      seconds: sceneSeconds,
      motion: MOTIONS[(i + index) % MOTIONS.length] ?? 'pan-right',
    }
    // Every other landscape carries a lower third, from the first.
    const speaker = i % 2 === 0 ? SPEAKERS[(index * 3 + i / 2) % SPEAKERS.length] : undefined
    if (speaker) scene.speaker = speaker
    scenes.push(scene)
    start += sceneSeconds - CROSSFADE
  }
  scenes.push({ kind: 'end', still: 0, start, seconds: END_SECONDS, motion: 'still' })
  const roots = [110, 98, 123.47, 87.31, 130.81, 103.83]
  const root = roots[index % roots.length] ?? 110
  // A root, its fifth and a third above the octave: major for even films, minor for odd.
  const chord: [number, number, number] = [root, root * 1.5, root * (index % 2 === 0 ? 2.52 : 2.378)]
  return { seconds, scenes, chord }
}

/** The chapters of a demo film, spread over its runtime. */
export function demoChapters(seconds: number): { startSeconds: number; title: string }[] {
  const marks = [
    [0, 'Opening'],
    [0.22, 'The first account'],
    [0.49, 'What the records show'],
    [0.76, 'Aftermath'],
  ] as const
  return marks.map(([at, title]) => ({ startSeconds: Math.floor(at * seconds), title }))
}
