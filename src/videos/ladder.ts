// The HLS ladder: which rungs a master gets (never above its own height), the ffmpeg arguments
// that make them in one pass (or copy the pictures of a master made at its one rung), the poster.
import type { ProbeResult } from '../platform/ffmpeg.js'
import { blankPictureFilters, blankSoundFilter, posterTime } from './blanking.js'

/** Segment length in seconds; keyframes are forced on this grid so every segment is exactly this long. */
export const SEGMENT_SECONDS = 4

/** One planned rung. */
export interface Rung {
  name: string
  width: number
  height: number
  videoKbps: number
  /** H.264 level, as ffmpeg takes it and as the CODECS attribute spells it. */
  level: string
  codecs: string
}

const RUNGS = [
  { height: 360, videoKbps: 800 },
  { height: 540, videoKbps: 1400 },
  { height: 720, videoKbps: 2800 },
  { height: 1080, videoKbps: 5000 },
] as const

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)

function rung(height: number, videoKbps: number, source: ProbeResult): Rung {
  const level = height > 720 ? '4.0' : '3.1'
  return {
    name: `r${height}`,
    height,
    width: even((source.width * height) / source.height),
    videoKbps,
    level,
    codecs: `avc1.4d40${height > 720 ? '28' : '1f'},mp4a.40.2`,
  }
}

/** The rungs for a source: 360p/540p/720p/1080p up to its height; a source under 360p gets one rung at its own height. */
export function planLadder(source: ProbeResult): Rung[] {
  const fitting = RUNGS.filter(r => r.height <= source.height).map(r => rung(r.height, r.videoKbps, source))
  if (fitting.length > 0) return fitting
  const height = Math.max(2, Math.floor(source.height / 2) * 2)
  return [rung(height, Math.max(200, Math.round((800 * height) / 360)), source)]
}

/** Thumbnail sprite layout: one small frame every `interval` seconds, ten to a row. */
export interface SpritePlan {
  interval: number
  count: number
  columns: number
  rows: number
  width: number
  height: number
}

/** Plans the scrubbing sprite: at most 100 frames, at least 2 s apart. */
export function planSprite(source: ProbeResult): SpritePlan {
  const interval = Math.max(2, Math.ceil(source.durationSeconds / 100))
  const count = Math.max(1, Math.ceil(source.durationSeconds / interval))
  const columns = Math.min(10, count)
  return {
    interval,
    count,
    columns,
    rows: Math.ceil(count / columns),
    width: 160,
    height: even((160 * source.height) / source.width),
  }
}

/**
 * x264's speed preset: `veryfast` for a newsroom's own films; `ultrafast` for the demo's generated
 * ones (still pictures panning slowly, which lose little at the same bitrate), a third less CPU, so
 * a first start's films are ready within its two minutes.
 */
export type EncoderPreset = 'veryfast' | 'ultrafast'

/** The video encoder's arguments for a rung: H.264 at its bitrate, keyframes on the segment grid. */
export function videoEncoderArgs(r: Rung, preset: EncoderPreset): string[] {
  return [
    '-c:v',
    'libx264',
    '-preset',
    preset,
    '-profile:v',
    'main',
    '-level:v',
    r.level,
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    `${r.videoKbps}k`,
    '-maxrate',
    `${Math.round(r.videoKbps * 1.1)}k`,
    '-bufsize',
    `${r.videoKbps * 2}k`,
    '-force_key_frames',
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    '-sc_threshold',
    '0',
  ]
}

/**
 * AAC at 48 kHz: stereo at 128 kb/s, or mono at 96 kb/s when the master's sound is mono. Spreading
 * one channel over two adds nothing to hear, and ffmpeg's AAC encoder is the costliest step of a
 * transcode whose pictures are copied (it took 4 s of a demo film's 4.5).
 */
function audioEncoder(source: ProbeResult): string[] {
  const mono = source.audioChannels === 1
  return ['-c:a', 'aac', '-b:a', mono ? '96k' : '128k', '-ac', mono ? '1' : '2', '-ar', '48000']
}

/**
 * The one rung a master of `width`×`height` gets when it is 360p or less: what a generated demo
 * master is encoded at, so its transcode copies the pictures (`transcodeArgs`' `copyVideo`).
 */
export function lowestRung(width: number, height: number): Rung {
  return planLadder({ width, height, durationSeconds: 1, hasAudio: true })[0] as Rung
}

/**
 * Whether a transcode may copy the master's pictures into its one rung rather than encode them
 * again: the master says it was made at that rung's settings (a generated demo master), and the
 * probe agrees (H.264 at the rung's size), and there are no cuts to blank.
 */
export function canCopyVideo(
  source: ProbeResult,
  ladder: readonly Rung[],
  cuts: ReadonlyArray<readonly [number, number]>,
  madeAtRung: boolean,
): boolean {
  const only = ladder[0]
  return (
    madeAtRung &&
    ladder.length === 1 &&
    cuts.length === 0 &&
    source.videoCodec === 'h264' &&
    only?.width === source.width &&
    only.height === source.height
  )
}

/** The progressive MP4 (film.mp4): the lowest rung's HLS encode remuxed with its sound, faststart. */
export function mp4Args(lowest: Rung): string[] {
  return [
    '-i',
    `${lowest.name}/index.m3u8`,
    '-map',
    '0',
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    'film.mp4',
  ]
}

