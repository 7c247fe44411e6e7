// Newsroom form fields shared by the content forms (topics, people, pages, funders, settings):
// a label, an optional hint, the field's own error, and the wiring screen readers need.
import type { ComponentChildren } from 'preact'
import { Notice } from '../views/layout.js'
import { SPARE_ROWS, type FormProblems, type ImageChoice, type LinkRow } from './values.js'

interface FieldBase {
  id: string
  /** The form field's name; the id when not given. */
  name?: string | undefined
  label: string
  hint?: string | undefined
  problems: FormProblems
}

/** The ids that describe a field: its hint and its error, when present. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** Label, hint and error around one control. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  children: ComponentChildren
}) {
  return (
    <div class="nr-field">
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="nr-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="nr-field__error">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  )
}

/** A one-line text input (or a textarea when `rows` is given). */
export function TextField(
  props: FieldBase & {
    value: string
    required?: boolean | undefined
    maxLength?: number | undefined
    rows?: number | undefined
    type?: 'text' | 'url' | undefined
    inputMode?: 'numeric' | undefined
    autocomplete?: string | undefined
    list?: string | undefined
  },
) {
  const { id, label, hint, problems, value, rows } = props
  const error = problems[id]
  const common = {
    id,
    name: props.name ?? id,
    required: props.required,
    maxLength: props.maxLength,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? ('true' as const) : undefined,
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {rows ? (
        <textarea {...common} rows={rows}>
          {value}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={value}
          inputMode={props.inputMode}
          autocomplete={props.autocomplete ?? 'off'}
          list={props.list}
        />
      )}
    </FieldFrame>
  )
}

/** A choice from a list. */
export function SelectField(
  props: FieldBase & { value: string; options: readonly { value: string; label: string }[] },
) {
  const { id, label, hint, problems, value, options } = props
  const error = problems[id]
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={props.name ?? id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {options.map(o => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** A yes/no question as a checkbox; an unticked box sends nothing, which reads as no. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
}: {
  id: string
  label: string
  hint?: string | undefined
  checked: boolean
}) {
  return (
    <div class="nr-field">
      <div>
        <input
          type="checkbox"
          id={id}
          name={id}
          value="1"
          checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />{' '}
        <label for={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} class="nr-hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A select of stored images, with "none" first. */
export function ImageSelect(props: FieldBase & { value: string; images: readonly ImageChoice[]; noneLabel: string }) {
  const options = [
    { value: '', label: props.noneLabel },
    ...props.images.map(i => ({ value: String(i.id), label: `${i.alt || 'Image without alt text'} (#${i.id})` })),
  ]
  return <SelectField {...props} options={options} />
}

/**
 * A list of links edited as rows of two fields, with spare empty rows for adding; a row left
 * empty is dropped. Row fields are named `<name>Key` and `<name>Href`, their ids `<name>-<n>-key|href`.
 */
export function LinkRows(props: {
  name: string
  legend: string
  hint: string
  rows: readonly LinkRow[]
  problems: FormProblems
  max: number
  keyLabel: string
  hrefLabel: string
  keyChoices?: readonly { value: string; label: string }[]
}) {
  const { name, rows, problems, keyChoices } = props
  const shown = [
    ...rows,
    ...Array.from({ length: Math.min(SPARE_ROWS, Math.max(0, props.max - rows.length)) }, () => ({
      key: '',
      href: '',
    })),
  ]
  const error = problems[name]
  return (
    <fieldset class="nr-fieldset" aria-describedby={`${name}-hint`}>
      <legend>{props.legend}</legend>
      <p id={`${name}-hint`} class="nr-hint">
        {props.hint}
      </p>
      {error ? (
        <p id={name} class="nr-field__error" tabindex={-1}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {shown.map((row, i) => {
        const keyId = `${name}-${i}-key`
        const hrefId = `${name}-${i}-href`
        const rowError = [problems[keyId], problems[hrefId]].filter(Boolean).join(' ')
        return (
          <div key={i} class="nr-link-row">
            <div class="nr-field">
              <label for={keyId}>
                {props.keyLabel} {i + 1}
              </label>
              {keyChoices ? (
                <select id={keyId} name={`${name}Key`} aria-invalid={problems[keyId] ? 'true' : undefined}>
                  {keyChoices.map(c => (
                    <option key={c.value} value={c.value} selected={c.value === row.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={keyId}
                  name={`${name}Key`}
                  value={row.key}
                  maxLength={200}
                  aria-invalid={problems[keyId] ? 'true' : undefined}
                  aria-describedby={problems[keyId] ? `${name}-${i}-error` : undefined}
                />
              )}
            </div>
            <div class="nr-field">
              <label for={hrefId}>
                {props.hrefLabel} {i + 1}
              </label>
              <input
                id={hrefId}
                name={`${name}Href`}
                value={row.href}
                inputMode="url"
                autocomplete="off"
                aria-invalid={problems[hrefId] ? 'true' : undefined}
                aria-describedby={rowError ? `${name}-${i}-error` : undefined}
              />
            </div>
            {rowError ? (
              <p id={`${name}-${i}-error`} class="nr-field__error">
                <span class="visually-hidden">Error: </span>
                {rowError}
              </p>
            ) : null}
          </div>
        )
      })}
    </fieldset>
  )
}

/** The list of problems above a form, each linking to its field; nothing when there are none. */
export function ErrorSummary({ problems }: { problems: FormProblems }) {
  const entries = Object.entries(problems)
  if (entries.length === 0) return null
  return (
    <Notice kind="error">
      <h2 class="nr-error-summary__title">
        {entries.length === 1
          ? 'There is a problem; nothing was saved'
          : `There are ${entries.length} problems; nothing was saved`}
      </h2>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a href={`#${id}`}>{message}</a>
          </li>
        ))}
      </ul>
    </Notice>
  )
}
