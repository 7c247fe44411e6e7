// The interview's captions, made from its transcript: one cue per passage, the speaker in a
// <v> tag. Withheld passages are left out entirely (their time shows no caption), so the
// captions carry no word the page and the video do not.
import { webVttTimestamp } from '../platform/webvtt.js'
import { languageName } from '../platform/text/language.js'
import type { StoredPassage } from './passages.js'

/** A player's captions track. */
export interface CaptionsTrack {
  lang: string
  label: string
  url: string
}

/**
 * The transcript's track in a player's captions menu, named by its language as every other track
 * is ("English"); beside an uploaded track of the same language it says which one it is.
 */
export function transcriptTrack(url: string, lang: string, others: readonly CaptionsTrack[] = []): CaptionsTrack {
  const name = languageName(lang)
  const label = others.some(track => track.label === name) ? `${name} (transcript)` : name
  return { lang, label, url }
}

/** Cue text is HTML-like: &, < and > are escaped; a blank line would end the cue, so lines are joined. */
function cueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
}

/** The WebVTT captions of a transcript, withheld passages left out. */
export function transcriptCaptions(passages: readonly StoredPassage[]): string {
  const cues: string[] = ['WEBVTT', '']
  for (const p of passages) {
    if (p.withheldReason || p.endSeconds <= p.startSeconds) continue
    const text = cueText(p.text)
    if (!text) continue
    const voice = p.speaker ? `<v ${cueText(p.speaker).replace(/\n/g, ' ')}>` : ''
    cues.push(
      `p-${p.position + 1}`,
      `${webVttTimestamp(p.startSeconds)} --> ${webVttTimestamp(p.endSeconds)}`,
      `${voice}${text}`,
      '',
    )
  }
  return cues.join('\n')
}
