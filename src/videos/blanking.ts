// How a transcode blanks its cuts (withheld passages): the master's pictures over each span are
// painted black with "Passage withheld" and its sound set to silence, before anything is encoded,
// so no output (rendition, MP4, sprite, poster) holds a frame or a sample of them. The timeline
// is kept: every other passage plays at the time its transcript says.
import { existsSync } from 'node:fs'

/** The font the withheld label and the demo films' titles are drawn in; without it, the label is left out. */
export const LABEL_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'

/** ffmpeg's expression that is true within any of the spans (inclusive at both ends); quoted where used, so its commas need no escape. */
function within(cuts: ReadonlyArray<readonly [number, number]>): string {
  return cuts.map(([a, b]) => `between(t,${a.toFixed(3)},${b.toFixed(3)})`).join('+')
}

/** The video filters that blank the cuts, to put before anything else (empty when there are none). */
export function blankPictureFilters(cuts: ReadonlyArray<readonly [number, number]>): string[] {
  if (cuts.length === 0) return []
  const when = `enable='${within(cuts)}'`
  const filters = [`drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:${when}`]
  if (existsSync(LABEL_FONT)) {
    filters.push(
      `drawtext=fontfile=${LABEL_FONT}:text='Passage withheld':fontcolor=gray:fontsize=h/18:x=(w-text_w)/2:y=(h-text_h)/2:${when}`,
    )
  }
  return filters
}

/** The audio filter that silences the cuts, or undefined when there are none. */
export function blankSoundFilter(cuts: ReadonlyArray<readonly [number, number]>): string | undefined {
  return cuts.length === 0 ? undefined : `volume=volume=0:enable='${within(cuts)}'`
}

/**
 * When the poster is taken: about a tenth of the way in, moved past any cut it falls in (or
 * before it, when the cut runs to the end). Undefined when the cuts leave no picture at all.
 */
export function posterTime(
  durationSeconds: number,
  cuts: ReadonlyArray<readonly [number, number]>,
): number | undefined {
  const margin = 0.2
  const inCut = (t: number) => cuts.some(([a, b]) => t >= a - margin && t <= b + margin)
  const candidates = [
    durationSeconds * 0.1,
    ...cuts.map(([, b]) => b + margin * 2),
    ...cuts.map(([a]) => a - margin * 2),
    0,
  ]
  return candidates.find(t => t >= 0 && t < durationSeconds && !inCut(t))
}
