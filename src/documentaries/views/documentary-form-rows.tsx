// The documentary form's repeating rows: ordered choices (topics, funders) as rows of selects and
// the credits as rows of role and name, each with spare empty rows for adding. Apart from
// documentary-form.tsx because they are the form's one piece of structure beyond plain fields.
import { SPARE_ROWS, type FormProblems } from '../../newsroom/index.js'
import { DOCUMENTARY_LIMITS } from '../form.js'
import type { Credit } from '../store.js'

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
export function ChoiceRows(props: {
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
export function CreditRows({ credits, problems }: { credits: readonly Credit[]; problems: FormProblems }) {
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