/**
 * One ffmpeg pass that decodes the master once and writes every rung as HLS (fMP4 segments) and
 * the thumbnail sprite; the progressive MP4 is the lowest rung's encode remuxed (`mp4Args`), not
 * a second encode of the same pictures at the same settings. Paths are relative to the
 * working folder ffmpeg runs in. The cuts are blanked in the decoded master, before the split,
 * so every output is made from the blanked pictures and sound. `firstOutput` goes before the
 * rungs: the job puts the decoding check's output there (`DECODE_OUTPUT`), so the same pass
 * checks the master.
 */
export function transcodeArgs(
  input: string,
  source: ProbeResult,
  ladder: readonly Rung[],
  sprite: SpritePlan,
  options: {
    cuts?: ReadonlyArray<readonly [number, number]> | undefined
    preset?: EncoderPreset | undefined
    copyVideo?: boolean | undefined
    firstOutput?: readonly string[] | undefined
  } = {},
): string[] {
  const { cuts = [], preset = 'veryfast', copyVideo = false, firstOutput = [] } = options
  if (ladder.length === 0) throw new Error('empty ladder')
  if (copyVideo) return copyArgs(input, source, ladder[0] as Rung, sprite, firstOutput)
  const inputs = ['-i', input]
  // A film without sound still gets an AAC track, so every rendition has the same codecs.
  if (!source.hasAudio)
    inputs.push('-f', 'lavfi', '-t', String(source.durationSeconds), '-i', 'anullsrc=r=48000:cl=stereo')
  const silence = source.hasAudio ? blankSoundFilter(cuts) : undefined
  // Each output maps the master's sound, or its own branch of the silenced sound.
  const audio = (i: number) => (silence ? `[a${i}]` : source.hasAudio ? '0:a:0' : '1:a:0')
  const branches = ladder.length + 1
  const filters = [
    `[0:v]${[...blankPictureFilters(cuts), `split=${branches}`].join(',')}${Array.from({ length: branches }, (_, i) => `[s${i}]`).join('')}`,
    ...ladder.map((r, i) => `[s${i}]scale=${r.width}:${r.height},setsar=1[v${i}]`),
    `[s${ladder.length}]${spriteFilter(sprite)}[sprite]`,
  ]
  if (silence)
    filters.push(
      `[0:a:0]${silence},asplit=${ladder.length}${Array.from({ length: ladder.length }, (_, i) => `[a${i}]`).join('')}`,
    )
  const outputs = ladder.flatMap((r, i) => [
    '-map',
    `[v${i}]`,
    '-map',
    audio(i),
    ...videoEncoderArgs(r, preset),
    ...audioEncoder(source),
    ...hlsArgs(r),
  ])
  return [...inputs, '-filter_complex', filters.join(';'), ...firstOutput, ...outputs, ...spriteOutput]
}

/**
 * The pass for a master already encoded at its one rung's settings: its pictures are copied into
 * the HLS segments (keyframes already on the segment grid), only its sound is encoded, and the
 * sprite is drawn from the decoded pictures.
 */
function copyArgs(
  input: string,
  source: ProbeResult,
  only: Rung,
  sprite: SpritePlan,
  firstOutput: readonly string[],
): string[] {
  const inputs = ['-i', input]
  if (!source.hasAudio)
    inputs.push('-f', 'lavfi', '-t', String(source.durationSeconds), '-i', 'anullsrc=r=48000:cl=stereo')
  return [
    ...inputs,
    '-filter_complex',
    `[0:v]${spriteFilter(sprite)}[sprite]`,
    ...firstOutput,
    '-map',
    '0:v:0',
    '-map',
    source.hasAudio ? '0:a:0' : '1:a:0',
    '-c:v',
    'copy',
    ...audioEncoder(source),
    ...hlsArgs(only),
    ...spriteOutput,
  ]
}

const spriteFilter = (sprite: SpritePlan) =>
  `fps=1/${sprite.interval},scale=${sprite.width}:${sprite.height},setsar=1,tile=${sprite.columns}x${sprite.rows}`

const spriteOutput = ['-map', '[sprite]', '-frames:v', '1', '-q:v', '5', 'sprite.jpg']

function hlsArgs(r: Rung): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    `${r.name}/seg-%03d.m4s`,
    `${r.name}/index.m3u8`,
  ]
}

/**
 * Arguments for the poster: one frame about a tenth of the way in (never within a cut), at the
 * top rung's size; a black frame when the cuts leave no picture.
 */
export function posterArgs(
  input: string,
  source: ProbeResult,
  top: Rung,
  cuts: ReadonlyArray<readonly [number, number]> = [],
): string[] {
  const at = posterTime(source.durationSeconds, cuts)
  const scale = `scale=${top.width}:${top.height},setsar=1`
  if (at === undefined)
    return [
      '-i',
      input,
      '-frames:v',
      '1',
      '-vf',
      `${scale},drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill`,
      '-q:v',
      '3',
      'poster.jpg',
    ]
  return ['-ss', at.toFixed(3), '-i', input, '-frames:v', '1', '-vf', scale, '-q:v', '3', 'poster.jpg']
}
