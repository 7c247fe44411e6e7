// The story editor's routes: "New story", the editor page, its form post (save, and the pressed
// button's status change) and autosave. Each post goes through submitStoryForm (actions.ts); a
// refusal shows the form again with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { sign } from '../platform/signing.js'
import { formatZonedTime } from '../platform/time.js'
import { hasRole, listAccounts, type NewsroomDeps, type Role } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { listPeople } from '../people/index.js'
import { listTopics } from '../topics/index.js'
import { listImages } from '../media/index.js'
import { listAllDocumentaries } from '../documentaries/index.js'
import { loadSettings } from '../settings/index.js'
import type { EditableStory } from './draft-store.js'
import { listTransitions } from './transition-store.js'
import { allowedActions, canEdit } from './workflow.js'
import {
  FORM_ACTIONS,
  formValues,
  StoryFormBody,
  type FieldProblem,
  type FormAction,
  type StoryFormValues,
} from './editor-form.js'
import { newStoryFor, StoryFormProblems, submitStoryForm, type StoryActionDeps } from './actions.js'
import { findViewableStory } from './access.js'
import { storyUrl } from './urls.js'
import { StoryEditor, type DoneNotice } from './views/story-editor.js'

/** What the editor needs beyond the newsroom's own dependencies. */
export interface StoryEditorDeps extends NewsroomDeps {
  signingKey: Buffer
  wakeJobs: () => void
  /** Addresses of the editor and autosave bundles, and the editor's stylesheet. */
  scripts: string[]
  stylesheets: string[]
}

/** The upload API and the role it asks for (its route's `auth`); the editor offers uploading only to that role and up. */
const UPLOADS_URL = '/newsroom/api/uploads'
const UPLOAD_ROLE: Role = 'editor'
const PREVIEW_HOURS = 72

/** A signed preview address for a story, valid for three days. */
export function previewUrl(key: Buffer, storyId: number): string {
  const { exp, sig } = sign(key, `preview:story:${storyId}`, Date.now() + PREVIEW_HOURS * 3_600_000)
  return `/newsroom/stories/${storyId}/preview?exp=${exp}&sig=${sig}`
}

/** Registers the editor: new, edit, form posts and autosave. */
export function registerStoryEditorRoutes(app: FastifyInstance, deps: StoryEditorDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const actions: StoryActionDeps = { db: deps.db, events: deps.events, wakeJobs: deps.wakeJobs }
  // Contributors and authors see only their own stories (one rule: access.ts); editing is checked per action.
  const viewable = (request: FastifyRequest, id: number) => findViewableStory(deps.db, request.staff.account, id)

  // "New story" is an empty editor: nothing is stored until the first save or autosave, so a
  // click that is abandoned leaves no untitled row behind.
  r.get('/newsroom/stories/new', { config: { auth: 'contributor' } }, async (request, reply) =>
    sendStoryEditor(deps, request, reply, newStoryFor(request.staff.account)),
  )

  r.post(
    '/newsroom/stories',
    { config: { auth: 'contributor' }, schema: { body: StoryFormBody } },
    async (request, reply) => postForm(deps, actions, request, request.body, reply, newStoryFor(request.staff.account)),
  )

  r.get(
    '/newsroom/stories/:id',
    {
      config: { auth: 'contributor' },
      schema: {
        params: IdParams,
        querystring: Type.Object({ done: Type.Optional(Type.Union(FORM_ACTIONS.map(a => Type.Literal(a)))) }),
      },
    },
    async (request, reply) => {
      const story = await viewable(request, request.params.id)
      const done = request.query.done
        ? doneNotice(request.query.done, story, deps, (await loadSettings(deps.db)).timeZone)
        : undefined
      return sendStoryEditor(deps, request, reply, story, { done })
    },
  )

  r.post(
    '/newsroom/stories/:id',
    { config: { auth: 'contributor' }, schema: { params: IdParams, body: StoryFormBody } },
    async (request, reply) =>
      postForm(deps, actions, request, request.body, reply, await viewable(request, request.params.id)),
  )

  r.post(
    '/newsroom/stories/new/autosave',
    { config: { auth: 'contributor' }, schema: { body: StoryFormBody } },
    async (request, reply) => autosave(actions, request, request.body, reply, undefined),
  )

  r.post(
    '/newsroom/stories/:id/autosave',
    { config: { auth: 'contributor' }, schema: { params: IdParams, body: StoryFormBody } },
    async (request, reply) => {
      const story = await viewable(request, request.params.id)
      if (story.status !== 'draft') throw new DomainError('conflict', 'Only drafts are saved automatically; use Save.')
      return autosave(actions, request, request.body, reply, story.id)
    },
  )
}

type EditorExtra = {
  values?: StoryFormValues
  error?: { message: string; problems: readonly FieldProblem[] }
  done?: DoneNotice | undefined
  status?: number
}

