// The newsroom's story editor page: the fields, the body editor, the workflow buttons.
import { Csrf, Notice } from '../../newsroom/index.js'
import type { Person } from '../../people/index.js'
import type { Topic } from '../../topics/index.js'
import type { Image } from '../../media/index.js'
import type { Documentary } from '../../documentaries/index.js'
import { formatZonedTime } from '../../platform/time.js'
import { STORY_SECTIONS } from '../schema.js'
import { sectionLabel } from '../urls.js'
import type { EditableStory } from '../draft-store.js'
import type { StoryAction } from '../workflow.js'

/** What the form shows: the stored story, or what the person typed when a save was refused. */
export interface StoryFormValues {
  title: string
  slug: string
  dek: string
  section: string
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
  bodyJson: string
  version: number
}

export interface StoryEditorProps {
  story: EditableStory
  values: StoryFormValues
  csrf: string
  canEdit: boolean
  /** Where the pickers may upload new images; absent when the writer's role may not upload. */
  uploadUrl?: string
  actions: StoryAction[]
  people: Person[]
  topics: Topic[]
  images: Image[]
  documentaries: Documentary[]
  previewUrl: string
  error?: { message: string; details: readonly string[] }
  saved?: boolean
  timeZone: string
  /** Who moved the story between statuses, and when; newest first. */
  history: { from: string; to: string; by: string; at: string }[]
}

const ACTION_LABELS: Record<StoryAction, string> = {
  submit: 'Submit for review', publish: 'Publish now', schedule: 'Schedule', unpublish: 'Unpublish', 'to-draft': 'Back to draft',
}

/** The story editor's content. */
export function StoryEditor(props: StoryEditorProps) {
  const { story, values, csrf, canEdit, error } = props
  const base = `/newsroom/stories/${story.id}`
  return (
    <>
      <p class="nr-status">
        Status: <strong>{story.status.replace('_', ' ')}</strong>
        {story.status === 'scheduled' && story.scheduledFor ? <> for {formatZonedTime(story.scheduledFor, props.timeZone)}</> : null}
        {story.publishedAt && story.status === 'published' ? <> · published {formatZonedTime(story.publishedAt, props.timeZone)}</> : null}
        {' · '}<a href={props.previewUrl}>Preview</a>
        {' · '}<a href={`${base}/revisions`}>Revisions</a>
        {' · '}<a href={`${base}/corrections`}>Corrections</a>
      </p>
      {props.saved ? <Notice kind="ok">Saved.</Notice> : null}
      {error ? (
        <Notice kind="error">
          <p>{error.message}</p>
          {error.details.length ? <ul>{error.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
        </Notice>
      ) : null}
      {props.actions.length ? <WorkflowForm base={base} csrf={csrf} actions={props.actions} /> : null}
      <form class="nr-form nr-story-form" method="post" action={base} data-autosave-url={canEdit && story.status === 'draft' ? `${base}/autosave` : undefined}>
        <Csrf token={csrf} />
        <input type="hidden" name="version" value={String(values.version)} />
        <fieldset disabled={!canEdit} class="nr-fieldset">
          <legend class="visually-hidden">Story</legend>
          <div class="nr-field"><label for="title">Headline</label><input id="title" name="title" required maxLength={300} value={values.title} /></div>
          <div class="nr-field">
            <label for="slug">Slug</label>
            <input id="slug" name="slug" maxLength={120} value={values.slug} aria-describedby="slug-hint" />
            <p id="slug-hint" class="nr-hint">The address: /stories/{values.slug || '…'}. Left empty, it is made from the headline. Old addresses of a published story keep working.</p>
          </div>
          <div class="nr-field"><label for="dek">Dek</label><textarea id="dek" name="dek" maxLength={600} rows={2}>{values.dek}</textarea></div>
          <div class="nr-grid">
            <div class="nr-field">
              <label for="section">Section</label>
              <select id="section" name="section">{STORY_SECTIONS.map((s) => <option key={s} value={s} selected={values.section === s}>{sectionLabel(s)}</option>)}</select>
            </div>
            <div class="nr-field" data-hero-field data-images-url="/newsroom/api/images" data-upload-url={props.uploadUrl}>
              <label for="hero">Hero image</label>
              <select id="hero" name="hero">
                <option value="">None</option>
                {props.images.map((img) => <option key={img.id} value={String(img.id)} selected={values.heroImageId === img.id}>{img.alt || img.storageKey}</option>)}
              </select>
            </div>
          </div>
          <div class="nr-grid">
            <div class="nr-field">
              <label for="authors">Authors</label>
              <select id="authors" name="authors" multiple data-combobox size={6} aria-describedby="authors-hint">
                {props.people.map((p) => <option key={p.id} value={String(p.id)} selected={values.authorIds.includes(p.id)}>{p.name}</option>)}
              </select>
              <p id="authors-hint" class="nr-hint">Hold Ctrl or ⌘ to choose several. The byline lists them in this order.</p>
            </div>
            <div class="nr-field">
              <label for="topics">Topics</label>
              <select id="topics" name="topics" multiple data-combobox size={6} aria-describedby="topics-hint">
                {props.topics.map((t) => <option key={t.id} value={String(t.id)} selected={values.topicIds.includes(t.id)}>{t.name}</option>)}
              </select>
              <p id="topics-hint" class="nr-hint">The first is the story's main topic.</p>
            </div>
            <div class="nr-field">
              <label for="documentaries">Related documentaries</label>
              <select id="documentaries" name="documentaries" multiple data-combobox size={6}>
                {props.documentaries.map((d) => <option key={d.id} value={String(d.id)} selected={values.documentaryIds.includes(d.id)}>{d.title}</option>)}
              </select>
            </div>
          </div>
          <div class="nr-field">
            <span class="nr-label" id="body-label">Body</span>
            <div class="body-editor" data-body-editor="story-body" data-images-url="/newsroom/api/images" data-excerpts-url="/newsroom/api/excerpts" data-documentaries-url="/newsroom/api/documentaries" data-upload-url={props.uploadUrl} />
            <textarea id="story-body" name="body" class="body-json" rows={20} aria-labelledby="body-label">{values.bodyJson}</textarea>
          </div>
          <div class="nr-actions">
            <button class="nr-button" type="submit">Save</button>
            <span class="nr-hint" data-autosave-status aria-live="polite" />
          </div>
        </fieldset>
      </form>
      {props.history.length ? (
        <section class="nr-section" aria-labelledby="history-heading">
          <h2 id="history-heading">Workflow history</h2>
          <table class="nr-table">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">To</th></tr></thead>
            <tbody>
              {props.history.map((h, i) => (
                <tr key={i}><td>{formatZonedTime(h.at, props.timeZone)}</td><td>{h.by}</td><td>{h.from.replace('_', ' ')}</td><td>{h.to.replace('_', ' ')}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  )
}

function WorkflowForm({ base, csrf, actions }: { base: string; csrf: string; actions: StoryAction[] }) {
  return (
    <form class="nr-workflow" method="post" action={`${base}/status`}>
      <Csrf token={csrf} />
      {actions.includes('schedule') ? (
        <span class="nr-field nr-field--inline">
          <label for="scheduled-for">Publish at</label>
          <input id="scheduled-for" name="scheduledFor" type="datetime-local" step="1" />
        </span>
      ) : null}
      {actions.map((action) => (
        <button key={action} class={`nr-button ${action === 'unpublish' ? 'nr-button--danger' : action === 'publish' ? '' : 'nr-button--quiet'}`} type="submit" name="action" value={action}>
          {ACTION_LABELS[action]}
        </button>
      ))}
    </form>
  )
}
