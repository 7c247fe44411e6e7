// The newsroom's documentary form and the list of films. The form's rows of topics, funders and
// credits are in documentary-form-rows.tsx.
import { CheckboxField, Csrf, ErrorSummary, ImageSelect, SelectField, TextField } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import { formatRuntime } from '../../platform/format.js'
import { DOCUMENTARY_LIMITS, type DocumentaryFields } from '../form.js'
import type { Documentary } from '../store.js'
import { documentaryUrl } from '../urls.js'
import { ChoiceRows, CreditRows, type Choice } from './documentary-form-rows.js'

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
        <CheckboxField
          id="featured"
          label="Feature this film at the top of Documentaries"
          checked={fields.featured}
          hint="The film featured most recently is shown; with none featured, the newest film is."
        />
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