/** Loads what the editor offers (people, topics, images, films, the story's history) and sends the page. */
async function sendStoryEditor(
  deps: StoryEditorDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  story: EditableStory,
  extra: EditorExtra = {},
) {
  const staff = request.staff
  const isNew = story.id === 0
  const [people, topics, images, documentaries, settings, transitions, accounts] = await Promise.all([
    listPeople(deps.db),
    listTopics(deps.db),
    listImages(deps.db),
    listAllDocumentaries(deps.db),
    loadSettings(deps.db),
    isNew ? [] : listTransitions(deps.db, story.id),
    listAccounts(deps.db),
  ])
  const names = new Map(accounts.map(a => [a.id, a.name]))
  const history = transitions.map(t => ({
    from: t.from_status,
    to: t.to_status,
    at: t.at,
    by: t.account_id ? (names.get(t.account_id) ?? `account #${t.account_id}`) : 'the scheduler',
  }))
  const editable = canEdit(staff.account, story)
  return sendNewsroomPage(deps, request, reply, {
    title: isNew ? 'New story' : story.title || 'Untitled story',
    path: '/newsroom/stories',
    staff,
    status: extra.status,
    scripts: deps.scripts,
    stylesheets: deps.stylesheets,
    children: (
      <StoryEditor
        story={story}
        values={extra.values ?? valuesOf(story)}
        csrf={staff.session.csrfToken}
        canEdit={editable}
        uploadUrl={editable && hasRole(staff.account.role, UPLOAD_ROLE) ? UPLOADS_URL : undefined}
        actions={allowedActions(staff.account, story)}
        people={people}
        topics={topics}
        images={images}
        documentaries={documentaries}
        previewUrl={isNew ? undefined : previewUrl(deps.signingKey, story.id)}
        error={extra.error}
        done={extra.done}
        timeZone={settings.timeZone}
        history={history}
      />
    ),
  })
}

function valuesOf(story: EditableStory): StoryFormValues {
  return {
    // A new draft's placeholder slug is not shown: left empty, the slug follows the headline.
    title: story.title,
    slug: story.slug.startsWith('untitled-') ? '' : story.slug,
    dek: story.dek,
    section: story.section,
    heroImageId: story.heroImageId,
    authorIds: story.authorIds,
    topicIds: story.topicIds,
    documentaryIds: story.documentaryIds,
    bodyJson: JSON.stringify(story.body, null, 2),
    version: story.version,
  }
}

/** Runs the form's save (and move); answers the redirect, or the form again with the typed text. */
async function postForm(
  deps: StoryEditorDeps,
  actions: StoryActionDeps,
  request: FastifyRequest,
  body: StoryFormBody,
  reply: FastifyReply,
  story: EditableStory,
) {
  const settings = await loadSettings(deps.db)
  try {
    const actor = { account: request.staff.account, ip: request.ip, timeZone: settings.timeZone }
    const outcome = await submitStoryForm(actions, actor, story.id === 0 ? undefined : story.id, body)
    return reply.redirect(`/newsroom/stories/${outcome.storyId}?done=${outcome.action}`, 303)
  } catch (err) {
    if (!(err instanceof DomainError) || err.code === 'not_found') throw err
    // Nothing is lost: the form comes back with what was typed and what went wrong, beside its field.
    const status = err.code === 'conflict' || err.code === 'slug_taken' ? 409 : err.code === 'forbidden' ? 403 : 400
    const message =
      err.code === 'forbidden' ? `${err.message} Nothing was saved; your text is still here.` : err.message
    const problems =
      err instanceof StoryFormProblems ? err.problems : err.details.map(d => ({ field: 'form' as const, message: d }))
    return sendStoryEditor(deps, request, reply, story, {
      values: formValues(body),
      error: { message, problems },
      status,
    })
  }
}

/** Autosave answers JSON; a refusal names its fields so the page can show each beside its own. */
async function autosave(
  actions: StoryActionDeps,
  request: FastifyRequest,
  body: StoryFormBody,
  reply: FastifyReply,
  storyId: number | undefined,
) {
  const settings = await loadSettings(actions.db)
  try {
    // Saving only: a status change waits for a button.
    const outcome = await submitStoryForm(
      actions,
      { account: request.staff.account, ip: request.ip, timeZone: settings.timeZone },
      storyId,
      { ...body, action: 'save' },
    )
    const savedAt = new Date().toISOString()
    const base = `/newsroom/stories/${outcome.storyId}`
    return {
      storyId: outcome.storyId,
      version: outcome.version,
      savedAt,
      savedAtText: formatZonedTime(savedAt, settings.timeZone),
      editUrl: base,
      autosaveUrl: `${base}/autosave`,
    }
  } catch (err) {
    if (!(err instanceof StoryFormProblems)) throw err
    return reply
      .code(err.code === 'slug_taken' ? 409 : 400)
      .header('cache-control', 'no-store')
      .send({ error: { code: err.code, message: err.message, details: err.details, fields: err.problems } })
  }
}

/** What the editor says after a post went through, with the live page or the preview to look at. */
function doneNotice(
  action: FormAction,
  story: EditableStory,
  deps: Pick<StoryEditorDeps, 'publicUrl' | 'signingKey'>,
  timeZone: string,
): DoneNotice {
  const live = {
    href: storyUrl(story.slug),
    label: `See it live: ${deps.publicUrl.replace(/\/$/, '')}${storyUrl(story.slug)}`,
  }
  const preview = previewUrl(deps.signingKey, story.id)
  switch (action) {
    case 'publish':
      return story.status === 'published' ? { text: 'Published.', link: live } : { text: 'Saved.' }
    case 'schedule':
      return story.scheduledFor
        ? {
            text: `Scheduled to publish ${formatZonedTime(story.scheduledFor, timeZone)}.`,
            link: { href: preview, label: 'Preview it until then' },
          }
        : { text: 'Saved.' }
    case 'submit':
      return {
        text: 'Saved and submitted for review. An editor will see it in their list.',
        link: { href: preview, label: 'Preview' },
      }
    case 'unpublish':
      return { text: 'Saved and unpublished: readers no longer see this story.' }
    case 'to-draft':
      return { text: 'Saved and moved back to draft.' }
    default:
      return story.status === 'published'
        ? { text: 'Saved. Readers see the change now.', link: live }
        : { text: 'Saved.' }
  }
}
