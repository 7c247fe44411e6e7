// The notes beside passages on the newsroom's interview page: each note with its edit and remove
// forms, and the form that adds one. Apart from the passage list because a note has its own posts
// (/notes…) and its own fields.
import { Csrf } from '../../newsroom/views.js'
import type { PassageNote } from '../passages.js'
import { NOTE_KINDS, type NoteKind } from '../schema.js'
import { NOTE_LIMITS } from '../transcript-actions.js'

/** How each kind of note is named on the page. */
export const NOTE_LABELS: Record<NoteKind, string> = {
  note: 'Note',
  disputed: 'Disputed',
  supporting: 'Supporting material',
  correction: 'Correction',
}

/** One note with its edit and remove forms. */
export function NoteItem({ id, note, csrf }: { id: number; note: PassageNote; csrf: string }) {
  const base = `/newsroom/interviews/${id}/notes/${note.id}`
  return (
    <li>
      <strong>{NOTE_LABELS[note.kind]}:</strong> {note.body}
      {note.linkUrl ? (
        <>
          {' '}
          (
          <a href={note.linkUrl} rel="noopener noreferrer">
            {note.linkUrl}
          </a>
          )
        </>
      ) : null}
      <details>
        <summary>
          Edit or remove<span class="visually-hidden"> this note</span>
        </summary>
        <form class="nr-form" method="post" action={base}>
          <Csrf token={csrf} />
          <NoteFields prefix={`note-${note.id}`} kind={note.kind} body={note.body} link={note.linkUrl ?? ''} />
          <div>
            <button class="nr-button" type="submit">
              Save the note
            </button>
          </div>
        </form>
        <form method="post" action={`${base}/remove`}>
          <Csrf token={csrf} />
          <button class="nr-button nr-button--danger" type="submit">
            Remove the note
          </button>
        </form>
      </details>
    </li>
  )
}

/** The kind, words and link of a note, in the add form and in each note's edit form. */
function NoteFields({ prefix, kind, body, link }: { prefix: string; kind: string; body: string; link: string }) {
  return (
    <>
      <div class="nr-field">
        <label for={`${prefix}-kind`}>Kind</label>
        <select id={`${prefix}-kind`} name="kind">
          {NOTE_KINDS.map(k => (
            <option key={k} value={k} selected={k === kind}>
              {NOTE_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for={`${prefix}-body`}>Note</label>
        <textarea id={`${prefix}-body`} name="body" rows={2} maxLength={NOTE_LIMITS.body}>
          {body}
        </textarea>
      </div>
      <div class="nr-field">
        <label for={`${prefix}-link`}>Link (optional)</label>
        <input
          id={`${prefix}-link`}
          name="linkUrl"
          type="url"
          inputMode="url"
          value={link}
          autocomplete="off"
          placeholder="https://…"
        />
      </div>
    </>
  )
}

/** The form that adds a note beside a passage, chosen by its number. */
export function AddNoteForm({
  id,
  csrf,
  count,
  position,
}: {
  id: number
  csrf: string
  count: number
  position: number | undefined
}) {
  return (
    <form id="add-note" class="nr-form" method="post" action={`/newsroom/interviews/${id}/notes`} tabindex={-1}>
      <h3>Add a note beside a passage</h3>
      <Csrf token={csrf} />
      <div class="nr-grid">
        <div class="nr-field">
          <label for="note-passage">Passage number</label>
          <input
            id="note-passage"
            name="passage"
            inputMode="numeric"
            value={position === undefined ? '' : String(position + 1)}
            autocomplete="off"
            aria-describedby="note-passage-hint"
          />
          <p id="note-passage-hint" class="nr-hint">
            1 to {count}; “Add a note” on a passage fills it in.
          </p>
        </div>
      </div>
      <NoteFields prefix="new-note" kind="note" body="" link="" />
      <div>
        <button class="nr-button" type="submit">
          Add the note
        </button>
      </div>
    </form>
  )
}
