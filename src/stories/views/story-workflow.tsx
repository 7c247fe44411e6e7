// The story's workflow in the editor: the buttons that move it between statuses (inside the story
// form, or a form of their own for someone who may move but not edit) and the history of its moves.
import { Csrf } from '../../newsroom/views.js'
import { formatZonedTime } from '../../platform/time.js'
import type { StoryAction } from '../workflow.js'
import { FieldError } from './field-problems.js'

/** One move between statuses: who made it, and when. */
export interface WorkflowHistoryEntry {
  from: string
  to: string
  by: string
  at: string
}

const ACTION_LABELS: Record<StoryAction, string> = {
  submit: 'Submit for review',
  publish: 'Publish now',
  schedule: 'Schedule',
  unpublish: 'Unpublish',
  'to-draft': 'Back to draft',
}

/**
 * The status buttons inside the story form: each sends the fields with the move, so what is
 * typed is what is published (the server saves and moves in one transaction).
 */
export function WorkflowButtons({
  actions,
  scheduleProblems,
}: {
  actions: StoryAction[]
  scheduleProblems: readonly string[]
}) {
  return (
    <>
      {actions.includes('schedule') ? (
        <span class="nr-field nr-field--inline">
          <label for="scheduled-for">Publish at</label>
          <input
            id="scheduled-for"
            name="scheduledFor"
            type="datetime-local"
            step="1"
            aria-invalid={scheduleProblems.length ? 'true' : undefined}
            aria-describedby={scheduleProblems.length ? 'scheduledFor-error' : undefined}
          />
          <FieldError id="scheduledFor-error" messages={scheduleProblems} />
        </span>
      ) : null}
      {actions.map(action => (
        <button
          key={action}
          class={`nr-button ${action === 'unpublish' ? 'nr-button--danger' : action === 'publish' ? '' : 'nr-button--quiet'}`}
          type="submit"
          name="action"
          value={action}
        >
          {ACTION_LABELS[action]}
        </button>
      ))}
    </>
  )
}

/** For someone who may move the story but not edit it (a contributor taking back a story in review). */
export function WorkflowForm({ base, csrf, actions }: { base: string; csrf: string; actions: StoryAction[] }) {
  return (
    <form class="nr-workflow" method="post" action={`${base}/status`}>
      <Csrf token={csrf} />
      <WorkflowButtons actions={actions} scheduleProblems={[]} />
    </form>
  )
}

/** Who moved the story between statuses, and when; newest first. */
export function WorkflowHistory({ history, timeZone }: { history: WorkflowHistoryEntry[]; timeZone: string }) {
  return (
    <section class="nr-section" aria-labelledby="history-heading">
      <h2 id="history-heading">Workflow history</h2>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={i}>
              <td>{formatZonedTime(h.at, timeZone)}</td>
              <td>{h.by}</td>
              <td>{h.from.replace('_', ' ')}</td>
              <td>{h.to.replace('_', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
