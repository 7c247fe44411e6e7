// The newsroom's show form and the list of shows.
import { Csrf, CheckboxField, ErrorSummary, ImageSelect, SelectField, TextField } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import { categoryOptions } from '../categories.js'
import { PODCAST_LIMITS, type ShowForm as ShowFormFields } from '../form.js'
import type { Show } from '../show-store.js'
import { showUrl } from '../urls.js'

/** The form that creates (no `id`) or edits a show. */
export function ShowForm({
  id,
  fields,
  problems,
  images,
  csrf,
}: {
  id?: number | undefined
  fields: ShowFormFields
  problems: FormProblems
  images: readonly ImageChoice[]
  csrf: string
}) {
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form nr-narrow"
        method="post"
        action={id ? `/newsroom/podcasts/${id}` : '/newsroom/podcasts'}
        novalidate
      >
        <Csrf token={csrf} />
        <TextField
          id="title"
          label="Title"
          value={fields.title}
          problems={problems}
          required
          maxLength={PODCAST_LIMITS.title}
          hint="The show’s name, as podcast apps list it."
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="The show’s address: /podcasts/<slug>. Lower-case letters and digits joined by hyphens. The show’s podcast GUID is made from its first feed address and never changes."
        />
        <TextField
          id="description"
          label="Description"
          value={fields.description}
          problems={problems}
          rows={5}
          required
          maxLength={PODCAST_LIMITS.description}
          hint="What the show is about, in plain text. Podcast apps show it on the show’s page."
        />
        <ImageSelect
          id="artworkId"
          label="Artwork"
          value={fields.artworkId}
          problems={problems}
          images={images}
          noneLabel="No artwork"
          hint="A square picture; Apple Podcasts asks for 1400 to 3000 pixels a side."
        />
        <SelectField
          id="category"
          label="Apple Podcasts category"
          value={fields.category}
          problems={problems}
          options={[{ value: '', label: 'Choose a category' }, ...categoryOptions()]}
          hint="One category, and optionally one of its subcategories."
        />
        <CheckboxField
          id="explicit"
          label="Explicit"
          checked={fields.explicit}
          hint="Tick when episodes hold language or content unsuitable for children."
        />
        <div class="nr-grid">
          <TextField
            id="ownerName"
            label="Owner name"
            value={fields.ownerName}
            problems={problems}
            required
            maxLength={PODCAST_LIMITS.name}
          />
          <TextField
            id="ownerEmail"
            label="Owner email"
            value={fields.ownerEmail}
            problems={problems}
            required
            maxLength={PODCAST_LIMITS.email}
            hint="In the feed, where directories write to confirm who runs the show."
          />
        </div>
        <TextField
          id="author"
          label="Author"
          value={fields.author}
          problems={problems}
          required
          maxLength={PODCAST_LIMITS.name}
          hint="Who makes the show, as apps credit it."
        />
        <div class="nr-grid">
          <TextField
            id="language"
            label="Language"
            value={fields.language}
            problems={problems}
            required
            maxLength={PODCAST_LIMITS.language}
            hint="A language tag: en, es, pt-BR."
          />
          <SelectField
            id="showType"
            label="Type"
            value={fields.showType}
            problems={problems}
            options={[
              { value: 'episodic', label: 'Episodic: newest first' },
              { value: 'serial', label: 'Serial: listened to in order' },
            ]}
          />
        </div>
        <TextField
          id="copyright"
          label="Copyright"
          value={fields.copyright}
          problems={problems}
          maxLength={PODCAST_LIMITS.copyright}
          hint="E.g. “© 2026 The Long View”."
        />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the show' : 'Create the show'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Every show, each linking to its form. */
export function ShowList({ shows }: { shows: readonly Show[] }) {
  if (shows.length === 0) return <p>No shows yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Show</th>
          <th scope="col">Address</th>
          <th scope="col">Category</th>
        </tr>
      </thead>
      <tbody>
        {shows.map(s => (
          <tr key={s.id}>
            <td>
              <a href={`/newsroom/podcasts/${s.id}`}>{s.title}</a>
            </td>
            <td>
              <a href={showUrl(s.slug)}>{showUrl(s.slug)}</a>
            </td>
            <td>{s.subcategory ? `${s.category} › ${s.subcategory}` : s.category}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
