// The newsroom's excerpt form and the list of one film's excerpts.
import { formatTimecode } from '../../body/index.js'
import { Csrf, ErrorSummary, TextField } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import { EXCERPT_LIMITS, type ExcerptFields } from '../form.js'
import type { Excerpt } from '../store.js'

/** The form that adds an excerpt to a film (`action` the film's excerpts) or edits one. */
export function ExcerptForm({
  action,
  fields,
  problems,
  runtimeSeconds,
  csrf,
  isNew,
}: {
  action: string
  fields: ExcerptFields
  problems: FormProblems
  runtimeSeconds: number
  csrf: string
  isNew: boolean
}) {
  const runtime = formatTimecode(runtimeSeconds)
  return (
    <>
      <ErrorSummary problems={problems} />
      <form class="nr-form nr-narrow" method="post" action={action} novalidate>
        <Csrf token={csrf} />
        <TextField
          id="title"
          label="Title"
          value={fields.title}
          problems={problems}
          required
          maxLength={EXCERPT_LIMITS.title}
          hint="The passage’s name, as readers see it where a story embeds it and on the film’s page."
        />
        <TextField
          id="caption"
          label="Caption"
          value={fields.caption}
          problems={problems}
          rows={3}
          maxLength={EXCERPT_LIMITS.caption}
          hint={`A sentence on what happens in it. Plain text, up to ${EXCERPT_LIMITS.caption.toLocaleString('en')} characters.`}
        />
        <div class="nr-grid">
          <TextField
            id="start"
            label="Start"
            value={fields.start}
            problems={problems}
            required
            maxLength={12}
            hint="m:ss or h:mm:ss, like “12:05” or “1:02:03”."
          />
          <TextField
            id="end"
            label="End"
            value={fields.end}
            problems={problems}
            required
            maxLength={12}
            hint={`After the start, at most 10 minutes later; the film runs ${runtime}.`}
          />
        </div>
        <div>
          <button class="nr-button" type="submit">
            {isNew ? 'Add the excerpt' : 'Save the excerpt'}
          </button>
        </div>
      </form>
    </>
  )
}

/** A film's excerpts in timeline order, each linking to its form. */
export function ExcerptList({ excerpts }: { excerpts: readonly Excerpt[] }) {
  if (excerpts.length === 0) return <p>No excerpts of this film yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Title</th>
          <th scope="col">Caption</th>
        </tr>
      </thead>
      <tbody>
        {excerpts.map(e => (
          <tr key={e.id} id={`excerpt-${e.id}`}>
            <td>
              {formatTimecode(e.startSeconds)}–{formatTimecode(e.endSeconds)}
            </td>
            <td>
              <a href={`/newsroom/excerpts/${e.id}`}>{e.title}</a>
            </td>
            <td>{e.caption}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
