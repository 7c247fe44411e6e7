// The transcript on the newsroom's interview page: filling it from a file (or pasted text), with
// a refused file's problems listed beside the form, line by line; then the passages, each with a
// box to choose it for withholding (with a reason) or release, and the notes beside it
// (their forms are in newsroom-notes.tsx).
import { Csrf, Notice } from '../../newsroom/views.js'
import { formatTimecode } from '../../body/index.js'
import type { PassageNote, StoredPassage } from '../passages.js'
import { WITHHELD_REASONS, type WithheldReason } from '../schema.js'
import { passageAnchor } from '../urls.js'
import { AddNoteForm, NoteItem } from './newsroom-notes.js'

export const REASON_LABELS: Record<WithheldReason, string> = {
  'off-the-record': 'Off the record',
  unverified: 'Unverified claim',
  legal: 'Legal advice',
  privacy: 'Privacy',
  safety: 'Someone’s safety',
}

/** Problems to show beside one of the page's forms after a refused post. */
export interface SectionProblems {
  transcript?: readonly string[] | undefined
  passages?: readonly string[] | undefined
  notes?: readonly string[] | undefined
  workflow?: readonly string[] | undefined
}

/** A refused post's problems, read out when the page opens. */
export function Refusal({
  id,
  title,
  problems,
}: {
  id: string
  title: string
  problems: readonly string[] | undefined
}) {
  if (!problems?.length) return null
  return (
    <div id={id} tabindex={-1}>
      <Notice kind="error">
        <p>
          <strong>{title}</strong>
        </p>
        <ul class="nr-refused">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </Notice>
    </div>
  )
}

/** The form that fills the transcript from an uploaded file or pasted text. */
export function TranscriptUploadForm({
  id,
  csrf,
  hasPassages,
  problems,
  text,
}: {
  id: number
  csrf: string
  hasPassages: boolean
  problems: readonly string[] | undefined
  text: string
}) {
  return (
    <section class="nr-section" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <Refusal
        id="transcript-problems"
        title="This transcript cannot be used; nothing was stored."
        problems={problems}
      />
      <form
        class="nr-form"
        method="post"
        action={`/newsroom/interviews/${id}/transcript`}
        enctype="multipart/form-data"
      >
        <Csrf token={csrf} />
        <p class="nr-hint">
          WebVTT (speakers from <code>&lt;v Name&gt;</code>), SRT, or plain text with <code>[hh:mm:ss]</code> stamps (
          <code>[00:01:05] Ana Ruiz: …</code>).
          {hasPassages
            ? ' Filling it again replaces the passages; withheld spans stay withheld and notes move with their passages.'
            : ''}
        </p>
        <div class="nr-field">
          <label for="transcriptFile">Transcript file</label>
          <input id="transcriptFile" name="transcriptFile" type="file" accept=".vtt,.srt,.txt,text/vtt,text/plain" />
        </div>
        <div class="nr-field">
          <label for="transcriptText">Or paste the transcript</label>
          <textarea id="transcriptText" name="transcriptText" rows={6}>
            {text}
          </textarea>
        </div>
        <div class="nr-field">
          <label for="format">Format</label>
          <select id="format" name="format">
            <option value="">Tell from the file</option>
            <option value="webvtt">WebVTT</option>
            <option value="srt">SRT</option>
            <option value="text">Plain text with [hh:mm:ss]</option>
          </select>
        </div>
        <div>
          <button class="nr-button" type="submit">
            Fill the transcript
          </button>
        </div>
      </form>
    </section>
  )
}

export interface PassageListProps {
  id: number
  csrf: string
  passages: readonly StoredPassage[]
  notes: readonly PassageNote[]
  problems: SectionProblems
  /** The passage whose "Add a note" link was followed. */
  notePosition?: number | undefined
}

/** The passages: choose some to withhold (with a reason) or release; notes beside each. */
export function PassageList({ id, csrf, passages, notes, problems, notePosition }: PassageListProps) {
  if (passages.length === 0) return <p>No transcript yet. Fill it from a file above.</p>
  const withheld = passages.filter(p => p.withheldReason).length
  // Grouped once: a 90-minute interview has 1,500 passages, and filtering the notes for each is slow.
  const notesOf = new Map<number, PassageNote[]>()
  for (const n of notes) notesOf.set(n.passageId, [...(notesOf.get(n.passageId) ?? []), n])
  return (
    <section class="nr-section" aria-labelledby="passages-title">
      <h2 id="passages-title">Passages</h2>
      <p>
        {passages.length} passages; {withheld} withheld. A withheld passage is cut from the published video (black and
        silence) and shown to readers as “[Passage withheld]” with its reason.
      </p>
      <Refusal id="passages-problems" title="Nothing was withheld or released." problems={problems.passages} />
      <form id="passages-form" class="nr-workflow" method="post" action={`/newsroom/interviews/${id}/passages`}>
        <Csrf token={csrf} />
        <div class="nr-field">
          <label for="reason">Reason to withhold</label>
          <select id="reason" name="reason">
            {WITHHELD_REASONS.map(r => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button class="nr-button" type="submit" name="do" value="withhold">
          Withhold the chosen passages
        </button>
        <button class="nr-button nr-button--quiet" type="submit" name="do" value="release">
          Release the chosen passages
        </button>
      </form>
      <div class="nr-table-scroll">
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Passage</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {passages.map(p => {
              const own = notesOf.get(p.id) ?? []
              const box = `choose-${p.position}`
              return (
                <tr key={p.id} id={passageAnchor(p.position)}>
                  <td>
                    <input
                      type="checkbox"
                      id={box}
                      name="positions"
                      value={String(p.position)}
                      form="passages-form"
                      aria-label={`Choose passage ${p.position + 1}`}
                    />{' '}
                    <label for={box} aria-hidden="true">
                      {p.position + 1}
                    </label>
                  </td>
                  <td>
                    <span class="nr-hint">
                      {formatTimecode(p.startSeconds)}–{formatTimecode(p.endSeconds)}
                    </span>
                    <br />
                    {p.withheldReason ? (
                      <>
                        <span class="nr-pill">Withheld: {REASON_LABELS[p.withheldReason]}</span>{' '}
                      </>
                    ) : null}
                    {p.speaker ? <strong>{p.speaker}: </strong> : null}
                    {p.text}
                  </td>
                  <td>
                    {own.length ? (
                      <ul>
                        {own.map(n => (
                          <NoteItem key={n.id} id={id} note={n} csrf={csrf} />
                        ))}
                      </ul>
                    ) : null}
                    <a href={`/newsroom/interviews/${id}?note=${p.position + 1}#add-note`}>
                      Add a note<span class="visually-hidden"> to passage {p.position + 1}</span>
                    </a>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <Refusal id="notes-problems" title="The note was not saved." problems={problems.notes} />
      <AddNoteForm id={id} csrf={csrf} count={passages.length} position={notePosition} />
    </section>
  )
}
