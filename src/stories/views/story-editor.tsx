// The newsroom's story editor page: the story's own fields, the body editor and the notices; the
// link pickers, the workflow buttons and history, and the field problems are in their own views.
import { Csrf, Notice } from '../../newsroom/views.js'
import type { Person } from '../../people/index.js'
import type { Topic } from '../../topics/index.js'
import type { Image } from '../../media/index.js'
import type { Documentary } from '../../documentaries/index.js'
import { formatZonedTime } from '../../platform/time.js'
import { STORY_SECTIONS } from '../schema.js'
import { sectionLabel } from '../urls.js'
import type { EditableStory } from '../draft-store.js'
import type { StoryAction } from '../workflow.js'
import type { FieldProblem, StoryFormValues } from '../editor-form.js'
import { FieldError, invalidAttributes, problemsFor } from './field-problems.js'
import { StoryLinkFields } from './story-link-fields.js'
import { WorkflowButtons, WorkflowForm, WorkflowHistory, type WorkflowHistoryEntry } from './story-workflow.js'

/** What the form shows: the stored story, or what the person typed when a save was refused. */
export interface StoryEditorProps {
  story: EditableStory
  values: StoryFormValues
  csrf: string
  canEdit: boolean
  /** Where the pickers may upload new images; absent when the writer's role may not upload. */
  uploadUrl?: string | undefined
  actions: StoryAction[]
  people: Person[]
  topics: Topic[]
  images: Image[]
  documentaries: Documentary[]
  /** Absent for a story not yet saved. */
  previewUrl?: string | undefined
  /** Why the last post was refused, and the problems by field. */
  error?: { message: string; problems: readonly FieldProblem[] } | undefined
  /** What the last post did, shown once after its redirect. */
  done?: DoneNotice | undefined
  timeZone: string
  /** Who moved the story between statuses, and when; newest first. */
  history: WorkflowHistoryEntry[]
}

/** The notice after a successful post: what happened and where to look. */
export interface DoneNotice {
  text: string
  link?: { href: string; label: string } | undefined
}

