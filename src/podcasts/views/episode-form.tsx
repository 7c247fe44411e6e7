// The newsroom's episode form (with the body editor over the show notes) and a show's episodes.
import { Csrf, ErrorSummary, SelectField, TextField } from '../../newsroom/views.js'
import { formatZonedTime } from '../../platform/time.js'
import { formatTimecode } from '../../body/index.js'
import type { FormProblems } from '../../newsroom/index.js'
import { PODCAST_LIMITS, SHOW_NOTES_FIELD_ID, type EpisodeForm as EpisodeFormFields } from '../form.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { episodeUrl } from '../urls.js'

/** The show notes: the body editor island (mounted by the newsroom's script) over the JSON textarea it writes to. */
function ShowNotesField({ value, problems }: { value: string; problems: readonly string[] }) {
  const describedBy = ['show-notes-hint', problems.length ? 'show-notes-error' : ''].filter(Boolean).join(' ')
  return (
    <div class="nr-field">
      <label for={SHOW_NOTES_FIELD_ID}>Show notes</label>
      <p id="show-notes-hint" class="nr-hint">
        What the episode covers, with links. Without the editor, write it as a body document in JSON, like{' '}
        {'{"type":"doc","content":[…]}'}.
      </p>
      {problems.length ? (
        <div id="show-notes-error" class="nr-field__error">
          <p>
            <span class="visually-hidden">Error: </span>
            {problems.length === 1
              ? 'The show notes have a problem:'
              : `The show notes have ${problems.length} problems:`}
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div
        class="body-editor"
        data-body-editor={SHOW_NOTES_FIELD_ID}
        data-images-url="/newsroom/api/images"
        data-excerpts-url="/newsroom/api/excerpts"
        data-documentaries-url="/newsroom/api/documentaries"
        data-label="Show notes"
      ></div>
      <textarea
        id={SHOW_NOTES_FIELD_ID}
        name="showNotes"
        class="body-json"
        rows={16}
        aria-describedby={describedBy}
        aria-invalid={problems.length ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}

/** The form that creates (no `id`) or edits an episode of `show`. */
export function EpisodeForm(props: {
  show: Show
  id?: number | undefined
  fields: EpisodeFormFields
  problems: FormProblems
  notesProblems: readonly string[]
  csrf: string
  timeZone: string
}) {
  const { show, id, fields, problems } = props
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form"
        method="post"
        action={id ? `/newsroom/episodes/${id}` : `/newsroom/podcasts/${show.id}/episodes`}
        novalidate
      >
        <Csrf token={props.csrf} />
        <div class="nr-narrow nr-form">
          <TextField
            id="title"
            label="Title"
            value={fields.title}
            problems={problems}
            required
            maxLength={PODCAST_LIMITS.title}
          />
          <TextField
            id="slug"
            label="Slug"
            value={fields.slug}
            problems={problems}
            required
            maxLength={100}
            hint={`The episode’s address: /podcasts/${show.slug}/<slug>. Podcast apps follow the episode by a GUID that never changes, whatever is edited.`}
          />
          <div class="nr-grid">
            <TextField
              id="number"
              label="Episode number"
              value={fields.number}
              problems={problems}
              maxLength={5}
              inputMode="numeric"
              hint="Optional."
            />
            <TextField
              id="season"
              label="Season"
              value={fields.season}
              problems={problems}
              maxLength={5}
              inputMode="numeric"
              hint="Optional."
            />
            <SelectField
              id="episodeType"
              label="Episode type"
              value={fields.episodeType}
              problems={problems}
              options={[
                { value: 'full', label: 'Full episode' },
                { value: 'trailer', label: 'Trailer' },
                { value: 'bonus', label: 'Bonus' },
              ]}
            />
          </div>
          <div class="nr-grid">
            <SelectField
              id="status"
              label="Status"
              value={fields.status}
              problems={problems}
              hint="A draft only the newsroom sees; scheduled goes out at its publication date; published is on the site, and in the feed once its audio is ready."
              options={[
                { value: 'draft', label: 'Draft' },
                { value: 'scheduled', label: 'Scheduled' },
                { value: 'published', label: 'Published' },
              ]}
            />
            <TextField
              id="publishedAt"
              label="Publication date"
              value={fields.publishedAt}
              problems={problems}
              maxLength={20}
              hint={`On the newsroom’s clock (${props.timeZone}): “2026-03-14” or “2026-03-14T09:30”. Needed to schedule; otherwise empty means the moment it is first published.`}
            />
          </div>
          <TextField
            id="summary"
            label="Summary"
            value={fields.summary}
            problems={problems}
            rows={3}
            maxLength={PODCAST_LIMITS.summary}
            hint="One or two plain sentences, shown in lists and podcast apps."
          />
        </div>
        <ShowNotesField value={fields.showNotes} problems={props.notesProblems} />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the episode' : 'Create the episode'}
          </button>
        </div>
      </form>
    </>
  )
}

const AUDIO_LABELS: Record<Episode['audioStatus'], string> = {
  none: 'No audio',
  queued: 'Queued',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
}

/** A show's episodes, drafts included, each linking to its form and its audio page. */
export function EpisodeList({
  show,
  episodes,
  timeZone,
}: {
  show: Show
  episodes: readonly Episode[]
  timeZone: string
}) {
  if (episodes.length === 0) return <p>No episodes yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Episode</th>
          <th scope="col">Status</th>
          <th scope="col">Audio</th>
          <th scope="col">Published</th>
        </tr>
      </thead>
      <tbody>
        {episodes.map(e => (
          <tr key={e.id}>
            <td>
              <a href={`/newsroom/episodes/${e.id}`}>
                {e.number !== null ? `${e.number}. ` : ''}
                {e.title}
              </a>
              {e.status === 'published' ? (
                <>
                  {' '}
                  · <a href={episodeUrl(show.slug, e.slug)}>on the site</a>
                </>
              ) : null}
            </td>
            <td>{e.status === 'published' ? 'Published' : e.status === 'scheduled' ? 'Scheduled' : 'Draft'}</td>
            <td>
              <a href={`/newsroom/episodes/${e.id}/audio`}>
                {AUDIO_LABELS[e.audioStatus]}
                {e.durationSeconds ? ` (${formatTimecode(e.durationSeconds)})` : ''}
              </a>
            </td>
            <td>{e.publishedAt ? formatZonedTime(e.publishedAt, timeZone) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
