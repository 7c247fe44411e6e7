// How a refused save's problems show beside the story form's fields: the messages under a field
// and the aria attributes on it. Shared by the editor, its link pickers and the schedule field.
import type { FieldProblem } from '../editor-form.js'

/** The messages of the problems that belong beside one field. */
export function problemsFor(problems: readonly FieldProblem[], field: FieldProblem['field']): string[] {
  return problems.filter(p => p.field === field).map(p => p.message)
}

/** Marks a field invalid and points at its messages, when it has any. */
export function invalidAttributes(problems: readonly FieldProblem[], field: FieldProblem['field']) {
  return problemsFor(problems, field).length
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${field}-error` }
    : {}
}

/** The messages that belong beside one field (an empty live region when there are none, for autosave to fill). */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  return (
    <p id={id} class="nr-field-error" data-field-error={id.replace(/-error$/, '')} hidden={messages.length === 0}>
      {messages.join(' ')}
    </p>
  )
}
