// The newsroom's page for a story's corrections: each with its whole history and a form to
// amend it, and a form to append a new one. Nothing here deletes.
import { formatZonedTime } from '../../platform/time.js'
import { Csrf, Notice } from '../../newsroom/views.js'
import { CORRECTION_KINDS } from '../schema.js'
import type { CorrectionHistoryEntry, EditableCorrection } from '../store.js'
import { MAX_CORRECTION_LENGTH, type CorrectionFormValues } from '../form.js'
import { correctionLabel } from '../labels.js'

/** A correction with every state it has had. */
export interface CorrectionWithHistory {
  correction: EditableCorrection
  history: CorrectionHistoryEntry[]
}

/** A story revision a correction can name as the one it fixes. */
export interface RevisionChoice {
  id: number
  version: number
  savedAt: string
}

export interface CorrectionAdminPageProps {
  story: { id: number; title: string }
  /** The story's public address, when readers can see it. */
  publicHref?: string | undefined
  entries: CorrectionWithHistory[]
  revisions: RevisionChoice[]
  csrf: string
  timeZone: string
  /** Names of the staff who changed corrections, by account id. */
  accountNames: ReadonlyMap<number, string>
  now: string
  notice?: string | undefined
  append: { values: CorrectionFormValues; problem?: string | undefined; min: string; max: string }
  /** A refused amendment, shown again in its own form. */
  amend?: { id: number; values: Pick<CorrectionFormValues, 'kind' | 'body'>; problem: string } | undefined
}