/** The story editor's content. A story with id 0 is new: the first save creates it. */
export function StoryEditor(props: StoryEditorProps) {
  const { story, values, csrf, canEdit, error } = props
  const isNew = story.id === 0
  const base = isNew ? '/newsroom/stories' : `/newsroom/stories/${story.id}`
  const autosaveUrl =
    canEdit && story.status === 'draft' ? (isNew ? '/newsroom/stories/new/autosave' : `${base}/autosave`) : undefined
  const problems = error?.problems ?? []
  const problemFor = (field: FieldProblem['field']) => problemsFor(problems, field)
  const invalid = (field: FieldProblem['field']) => invalidAttributes(problems, field)
  const unplaced = problems.filter(p => p.field === 'form')
  return (
    <>
      <p class="nr-status">
        Status: <strong>{isNew ? 'new, not saved yet' : story.status.replace('_', ' ')}</strong>
        {story.status === 'scheduled' && story.scheduledFor ? (
          <> for {formatZonedTime(story.scheduledFor, props.timeZone)}</>
        ) : null}
        {story.publishedAt && story.status === 'published' ? (
          <> · published {formatZonedTime(story.publishedAt, props.timeZone)}</>
        ) : null}
        {props.previewUrl ? (
          <>
            {' · '}
            <a href={props.previewUrl}>Preview</a>
          </>
        ) : null}
        {isNew ? null : (
          <>
            {' · '}
            <a href={`${base}/revisions`}>Revisions</a>
            {' · '}
            <a href={`${base}/corrections`}>Corrections</a>
          </>
        )}
      </p>
      {props.done ? (
        <Notice kind="ok">
          <p>
            {props.done.text}
            {props.done.link ? (
              <>
                {' '}
                <a href={props.done.link.href} data-done-link>
                  {props.done.link.label}
                </a>
              </>
            ) : null}
          </p>
        </Notice>
      ) : null}
      {error ? (
        <Notice kind="error">
          <p>{error.message}</p>
          {unplaced.length ? (
            <ul>
              {unplaced.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {!canEdit && props.actions.length ? <WorkflowForm base={base} csrf={csrf} actions={props.actions} /> : null}
      <form
        class="nr-form nr-story-form"
        method="post"
        action={base}
        data-autosave-url={autosaveUrl}
        data-warn-unsaved
        data-unsaved={error ? 'true' : undefined}
      >
        <Csrf token={csrf} />
        <input type="hidden" name="version" value={String(values.version)} />
        <fieldset disabled={!canEdit} class="nr-fieldset">
          <legend class="visually-hidden">Story</legend>
          <div class="nr-field">
            <label for="title">Headline</label>
            <input id="title" name="title" maxLength={300} value={values.title} {...invalid('title')} />
            <FieldError id="title-error" messages={problemFor('title')} />
          </div>
          <div class="nr-field">
            <label for="slug">Slug</label>
            <input
              id="slug"
              name="slug"
              maxLength={120}
              value={values.slug}
              aria-describedby={problemFor('slug').length ? 'slug-error slug-hint' : 'slug-hint'}
              aria-invalid={problemFor('slug').length ? 'true' : undefined}
            />
            <FieldError id="slug-error" messages={problemFor('slug')} />
            <p id="slug-hint" class="nr-hint">
              The address: /stories/{values.slug || '…'}. Left empty, it is made from the headline. Old addresses of a
              published story keep working.
            </p>
          </div>
          <div class="nr-field">
            <label for="dek">Dek</label>
            <textarea id="dek" name="dek" maxLength={600} rows={2}>
              {values.dek}
            </textarea>
          </div>
          <div class="nr-grid">
            <div class="nr-field">
              <label for="section">Section</label>
              <select id="section" name="section" {...invalid('section')}>
                {STORY_SECTIONS.map(s => (
                  <option key={s} value={s} selected={values.section === s}>
                    {sectionLabel(s)}
                  </option>
                ))}
              </select>
              <FieldError id="section-error" messages={problemFor('section')} />
            </div>
            <div
              class="nr-field"
              data-hero-field
              data-images-url="/newsroom/api/images"
              data-upload-url={props.uploadUrl}
            >
              <label for="hero">Hero image</label>
              <select id="hero" name="hero" {...invalid('hero')}>
                <option value="">None</option>
                {props.images.map(img => (
                  <option key={img.id} value={String(img.id)} selected={values.heroImageId === img.id}>
                    {img.alt || img.storageKey}
                  </option>
                ))}
              </select>
              <FieldError id="hero-error" messages={problemFor('hero')} />
            </div>
          </div>
          <StoryLinkFields
            values={values}
            people={props.people}
            topics={props.topics}
            documentaries={props.documentaries}
            problems={problems}
          />
          <div class="nr-field">
            <span class="nr-label" id="body-label">
              Body
            </span>
            <FieldError id="body-error" messages={problemFor('body')} />
            <div
              class="body-editor"
              data-body-editor="story-body"
              data-images-url="/newsroom/api/images"
              data-excerpts-url="/newsroom/api/excerpts"
              data-documentaries-url="/newsroom/api/documentaries"
              data-interviews-url="/newsroom/api/interviews"
              data-upload-url={props.uploadUrl}
            />
            <textarea
              id="story-body"
              name="body"
              class="body-json"
              rows={20}
              aria-labelledby="body-label"
              {...invalid('body')}
            >
              {values.bodyJson}
            </textarea>
          </div>
          <div class="nr-actions nr-editor-actions">
            <button class="nr-button" type="submit" name="action" value="save">
              Save
            </button>
            {canEdit ? <WorkflowButtons actions={props.actions} scheduleProblems={problemFor('scheduledFor')} /> : null}
            <span class="nr-hint" data-autosave-status aria-live="polite" />
          </div>
        </fieldset>
      </form>
      {props.history.length ? <WorkflowHistory history={props.history} timeZone={props.timeZone} /> : null}
    </>
  )
}
