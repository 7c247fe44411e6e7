// The story form's pickers for what a story links to: its authors (the byline), its topics and
// its related documentaries. Apart from story-editor.tsx, which holds the story's own fields.
import type { Person } from '../../people/index.js'
import type { Topic } from '../../topics/index.js'
import type { Documentary } from '../../documentaries/index.js'
import type { FieldProblem, StoryFormValues } from '../editor-form.js'
import { FieldError, invalidAttributes, problemsFor } from './field-problems.js'

/** The authors, topics and related documentaries pickers, with what was chosen selected. */
export function StoryLinkFields(props: {
  values: Pick<StoryFormValues, 'authorIds' | 'topicIds' | 'documentaryIds'>
  people: Person[]
  topics: Topic[]
  documentaries: Documentary[]
  problems: readonly FieldProblem[]
}) {
  const { values, problems } = props
  const problemFor = (field: FieldProblem['field']) => problemsFor(problems, field)
  const invalid = (field: FieldProblem['field']) => invalidAttributes(problems, field)
  return (
    <div class="nr-grid">
      <div class="nr-field">
        <label for="authors">Authors</label>
        <select
          id="authors"
          name="authors"
          multiple
          data-combobox
          size={6}
          aria-describedby={problemFor('authors').length ? 'authors-error authors-hint' : 'authors-hint'}
          aria-invalid={problemFor('authors').length ? 'true' : undefined}
        >
          {props.people.map(p => (
            <option key={p.id} value={String(p.id)} selected={values.authorIds.includes(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError id="authors-error" messages={problemFor('authors')} />
        <p id="authors-hint" class="nr-hint">
          Type a name to choose; add as many as wrote it. The byline lists them in this order.
        </p>
      </div>
      <div class="nr-field">
        <label for="topics">Topics</label>
        <select
          id="topics"
          name="topics"
          multiple
          data-combobox
          size={6}
          aria-describedby={problemFor('topics').length ? 'topics-error topics-hint' : 'topics-hint'}
          aria-invalid={problemFor('topics').length ? 'true' : undefined}
        >
          {props.topics.map(t => (
            <option key={t.id} value={String(t.id)} selected={values.topicIds.includes(t.id)}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError id="topics-error" messages={problemFor('topics')} />
        <p id="topics-hint" class="nr-hint">
          The first is the story's main topic.
        </p>
      </div>
      <div class="nr-field">
        <label for="documentaries">Related documentaries</label>
        <select id="documentaries" name="documentaries" multiple data-combobox size={6} {...invalid('documentaries')}>
          {props.documentaries.map(d => (
            <option key={d.id} value={String(d.id)} selected={values.documentaryIds.includes(d.id)}>
              {d.title}
            </option>
          ))}
        </select>
        <FieldError id="documentaries-error" messages={problemFor('documentaries')} />
      </div>
    </div>
  )
}
