// One ffmpeg run that cuts a demo film from its plan: every scene a still picture panned with a
// moving crop (cheap: no scaling per frame) or pushed in with zoompan, cross-faded into the next;
// the lower thirds faded in over their scenes; a soft chord under it all, faded in and out.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  FILM_H,
  FILM_W,
  LOWER_THIRD_X,
  LOWER_THIRD_Y,
  renderCard,
  renderLowerThird,
  renderSky,
  STILL_H,
  STILL_W,
} from './demo-cards.js'
import { CROSSFADE, DEMO_FPS, type FilmPlan, type Motion } from './demo-film.js'
import { lowestRung, videoEncoderArgs } from './ladder.js'

const LOWER_THIRD_AT = 2
const LOWER_THIRD_SECONDS = 6.5

/**
 * Holds a picture for `frames` frames. The loop filter keeps the one decoded picture in memory;
 * looping the input instead would decode the PNG again for every frame (seven times slower). The
 * picture is converted to the film's pixel format first, once, not every frame (eight times slower).
 */
function held(frames: number, format = 'yuv420p'): string {
  return `format=${format},loop=loop=${frames - 1}:size=1:start=0,setpts=N/${DEMO_FPS}/TB`
}

/** ffmpeg's crop position (x:y) for a pan over `seconds`; `t` is the scene's own clock. */
function cropPosition(motion: Motion, seconds: number): string {
  const dx = STILL_W - FILM_W
  const dy = STILL_H - FILM_H
  const p = `(t/${seconds.toFixed(3)})`
  switch (motion) {
    case 'pan-right':
      return `x='${dx}*${p}':y='${dy / 2}'`
    case 'pan-left':
      return `x='${dx}-${dx}*${p}':y='${dy / 2}'`
    case 'tilt-up':
      return `x='${dx / 2}':y='${dy}-${dy}*${p}'`
    case 'tilt-down':
      return `x='${dx * 0.3}+${dx * 0.4}*${p}':y='${dy}*${p}'`
    default:
      return `x='${dx / 2}':y='${dy / 2}'`
  }
}

/**
 * Writes the pictures the film needs into `work` and answers ffmpeg's arguments, which write
 * `master.mp4` there. `stills` are the newsroom's landscapes (PNGs of STILL_W×STILL_H); none means drawn skies.
 */
export async function prepareDemoFilm(
  work: string,
  title: string,
  index: number,
  plan: FilmPlan,
  stills: readonly Buffer[],
): Promise<string[]> {
  const prepared = stills.length > 0 ? stills : await Promise.all([0, 1, 2, 3].map(i => renderSky(index * 4 + i)))
  const inputs: string[] = []
  const filters: string[] = []
  let input = 0
  for (const [i, scene] of plan.scenes.entries()) {
    const still = prepared[scene.still % prepared.length] as Buffer
    const file = `scene${i}.png`
    if (scene.kind === 'title') {
      await writeFile(
        join(work, file),
        await renderCard(still, [
          { text: 'A DOCUMENTARY', size: 13, font: 'sans', spacing: 4, opacity: 0.8 },
          { text: title, size: title.length > 24 ? 36 : 44, font: 'serif' },
        ]),
      )
    } else if (scene.kind === 'end') {
      await writeFile(
        join(work, file),
        await renderCard(still, [
          { text: title, size: 28, font: 'serif' },
          { text: 'A fictional film made for the demo newsroom', size: 13, font: 'sans', opacity: 0.75 },
        ]),
      )
    } else await writeFile(join(work, file), still)
    const frames = Math.round(scene.seconds * DEMO_FPS)
    let chain: string
    if (scene.motion === 'push-in') {
      // zoompan makes every frame from the one picture; a slow push of a tenth.
      inputs.push('-framerate', String(DEMO_FPS), '-i', file)
      chain = `format=yuv420p,zoompan=z='1+0.1*on/${frames}':x='(iw-iw/zoom)/2':y='(ih-ih/zoom)/2':d=${frames}:s=${FILM_W}x${FILM_H}:fps=${DEMO_FPS}`
    } else {
      inputs.push('-framerate', String(DEMO_FPS), '-i', file)
      chain = `${held(frames)},crop=${FILM_W}:${FILM_H}:${cropPosition(scene.motion, scene.seconds)}`
    }
    chain += ',setsar=1,settb=AVTB'
    if (i === 0) chain += ',fade=t=in:st=0:d=1.5'
    if (i === plan.scenes.length - 1) chain += `,fade=t=out:st=${(scene.seconds - 2.5).toFixed(3)}:d=2.5`
    filters.push(`[${input}:v]${chain}[s${i}]`)
    input++
  }
  // Cross-fades: the running cut meets each next scene where that scene starts.
  let cut = 's0'
  for (const [i, scene] of plan.scenes.entries()) {
    if (i === 0) continue
    filters.push(`[${cut}][s${i}]xfade=transition=fade:duration=${CROSSFADE}:offset=${scene.start.toFixed(3)}[x${i}]`)
    cut = `x${i}`
  }
  for (const [i, scene] of plan.scenes.entries()) {
    if (!scene.speaker) continue
    const file = `third${i}.png`
    await writeFile(join(work, file), await renderLowerThird(scene.speaker))
    inputs.push('-framerate', String(DEMO_FPS), '-i', file)
    const at = (scene.start + LOWER_THIRD_AT).toFixed(3)
    filters.push(
      `[${input}:v]${held(LOWER_THIRD_SECONDS * DEMO_FPS, 'yuva420p')},fade=t=in:st=0:d=0.7:alpha=1,fade=t=out:st=${LOWER_THIRD_SECONDS - 0.8}:d=0.8:alpha=1,setpts=PTS+${at}/TB[l${i}]`,
      `[${cut}][l${i}]overlay=x=${LOWER_THIRD_X}:y=${LOWER_THIRD_Y}:eof_action=pass[o${i}]`,
    )
    cut = `o${i}`
    input++
  }
  // The tone bed: three sine sources (far cheaper than an expression per sample) mixed into a
  // chord that swells slowly, softened and faded in and out.
  const [a, b, c] = plan.chord
  const sine = (f: number, label: string) => `sine=frequency=${f}:sample_rate=48000:duration=${plan.seconds}[${label}]`
  filters.push(
    sine(a, 't1'),
    sine(b, 't2'),
    sine(c, 't3'),
    `[t1][t2][t3]amix=inputs=3:weights='1 0.65 0.45':normalize=0,volume=0.55,volume='0.75+0.25*sin(2*PI*t/13)':eval=frame,lowpass=f=1600,afade=t=in:st=0:d=4,afade=t=out:st=${plan.seconds - 5}:d=5[aud]`,
  )
  return [
    ...inputs,
    '-filter_complex',
    filters.join(';'),
    '-map',
    `[${cut}]`,
    '-map',
    '[aud]',
    '-t',
    String(plan.seconds),
    '-r',
    String(DEMO_FPS),
    // Encoded once, at the lowest rung's settings (keyframes on the segment grid): the transcode
    // copies these pictures into the rendition rather than encoding them a second time.
    ...videoEncoderArgs(lowestRung(FILM_W, FILM_H), 'ultrafast'),
    // The sound is kept lossless (FLAC: a tenth of a second for a film, where AAC took seconds), at
    // the rate the transcode delivers, so AAC is encoded once, in the transcode, and nothing is resampled.
    // An MP4 takes FLAC only when asked by ffmpeg before 6.0 ("experimental").
    '-c:a',
    'flac',
    '-strict',
    'experimental',
    '-movflags',
    '+faststart',
    'master.mp4',
  ]
}
