// The choosing fields of the newsroom's interview form: the person interviewed (one of People)
// and the searchable multi-selects for documentaries, topics and interviewers, with the error line
// they share with the film-moment rows. Apart so the form itself reads as its fields in order.
import type { FormProblems } from '../../newsroom/index.js'

/** Something to choose: a person, a topic or a documentary. */
export interface Choice {
  id: number
  name: string
}

/** A field's problem, named by the field's id so the input can point at it. */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} class="nr-field__error">
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null
}

const described = (id: string, error: string | undefined) => ({
  'aria-describedby': error ? `${id}-error ${id}-hint` : `${id}-hint`,
  'aria-invalid': error ? ('true' as const) : undefined,
})

/** A searchable multi-select (the combobox island enhances it; without script it is a plain list). */
export function MultiChoice({
  name,
  label,
  hint,
  chosen,
  choices,
  problems,
}: {
  name: string
  label: string
  hint: string
  chosen: readonly string[]
  choices: readonly Choice[]
  problems: FormProblems
}) {
  const error = problems[name]
  return (
    <div class="nr-field">
      <label for={name}>{label}</label>
      <FieldError id={name} error={error} />
      <select id={name} name={name} multiple data-combobox size={6} {...described(name, error)}>
        {choices.map(c => (
          <option key={c.id} value={String(c.id)} selected={chosen.includes(String(c.id))}>
            {c.name}
          </option>
        ))}
      </select>
      <p id={`${name}-hint`} class="nr-hint">
        {hint}
      </p>
    </div>
  )
}

/** The person interviewed: one of People. */
export function PersonChoice({
  value,
  people,
  problems,
}: {
  value: string
  people: readonly Choice[]
  problems: FormProblems
}) {
  const error = problems.personId
  const known = value === '' || people.some(p => String(p.id) === value)
  return (
    <div class="nr-field">
      <label for="personId">Person interviewed</label>
      <FieldError id="personId" error={error} />
      <select id="personId" name="personId" {...described('personId', error)}>
        <option value="">Choose a person</option>
        {known ? null : (
          <option value={value} selected>
            Not on the list (#{value})
          </option>
        )}
        {people.map(p => (
          <option key={p.id} value={String(p.id)} selected={String(p.id) === value}>
            {p.name}
          </option>
        ))}
      </select>
      <p id="personId-hint" class="nr-hint">
        Someone not on the list? Add them under <a href="/newsroom/people/new">People</a> first; they need not be staff.
      </p>
    </div>
  )
}
