// A WebVTT transcript as readers see it on the episode page: cue text without tags, grouped
// into paragraphs by speaker (WebVTT voice tags, `<v Ana>`), each with the time it starts.
import { webVttSeconds } from '../platform/webvtt.js'

/** One paragraph of the transcript. */
export interface TranscriptParagraph {
  startSeconds: number
  speaker?: string
  text: string
}

const TIMING = /^((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})[ \t]+-->/

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': '\u00a0',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
}

/** Paragraphs of a (validated) WebVTT file: consecutive cues of one speaker run together. */
export function transcriptParagraphs(vtt: string): TranscriptParagraph[] {
  const out: TranscriptParagraph[] = []
  for (const block of vtt
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .slice(1)) {
    const lines = block.split('\n')
    const at = lines.findIndex(l => TIMING.test(l))
    if (at < 0 || at > 1) continue
    const start = webVttSeconds(TIMING.exec(lines[at] ?? '')?.[1] ?? '0')
    const raw = lines.slice(at + 1).join(' ')
    const speaker = /<v(?:\.[\w.-]+)?[ \t]+([^>]+)>/.exec(raw)?.[1]?.trim()
    const text = raw
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, e => ENTITIES[e] ?? e)
      .replace(/\s+/g, ' ')
      .trim()
    if (!text) continue
    const last = out[out.length - 1]
    if (last && last.speaker === speaker && last.text.length < 600) last.text += ` ${text}`
    else out.push({ startSeconds: start, ...(speaker ? { speaker } : {}), text })
  }
  return out
}

/** What a (validated) WebVTT transcript says, as plain text: a line a paragraph, led by its speaker. */
export function transcriptPlainText(vtt: string): string {
  return transcriptParagraphs(vtt)
    .map(p => (p.speaker ? `${p.speaker}: ${p.text}` : p.text))
    .join('\n')
}
