// WebVTT files checked before they are stored: a film's captions (videos) and an episode's
// transcript (podcasts) are held to the same rules, since both are served to readers' players.
import { InvalidInput } from './errors.js'

/** The largest WebVTT file accepted (film captions, episode transcripts). */
export const MAX_WEBVTT_BYTES = 1024 * 1024

const TIMING = /^((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t]+.*)?$/
/** WebVTT's own cue tags (class, italic, bold, underline, ruby, voice, language) and timestamps. */
const TAG = /<\/?([a-z]+)?(?:[.\w-]*)(?:[ \t][^>]*)?>|<\d{2,}:\d{2}:\d{2}\.\d{3}>|<\d{2}:\d{2}\.\d{3}>/gi
const ALLOWED_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang'])

/** Seconds as a WebVTT timestamp, `hh:mm:ss.ttt` (a negative time is written as zero). */
export function webVttTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`
}

/** A WebVTT timestamp (`mm:ss.ttt` or `hh:mm:ss.ttt`) in seconds. */
export function webVttSeconds(stamp: string): number {
  return stamp
    .split(':')
    .map(Number)
    .reduce((sum, part) => sum * 60 + part, 0)
}

/**
 * Checks a WebVTT file: the WEBVTT header, well-formed cue timings that end after they start
 * and never go back in time, at most 1 MB, and no markup beyond WebVTT's own cue tags.
 * Returns the text with line endings normalised.
 */
export function validateWebVtt(text: string): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_WEBVTT_BYTES) throw new InvalidInput('Captions files can be at most 1 MB.')
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(normalised))
    throw new InvalidInput('A captions file must be WebVTT: its first line must be "WEBVTT".')
  const problems: string[] = []
  let previousStart = -1
  let cues = 0
  for (const [index, block] of normalised
    .split(/\n{2,}/)
    .slice(1)
    .entries()) {
    const lines = block.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)
    if (lines.length === 0 || lines[0] === '') continue
    if (/^(NOTE)([ \t]|$)/.test(lines[0] ?? '')) continue
    if (/^(STYLE|REGION)([ \t]|$)/.test(lines[0] ?? '')) {
      problems.push(`Block ${index + 1}: ${lines[0]?.split(/[ \t]/)[0]} blocks are not accepted.`)
      continue
    }
    const timingAt = lines.findIndex(l => l.includes('-->'))
    if (timingAt < 0 || timingAt > 1) {
      problems.push(`Block ${index + 1}: a cue needs a timing line such as "00:00:01.000 --> 00:00:04.000".`)
      continue
    }
    const match = TIMING.exec(lines[timingAt] ?? '')
    if (!match) {
      problems.push(`Block ${index + 1}: malformed cue timing "${(lines[timingAt] ?? '').slice(0, 60)}".`)
      continue
    }
    const start = webVttSeconds(match[1] ?? '')
    const end = webVttSeconds(match[2] ?? '')
    if (end <= start) problems.push(`Block ${index + 1}: the cue ends (${match[2]}) before it starts (${match[1]}).`)
    if (start < previousStart)
      problems.push(`Block ${index + 1}: the cue starts (${match[1]}) before the cue above it.`)
    previousStart = start
    cues++
    const cueText = lines.slice(timingAt + 1).join('\n')
    if (cueText.includes('-->')) problems.push(`Block ${index + 1}: cue text cannot contain "-->".`)
    for (const tag of cueText.matchAll(TAG)) {
      const name = tag[1]?.toLowerCase()
      if (name !== undefined && !ALLOWED_TAGS.has(name))
        problems.push(`Block ${index + 1}: the tag <${name}> is not allowed in captions.`)
    }
    // Anything left that opens like markup (e.g. "<script" without its ">", "<!--").
    if (/<[/a-z!?]/i.test(cueText.replace(TAG, '')))
      problems.push(`Block ${index + 1}: markup that is not a WebVTT cue tag.`)
  }
  if (cues === 0) problems.push('The captions file holds no cues.')
  if (problems.length > 0) throw new InvalidInput('These captions cannot be used.', problems.slice(0, 20))
  return normalised
}
