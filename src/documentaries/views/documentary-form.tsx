// The newsroom's documentary form (with its rows of topics, funders and credits) and the list of films.
import { Csrf, ErrorSummary, ImageSelect, SelectField, TextField } from '../../newsroom/views.js'
import { SPARE_ROWS, type FormProblems, type ImageChoice } from '../../newsroom/index.js'
import { formatRuntime } from '../../platform/format.js'
import { DOCUMENTARY_LIMITS, type DocumentaryFields } from '../form.js'
import type { Credit, Documentary } from '../store.js'
import { documentaryUrl } from '../urls.js'

/** Something to choose in a row: a topic or a funder. */
export interface Choice {
  id: number
  name: string
}

/** A field's error line, read out with the field. */
function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} class="nr-field__error">
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null
}

/**
 * An ordered choice of several things, as rows of selects with spare empty rows for adding; a
 * row left at “None” is dropped. Every select is named `name`; their ids are `<name>-<n>`.
 */
function ChoiceRows(props: {
  name: string
  legend: string
  hint: string
  label: string
  chosen: readonly string[]
  choices: readonly Choice[]
  problems: FormProblems
  max: number
}) {
  const { name, chosen, choices, problems } = props
  const spare = Math.max(0, Math.min(SPARE_ROWS, props.max - chosen.length, choices.length - chosen.length))
  const rows = [...chosen, ...Array.from({ length: spare }, () => '')]
  return (
    <fieldset class="nr-fieldset" aria-describedby={`${name}-hint`}>
      <legend>{props.legend}</legend>
      <p id={`${name}-hint`} class="nr-hint">
        {props.hint}
      </p>
      {problems[name] ? (
        <p id={name} class="nr-field__error" tabindex={-1}>
          <span class="visually-hidden">Error: </span>
          {problems[name]}
        </p>
      ) : null}
      {choices.length === 0 ? <p>There are none to choose from yet.</p> : null}
      <div class="nr-grid">
        {rows.map((value, i) => {
          const id = `${name}-${i}`
          const error = problems[id]
          const known = value === '' || choices.some(c => String(c.id) === value)
          return (
            <div key={i} class="nr-field">
              <label for={id}>
                {props.label} {i + 1}
              </label>
              <FieldError id={id} error={error} />
              <select
                id={id}
                name={name}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <option value="">None</option>
                {known ? null : (
                  <option value={value} selected>
                    Not on the list (#{value})
                  </option>
                )}
                {choices.map(c => (
                  <option key={c.id} value={String(c.id)} selected={String(c.id) === value}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}

/** The credits as rows of role and name, with spare empty rows for new ones. */
function CreditRows({ credits, problems }: { credits: readonly Credit[]; problems: FormProblems }) {
  const rows = [
    ...credits,
    ...Array.from(
      { length: Math.max(0, Math.min(SPARE_ROWS + 2, DOCUMENTARY_LIMITS.credits - credits.length)) },
      () => ({ role: '', name: '' }),
    ),
  ]
  return (
    <fieldset class="nr-fieldset" aria-describedby="credits-hint">
      <legend>Credits</legend>
      <p id="credits-hint" class="nr-hint">
        One role and one name a row, in the order they are listed, e.g. “Director” and “Kit Navarro”. Empty both to
        remove a row; save to get more empty rows.
      </p>
      {problems.credits ? (
        <p id="credits" class="nr-field__error" tabindex={-1}>
          <span class="visually-hidden">Error: </span>
          {problems.credits}
        </p>
      ) : null}
      {rows.map((credit, i) => (
        <div key={i} class="nr-grid">
          {(['role', 'name'] as const).map(part => {
            const id = `credits-${i}-${part}`
            const error = problems[id]
            return (
              <div key={part} class="nr-field">
                <label for={id}>
                  {part === 'role' ? 'Role' : 'Name'} {i + 1}
                </label>
                <FieldError id={id} error={error} />
                <input
                  id={id}
                  name={part === 'role' ? 'creditRole' : 'creditName'}
                  value={credit[part]}
                  autocomplete="off"
                  maxLength={part === 'role' ? DOCUMENTARY_LIMITS.role : DOCUMENTARY_LIMITS.name}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                />
              </div>
            )
          })}
        </div>
      ))}
    </fieldset>
  )
}

/** What the form offers to choose from. */
export interface DocumentaryFormChoices {
  images: readonly ImageChoice[]
  topics: readonly Choice[]
  funders: readonly Choice[]
}

/** The form that creates (no `id`) or edits a documentary. */
export function DocumentaryForm({
  id,
  fields,
  problems,
  choices,
  csrf,
}: {
  id?: number | undefined
  fields: DocumentaryFields
  problems: FormProblems
  choices: DocumentaryFormChoices
  csrf: string
}) {
  const L = DOCUMENTARY_LIMITS
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form"
        method="post"
        action={id ? `/newsroom/documentaries/${id}` : '/newsroom/documentaries'}
        novalidate
      >
        <Csrf token={csrf} />
        <TextField
          id="title"
          label="Title"
          value={fields.title}
          problems={problems}
          required
          maxLength={L.title}
          hint="The film’s title, as readers see it."
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="The film’s address: /documentaries/<slug>. Lower-case letters and digits joined by hyphens, e.g. “the-long-river”. Changing it changes the address."
        />
        <TextField
          id="dek"
          label="Dek"
          value={fields.dek}
          problems={problems}
          maxLength={L.dek}
          hint={`The line under the title and on the film’s card. Up to ${L.dek} characters.`}
        />
        <TextField
          id="synopsis"
          label="Synopsis"
          value={fields.synopsis}
          problems={problems}
          rows={8}
          maxLength={L.synopsis}
          hint={`Plain text; leave a blank line between paragraphs. Up to ${L.synopsis.toLocaleString('en')} characters.`}
        />
        <div class="nr-grid">
          <TextField
            id="runtime"
            label="Runtime"
            value={fields.runtime}
            problems={problems}
            required
            maxLength={12}
            hint="Minutes, like “114”, or hours:minutes:seconds, like “1:54:00”. Until the video is processed, the site shows this."
          />
          <TextField
            id="releaseDate"
            label="Release date"
            value={fields.releaseDate}
            problems={problems}
            required
            maxLength={10}
            hint="YYYY-MM-DD, like “2026-01-15”."
          />
          <SelectField
            id="status"
            label="Status"
            value={fields.status}
            problems={problems}
            options={[
              { value: 'draft', label: 'Draft: not on the site' },
              { value: 'published', label: 'Published: on the site' },
            ]}
            hint="Publishing shows the film at once; back to draft takes it off the site."
          />
        </div>
        <ImageSelect
          id="posterId"
          label="Poster"
          value={fields.posterId}
          problems={problems}
          images={choices.images}
          noneLabel="No poster"
          hint="The upright key image on the film’s page and cards, chosen from the stored images by their alt text."
        />
        <ChoiceRows
          name="topics"
          legend="Topics"
          label="Topic"
          chosen={fields.topicIds}
          choices={choices.topics}
          problems={problems}
          max={L.topics}
          hint="The topics the film is filed under, the first one shown above its title. Set a row to “None” to remove it."
        />
        <ChoiceRows
          name="funders"
          legend="Funders credited"
          label="Funder"
          chosen={fields.funderIds}
          choices={choices.funders}
          problems={problems}
          max={L.funders}
          hint="Listed under “Support provided by” on the film’s page, in this order."
        />
        <CreditRows credits={fields.credits} problems={problems} />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the documentary' : 'Create the documentary'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Every documentary whatever its status, by title, each linking to its form. */
export function DocumentaryList({ documentaries }: { documentaries: readonly Documentary[] }) {
  if (documentaries.length === 0) return <p>No documentaries yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Runtime</th>
          <th scope="col">Released</th>
          <th scope="col">Excerpts</th>
        </tr>
      </thead>
      <tbody>
        {documentaries.map(d => (
          <tr key={d.id}>
            <td>
              <a href={`/newsroom/documentaries/${d.id}`}>{d.title}</a>
              {d.status === 'published' ? (
                <>
                  {' '}
                  · <a href={documentaryUrl(d.slug)}>View</a>
                </>
              ) : null}
            </td>
            <td>
              <span class="nr-pill">{d.status}</span>
            </td>
            <td>{formatRuntime(d.runtimeSeconds)}</td>
            <td>{d.releaseDate}</td>
            <td>
              <a href={`/newsroom/documentaries/${d.id}/excerpts`}>
                Excerpts<span class="visually-hidden"> of {d.title}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
