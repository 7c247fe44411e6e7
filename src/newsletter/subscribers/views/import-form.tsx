// The import form (a pasted CSV, the lists, the consent assertion), its refused lines, and the
// summary after an import.
import { Csrf, Notice, CheckboxField, ErrorSummary, TextField } from '../../../newsroom/views.js'
import type { FormProblems } from '../../../newsroom/index.js'
import type { NewsletterList } from '../../lists.js'
import type { ImportSummary, LineProblem } from '../import.js'
import { SUBSCRIBERS_PATH, SubscriberTabs } from './subscriber-list.js'

/** The form's fields as typed. */
export interface ImportFields {
  csv: string
  listIds: number[]
  consent: boolean
  statement: string
}

/** How many refused lines a failed import lists. */
export const SHOWN_LINES = 50

/** The lines that stopped an import, the first SHOWN_LINES of them. */
export function RefusedLines({ problems }: { problems: readonly LineProblem[] }) {
  if (problems.length === 0) return null
  return (
    <section class="nr-section" aria-labelledby="refused-title">
      <h2 id="refused-title">
        {problems.length === 1 ? 'One line' : `${problems.length.toLocaleString('en')} lines`} to fix
      </h2>
      {problems.length > SHOWN_LINES ? <p>The first {SHOWN_LINES} are listed.</p> : null}
      <ul class="nr-refused">
        {problems.slice(0, SHOWN_LINES).map(p => (
          <li key={p.line}>
            <strong>Line {p.line}:</strong> {p.reason}.
          </li>
        ))}
      </ul>
    </section>
  )
}

/** What an import did, with the addresses it left out and why. */
export function ImportDone({ summary }: { summary: ImportSummary }) {
  const n = (x: number) => x.toLocaleString('en')
  return (
    <Notice kind="ok">
      <h2 class="nr-error-summary__title">The import is done</h2>
      <ul>
        <li>{n(summary.added)} added.</li>
        <li>
          {n(summary.updated)} already here and given the chosen lists
          {summary.confirmed ? `, of which ${n(summary.confirmed)} pending ones are now confirmed` : ''}.
        </li>
        <li>{n(summary.skipped.length)} skipped because they unsubscribed or bounced.</li>
        {summary.repeated ? (
          <li>{n(summary.repeated)} lines repeated an address already in the file and were counted once.</li>
        ) : null}
      </ul>
      {summary.skipped.length ? (
        <details>
          <summary>The skipped addresses</summary>
          <ul>
            {summary.skipped.slice(0, 500).map(s => (
              <li key={s.line}>
                Line {s.line}: {s.email} ({s.status})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Notice>
  )
}

export interface ImportFormProps {
  fields: ImportFields
  lists: readonly NewsletterList[]
  problems: FormProblems
  refused: readonly LineProblem[]
  csrf: string
  maxBytesLabel: string
  maxRows: number
}

/** The import form. */
export function ImportForm({ fields, lists, problems, refused, csrf, maxBytesLabel, maxRows }: ImportFormProps) {
  return (
    <form class="nr-form nr-import" method="post" action={`${SUBSCRIBERS_PATH}/import`}>
      <ErrorSummary problems={problems} />
      <RefusedLines problems={refused} />
      <Csrf token={csrf} />
      <TextField
        id="csv"
        label="Addresses (CSV)"
        rows={12}
        value={fields.csv}
        problems={problems}
        required
        hint={`Paste the file’s text: a header line with an “email” column (other columns are ignored), then one address a line; or just the addresses, one a line. Up to ${maxBytesLabel} and ${maxRows.toLocaleString('en')} addresses. Every line is checked first: if one is wrong, nothing is imported.`}
      />
      <fieldset class="nr-fieldset" aria-describedby="lists-hint">
        <legend>Add them to</legend>
        <p id="lists-hint" class="nr-hint">
          Addresses already here keep their lists and gain these.
        </p>
        {problems.lists ? (
          <p id="lists" class="nr-field__error" tabindex={-1}>
            <span class="visually-hidden">Error: </span>
            {problems.lists}
          </p>
        ) : null}
        {lists.map(l => (
          <div key={l.id}>
            <input
              type="checkbox"
              id={`list-${l.id}`}
              name="list"
              value={String(l.id)}
              checked={fields.listIds.includes(l.id)}
            />{' '}
            <label for={`list-${l.id}`}>{l.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="nr-fieldset">
        <legend>Consent</legend>
        <p class="nr-hint">
          Without this, imported addresses are stored as pending: they get no newsletter and no mail asking them to
          confirm.
        </p>
        <CheckboxField
          id="consent"
          label="These people gave their consent to receive this newsletter"
          checked={fields.consent}
          hint="Then they are imported as confirmed, and your statement below is recorded with each address, with your name and today’s date."
        />
        <TextField
          id="statement"
          label="Where and when did they give it?"
          rows={3}
          maxLength={500}
          value={fields.statement}
          problems={problems}
          hint="Required when you tick the box, e.g. “Signed up on our old site’s form, 2019–2024 (double opt-in through Mailchimp)”."
        />
      </fieldset>
      <div>
        <button class="nr-button" type="submit">
          Check and import
        </button>
      </div>
    </form>
  )
}

/** The import page: the summary of an import just done, and the form. */
export function ImportPage(props: ImportFormProps & { summary?: ImportSummary | undefined }) {
  return (
    <>
      <SubscriberTabs current="import" isAdmin />
      {props.summary ? <ImportDone summary={props.summary} /> : null}
      <ImportForm {...props} />
    </>
  )
}