/** The whole page body; the newsroom layout adds the title and navigation. */
export function CorrectionAdminPage(props: CorrectionAdminPageProps) {
  const { story, publicHref, entries, notice } = props
  return (
    <>
      <p>
        Corrections and clarifications to <strong>{story.title || 'an untitled story'}</strong>.
        {publicHref ? (
          <>
            {' '}
            <a href={`${publicHref}#corrections`}>See them on the site</a>.
          </>
        ) : null}
      </p>
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      <section class="nr-section" aria-labelledby="existing-heading">
        <h2 id="existing-heading">Appended so far</h2>
        {entries.length === 0 ? (
          <p>This story has no corrections or clarifications yet.</p>
        ) : (
          <ol class="nr-corrections">
            {entries.map(entry => (
              <li key={entry.correction.id}>
                <CorrectionEntry entry={entry} page={props} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <AppendForm page={props} />
    </>
  )
}

function CorrectionEntry({ entry, page }: { entry: CorrectionWithHistory; page: CorrectionAdminPageProps }) {
  const { correction: c } = entry
  // Corrections from before histories were kept have none yet: their text as it stands is the first.
  const history = entry.history.length
    ? entry.history
    : [{ id: 0, correctionId: c.id, kind: c.kind, body: c.body, accountId: null, changedAt: c.createdAt }]
  const fixed = page.revisions.find(r => r.id === c.fixesRevisionId)
  const refused = page.amend?.id === c.id ? page.amend : undefined
  const values = refused?.values ?? { kind: c.kind, body: c.body }
  const prefix = `correction-${c.id}`
  return (
    <article id={prefix} class="nr-correction">
      <h3>
        {correctionLabel(c.kind)}, {formatZonedTime(c.publishedAt, page.timeZone)}
        {Date.parse(c.publishedAt) > Date.parse(page.now) ? ' (not shown to readers until then)' : ''}
      </h3>
      {c.fixesRevisionId !== null ? (
        <p class="nr-hint">
          Fixes{' '}
          {fixed
            ? `version ${fixed.version}, saved ${formatZonedTime(fixed.savedAt, page.timeZone)}`
            : `revision #${c.fixesRevisionId}`}
          .
        </p>
      ) : null}
      <p class="nr-correction__text">{c.body}</p>
      <details>
        <summary>History ({history.length === 1 ? 'as first written' : `${history.length} versions`})</summary>
        <ol>
          {history.map(h => (
            <li key={h.id}>
              <p class="nr-hint">
                {formatZonedTime(h.changedAt, page.timeZone)} ·{' '}
                {h.accountId === null
                  ? 'by an account not recorded'
                  : `by ${page.accountNames.get(h.accountId) ?? `staff account #${h.accountId}`}`}{' '}
                · {correctionLabel(h.kind)}
              </p>
              <p class="nr-correction__text">{h.body}</p>
            </li>
          ))}
        </ol>
      </details>
      <form class="nr-form" method="post" action={`/newsroom/corrections/${c.id}`}>
        <Csrf token={page.csrf} />
        {refused ? <Notice kind="error">{refused.problem} Nothing was saved.</Notice> : null}
        <KindSelect id={`${prefix}-kind`} value={values.kind} />
        <div class="nr-field">
          <label for={`${prefix}-body`}>Amended text</label>
          <textarea
            id={`${prefix}-body`}
            name="body"
            required
            maxLength={MAX_CORRECTION_LENGTH}
            aria-describedby={`${prefix}-hint`}
          >
            {values.body}
          </textarea>
          <p id={`${prefix}-hint`} class="nr-hint">
            Readers see the amended text; the earlier text stays in the history above.
          </p>
        </div>
        <div>
          <button class="nr-button nr-button--quiet" type="submit">
            Save the amendment
          </button>
        </div>
      </form>
    </article>
  )
}

function AppendForm({ page }: { page: CorrectionAdminPageProps }) {
  const { values, problem, min, max } = page.append
  return (
    <section class="nr-section" aria-labelledby="append-heading">
      <h2 id="append-heading">Append a correction or clarification</h2>
      <form class="nr-form" method="post" action={`/newsroom/stories/${page.story.id}/corrections`}>
        <Csrf token={page.csrf} />
        {problem ? <Notice kind="error">{problem} Nothing was saved.</Notice> : null}
        <KindSelect id="new-kind" value={values.kind} />
        <div class="nr-field">
          <label for="new-body">Text</label>
          <textarea
            id="new-body"
            name="body"
            required
            maxLength={MAX_CORRECTION_LENGTH}
            aria-describedby="new-body-hint"
          >
            {values.body}
          </textarea>
          <p id="new-body-hint" class="nr-hint">
            Plain text, up to {MAX_CORRECTION_LENGTH.toLocaleString('en-US')} characters. Readers see it at the foot of
            the story, on the corrections page and in its feed. It can be amended later but never deleted.
          </p>
        </div>
        <div class="nr-field">
          <label for="new-published-at">Publication time</label>
          <input
            id="new-published-at"
            name="publishedAt"
            type="datetime-local"
            required
            value={values.publishedAt}
            min={min}
            max={max}
            aria-describedby="new-published-at-hint"
          />
          <p id="new-published-at-hint" class="nr-hint">
            In the newsroom’s time zone ({page.timeZone}). Now, unless you change it; a later time keeps it from readers
            until then.
          </p>
        </div>
        <div class="nr-field">
          <label for="new-revision">The revision it fixes (optional)</label>
          <select id="new-revision" name="fixesRevisionId">
            <option value="" selected={values.fixesRevisionId === ''}>
              None named
            </option>
            {page.revisions.map(r => (
              <option key={r.id} value={String(r.id)} selected={values.fixesRevisionId === String(r.id)}>
                Version {r.version}, saved {formatZonedTime(r.savedAt, page.timeZone)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button class="nr-button" type="submit">
            Append
          </button>
        </div>
      </form>
    </section>
  )
}

function KindSelect({ id, value }: { id: string; value: string }) {
  return (
    <div class="nr-field">
      <label for={id}>Kind</label>
      <select id={id} name="kind">
        {CORRECTION_KINDS.map(kind => (
          <option key={kind} value={kind} selected={kind === value}>
            {correctionLabel(kind)}
          </option>
        ))}
      </select>
    </div>
  )
}
