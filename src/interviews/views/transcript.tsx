// The transcript as the server renders it: an ordered list of passages, each with its own
// address (`#p-N`), its time as a link that starts the video there (`?t=63`: the page comes back
// with the browser's own player cued there by the MP4's media fragment, no JavaScript needed),
// its speaker and words, and the notes beside it. A withheld passage shows the placeholder and why, never its words.
// A 90-minute interview has 1,500 passages, so the list is written as one string (every value
// through escapeHtml) rather than 10,000 virtual nodes, and its markup is kept lean: no classes
// per passage, no script, no attribute the island can work out itself, and the id unquoted (HTML
// allows it for a value without spaces, quotes, = or <>).
import { escapeHtml, formatTimecode } from '../../body/index.js'
import type { PassageNote, StoredPassage } from '../passages.js'
import type { NoteKind, WithheldReason } from '../schema.js'
import { passageAnchor } from '../urls.js'

/** What readers are told a withheld passage was withheld for. */
export const WITHHELD_LABELS: Record<WithheldReason, string> = {
  'off-the-record': 'off the record',
  unverified: 'unverified claim',
  legal: 'legal reasons',
  privacy: 'privacy',
  safety: 'safety',
}

const NOTE_LABELS: Record<NoteKind, string> = {
  note: 'Note',
  disputed: 'Disputed',
  supporting: 'Supporting material',
  correction: 'Correction',
}

export interface TranscriptProps {
  passages: readonly StoredPassage[]
  notes: ReadonlyMap<number, readonly PassageNote[]>
}

/** Seconds as the shortest exact decimal (whole milliseconds are stored). */
export const seconds = (s: number) => String(Math.round(s * 1000) / 1000)

function notesHtml(notes: readonly PassageNote[]): string {
  let html = ''
  for (const n of notes) {
    const link =
      n.linkUrl && /^https?:\/\//i.test(n.linkUrl)
        ? ` <a href="${escapeHtml(n.linkUrl)}" rel="nofollow">Source</a>`
        : ''
    html += `<aside class="nt nt--${n.kind}"><b>${NOTE_LABELS[n.kind]}:</b> ${escapeHtml(n.body)}${link}</aside>`
  }
  return html
}

/** The passages as list items (the inside of the `<ol>`). */
export function transcriptHtml({ passages, notes }: TranscriptProps): string {
  // Appended, not pushed and joined: V8 builds the string as a rope, several times faster here.
  let html = ''
  for (const p of passages) {
    // The page cued there: the server points the player's MP4 at `#t=` (see page-routes.tsx).
    const time = `<a href="?t=${seconds(p.startSeconds)}">${formatTimecode(p.startSeconds)}</a>`
    const passageNotes = notes.get(p.id)
    const aside = passageNotes ? notesHtml(passageNotes) : ''
    const id = passageAnchor(p.position)
    if (p.withheldReason) {
      html += `<li id=${id} class=w>${time}<i>[Passage withheld]</i> <small>Reason: ${WITHHELD_LABELS[p.withheldReason]}</small>${aside}</li>`
    } else {
      const speaker = p.speaker ? `<b>${escapeHtml(p.speaker)}</b>` : ''
      html += `<li id=${id}>${time}${speaker}${escapeHtml(p.text)}${aside}</li>`
    }
  }
  return html
}

/** The ordered list of passages. */
export function Transcript(props: TranscriptProps) {
  return <ol class="tr" id="transcript-passages" dangerouslySetInnerHTML={{ __html: transcriptHtml(props) }} />
}
