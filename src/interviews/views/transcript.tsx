// The transcript as the server renders it: an ordered list of passages, each with its own
// address (`#p-N`), its time as a link that starts the video there (a media-fragment link on the
// MP4, so the browser's own player plays it without JavaScript), its speaker and words, and the
// notes beside it. A withheld passage shows the placeholder and why, never its words. The markup
// is kept lean (no classes per passage, no script): a 90-minute interview has 1,500 of them.
import { formatTimecode } from '../../body/index.js'
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

const NOTE_LABELS: Record<NoteKind, string> = { note: 'Note', disputed: 'Disputed', supporting: 'Supporting material', correction: 'Correction' }

export interface TranscriptProps {
  passages: readonly StoredPassage[]
  notes: ReadonlyMap<number, readonly PassageNote[]>
  /** Where a passage's time link goes, given its start: the MP4 with `#t=`, or the page with `?t=`. */
  seekHref: (startSeconds: number) => string
}

/** Seconds as the shortest exact decimal (whole milliseconds are stored). */
export const seconds = (s: number) => String(Math.round(s * 1000) / 1000)

function Notes({ notes }: { notes: readonly PassageNote[] }) {
  return (
    <>
      {notes.map((n) => (
        <aside key={n.id} class={`nt nt--${n.kind}`}>
          <b>{NOTE_LABELS[n.kind]}:</b> {n.body}
          {n.linkUrl && /^https?:\/\//i.test(n.linkUrl) ? <> <a href={n.linkUrl} rel="nofollow">Source</a></> : null}
        </aside>
      ))}
    </>
  )
}

/** The ordered list of passages. */
export function Transcript({ passages, notes, seekHref }: TranscriptProps) {
  return (
    <ol class="tr" id="transcript-passages">
      {passages.map((p) => {
        const passageNotes = notes.get(p.id)
        const time = <a href={seekHref(p.startSeconds)}>{formatTimecode(p.startSeconds)}</a>
        if (p.withheldReason) {
          return (
            <li key={p.id} id={passageAnchor(p.position)} class="w">
              {time}<p><i>[Passage withheld]</i> <small>Reason: {WITHHELD_LABELS[p.withheldReason]}</small></p>
              {passageNotes ? <Notes notes={passageNotes} /> : null}
            </li>
          )
        }
        return (
          <li key={p.id} id={passageAnchor(p.position)}>
            {time}<p>{p.speaker ? <b>{p.speaker}</b> : null}{p.text}</p>
            {passageNotes ? <Notes notes={passageNotes} /> : null}
          </li>
        )
      })}
    </ol>
  )
}
