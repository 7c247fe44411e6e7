// The newsroom's interview form: the interview's own fields, the person interviewed (chosen from
// People), the documentaries, topics and interviewers it is filed under (searchable multi-selects,
// as the story form has; see newsroom-choice-fields.tsx), and its film moments as rows of times.
import { Csrf, ErrorSummary, TextField } from '../../newsroom/views.js'
import { SPARE_ROWS, type FormProblems } from '../../newsroom/index.js'
import { INTERVIEW_LIMITS, type InterviewFormFields, type MomentRow } from '../form.js'
import { FieldError, MultiChoice, PersonChoice, type Choice } from './newsroom-choice-fields.js'

/** What the form offers to choose from. */
export interface InterviewFormChoices {
  people: readonly Choice[]
  documentaries: readonly Choice[]
  topics: readonly Choice[]
}

const MOMENT_PARTS = [
  ['filmStart', 'momentFilmStart', 'Film from'],
  ['filmEnd', 'momentFilmEnd', 'Film to'],
  ['start', 'momentStart', 'Interview from'],
  ['end', 'momentEnd', 'Interview to'],
  ['label', 'momentLabel', 'Label'],
] as const

/** The film moments as rows, with spare empty rows; a row left empty is dropped. */
function MomentRows({
  moments,
  films,
  problems,
}: {
  moments: readonly MomentRow[]
  films: readonly Choice[]
  problems: FormProblems
}) {
  const spare = Math.max(0, Math.min(SPARE_ROWS - 1, INTERVIEW_LIMITS.moments - moments.length))
  // Without a documentary chosen there is nothing a moment could be of: no empty rows then.
  const rows = [
    ...moments,
    ...Array.from(
      { length: films.length ? spare : 0 },
      (): MomentRow => ({ documentaryId: '', filmStart: '', filmEnd: '', start: '', end: '', label: '' }),
    ),
  ]
  return (
    <fieldset class="nr-fieldset" aria-describedby="moments-hint">
      <legend>In the film</legend>
      <p id="moments-hint" class="nr-hint">
        Moments of a documentary that use this interview, linked both ways on the site. Times as m:ss or h:mm:ss. Empty
        a row to remove it; save to get more rows.
      </p>
      {problems.moments ? (
        <p id="moments" class="nr-field__error" tabindex={-1}>
          <span class="visually-hidden">Error: </span>
          {problems.moments}
        </p>
      ) : null}
      {films.length === 0 ? <p>Choose the documentaries above and save before adding moments.</p> : null}
      {rows.map((row, i) => (
        <div key={i} class="nr-grid">
          <div class="nr-field">
            <label for={`moments-${i}-film`}>Documentary {i + 1}</label>
            <FieldError id={`moments-${i}-film`} error={problems[`moments-${i}-film`]} />
            <select id={`moments-${i}-film`} name="momentFilm">
              <option value="">None</option>
              {films.map(f => (
                <option key={f.id} value={String(f.id)} selected={String(f.id) === row.documentaryId}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          {MOMENT_PARTS.map(([part, name, label]) => {
            const id = `moments-${i}-${part}`
            return (
              <div key={part} class="nr-field">
                <label for={id}>
                  {label} {i + 1}
                </label>
                <FieldError id={id} error={problems[id]} />
                <input
                  id={id}
                  name={name}
                  value={row[part]}
                  autocomplete="off"
                  maxLength={part === 'label' ? INTERVIEW_LIMITS.label : 10}
                  aria-invalid={problems[id] ? 'true' : undefined}
                  aria-describedby={problems[id] ? `${id}-error` : undefined}
                />
              </div>
            )
          })}
        </div>
      ))}
    </fieldset>
  )
}

/** The form that creates (no `id`) or edits an interview. */
export function InterviewForm({
  id,
  fields,
  problems,
  choices,
  csrf,
}: {
  id?: number | undefined
  fields: InterviewFormFields
  problems: FormProblems
  choices: InterviewFormChoices
  csrf: string
}) {
  const L = INTERVIEW_LIMITS
  const films = choices.documentaries.filter(d => fields.documentaryIds.includes(String(d.id)))
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form"
        method="post"
        action={id ? `/newsroom/interviews/${id}` : '/newsroom/interviews'}
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
          hint="As readers see it, e.g. “Ana Ruiz on the harbour permits”."
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="The interview’s address: /interviews/<slug>. Lower-case letters and digits joined by hyphens, e.g. “ana-ruiz-harbour”."
        />
        <div class="nr-grid">
          <PersonChoice value={fields.personId} people={choices.people} problems={problems} />
          <TextField
            id="personRole"
            label="Role at the time"
            value={fields.personRole}
            problems={problems}
            maxLength={L.personRole}
            hint="What they were when interviewed, e.g. “Former port clerk”."
          />
        </div>
        <div class="nr-grid">
          <TextField
            id="recordedOn"
            label="Date"
            value={fields.recordedOn}
            problems={problems}
            maxLength={10}
            hint="YYYY-MM-DD; empty when not known."
          />
          <TextField
            id="place"
            label="Place"
            value={fields.place}
            problems={problems}
            maxLength={L.place}
            hint="Where it was recorded, e.g. “Porto”."
          />
        </div>
        <TextField
          id="summary"
          label="Summary"
          value={fields.summary}
          problems={problems}
          rows={4}
          maxLength={L.summary}
          hint="A few sentences on what the conversation covers."
        />
        <div class="nr-grid">
          <MultiChoice
            name="documentaries"
            label="Documentaries"
            hint="The films it was recorded for."
            chosen={fields.documentaryIds}
            choices={choices.documentaries}
            problems={problems}
          />
          <MultiChoice
            name="topics"
            label="Topics"
            hint="The topics it is filed under."
            chosen={fields.topicIds}
            choices={choices.topics}
            problems={problems}
          />
          <MultiChoice
            name="interviewers"
            label="Interviewers"
            hint="Who asked the questions."
            chosen={fields.interviewerIds}
            choices={choices.people}
            problems={problems}
          />
        </div>
        {id ? <MomentRows moments={fields.moments} films={films} problems={problems} /> : null}
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the interview' : 'Create the interview'}
          </button>
        </div>
      </form>
    </>
  )
}
