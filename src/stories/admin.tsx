// The newsroom's story pages: the list, the editor (form post and autosave), status changes,
// previews by signed link, and the JSON lists the body editor picks from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { sign, verifySignature } from '../platform/signing.js'
import { formatZonedTime } from '../platform/time.js'
import { hasRole, listAccounts, type NewsroomDeps, type Role, type Staff } from '../newsroom/index.js'
import { sendNewsroomPage, Clock } from '../newsroom/views.js'
import { listPeople } from '../people/index.js'
import { listTopics } from '../topics/index.js'
import { listImages } from '../media/index.js'
import { listAllDocumentaries } from '../documentaries/index.js'
import { listAllExcerpts } from '../excerpts/index.js'
import { loadSettings } from '../settings/index.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'
import { findStoryForEditing, listStoriesForNewsroom, listTransitions, type EditableStory } from './draft-store.js'
import { allowedActions, applyStoryAction, canEdit, type StoryAction } from './workflow.js'
import { FORM_ACTIONS, formValues, StoryFormBody, type FieldProblem, type FormAction, type StoryFormValues } from './editor-form.js'
import { newStoryFor, readScheduleTime, StoryFormProblems, submitStoryForm } from './actions.js'
import { storyUrl } from './urls.js'
import { buildStoryPageData } from './story-page-data.js'
import { storyPageToSend } from './routes.js'
import { StoryEditor, type DoneNotice } from './views/story-editor.js'
import { STORY_STATUSES, type StoryStatus } from './schema.js'
import { findViewableStory } from './access.js'

/** What the story admin needs beyond the newsroom's own dependencies. */
export interface StoryAdminDeps extends NewsroomDeps {
  signingKey: Buffer
  publicDeps: PublicDeps
  wakeJobs: () => void
  /** Addresses of the editor and autosave bundles, and the editor's stylesheet. */
  scripts: string[]
  stylesheets: string[]
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
/** The upload API and the role it asks for (its route's `auth`); the editor offers uploading only to that role and up. */
const UPLOADS_URL = '/newsroom/api/uploads'
const UPLOAD_ROLE: Role = 'editor'
const PREVIEW_HOURS = 72

/** A signed preview address for a story, valid for three days. */
export function previewUrl(key: Buffer, storyId: number): string {
  const { exp, sig } = sign(key, `preview:story:${storyId}`, Date.now() + PREVIEW_HOURS * 3_600_000)
  return `/newsroom/stories/${storyId}/preview?exp=${exp}&sig=${sig}`
}

function valuesOf(story: EditableStory): StoryFormValues {
  return {
    // A new draft's placeholder slug is not shown: left empty, the slug follows the headline.
    title: story.title, slug: story.slug.startsWith('untitled-') ? '' : story.slug, dek: story.dek, section: story.section, heroImageId: story.heroImageId,
    authorIds: story.authorIds, topicIds: story.topicIds, documentaryIds: story.documentaryIds,
    bodyJson: JSON.stringify(story.body, null, 2), version: story.version,
  }
}

async function editable(deps: StoryAdminDeps, request: FastifyRequest, id: number): Promise<{ staff: Staff; story: EditableStory }> {
  const staff = request.staff
  // Contributors and authors see only their own stories (one rule: access.ts); editing is checked per action.
  const story = await findViewableStory(deps.db, staff.account, id)
  return { staff, story }
}

export function registerStoryAdminRoutes(app: FastifyInstance, deps: StoryAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const showEditor = async (request: FastifyRequest, reply: FastifyReply, staff: Staff, story: EditableStory, extra: { values?: StoryFormValues; error?: { message: string; problems: readonly FieldProblem[] }; done?: DoneNotice; status?: number } = {}) => {
    const isNew = story.id === 0
    const [people, topics, images, documentaries, settings, transitions, accounts] = await Promise.all([
      listPeople(deps.db), listTopics(deps.db), listImages(deps.db), listAllDocumentaries(deps.db), loadSettings(deps.db),
      isNew ? [] : listTransitions(deps.db, story.id), listAccounts(deps.db),
    ])
    const names = new Map(accounts.map((a) => [a.id, a.name]))
    const history = transitions.map((t) => ({ from: t.from_status, to: t.to_status, at: t.at, by: t.account_id ? names.get(t.account_id) ?? `account #${t.account_id}` : 'the scheduler' }))
    return sendNewsroomPage(deps, request, reply, {
      title: isNew ? 'New story' : story.title || 'Untitled story', path: '/newsroom/stories', staff, status: extra.status, scripts: deps.scripts, stylesheets: deps.stylesheets,
      children: (
        <StoryEditor story={story} values={extra.values ?? valuesOf(story)} csrf={staff.session.csrfToken} canEdit={canEdit(staff.account, story)}
          uploadUrl={canEdit(staff.account, story) && hasRole(staff.account.role, UPLOAD_ROLE) ? UPLOADS_URL : undefined}
          actions={allowedActions(staff.account, story)} people={people} topics={topics} images={images} documentaries={documentaries}
          previewUrl={isNew ? undefined : previewUrl(deps.signingKey, story.id)} error={extra.error} done={extra.done} timeZone={settings.timeZone} history={history} />
      ),
    })
  }

  r.get('/newsroom/stories', {
    config: { auth: 'contributor' },
    schema: { querystring: Type.Object({
      status: Type.Optional(Type.Union([Type.Literal(''), ...STORY_STATUSES.map((s) => Type.Literal(s))])),
      person: Type.Optional(Type.String({ maxLength: 12 })), topic: Type.Optional(Type.String({ maxLength: 12 })),
      q: Type.Optional(Type.String({ maxLength: 200 })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    }) },
  }, async (request, reply) => {
    const staff = request.staff
    const query = request.query
    const ownOnly = staff.account.role === 'contributor' || staff.account.role === 'author'
    const [list, people, topics] = await Promise.all([
      listStoriesForNewsroom(deps.db, {
        page: query.page ?? 1, pageSize: 50, status: (query.status || undefined) as StoryStatus | undefined, q: query.q,
        personId: query.person && /^\d+$/.test(query.person) ? Number(query.person) : undefined,
        topicId: query.topic && /^\d+$/.test(query.topic) ? Number(query.topic) : undefined,
        ownerAccountId: ownOnly ? staff.account.id : undefined,
      }),
      listPeople(deps.db), listTopics(deps.db),
    ])
    return sendNewsroomPage(deps, request, reply, {
      title: 'Stories', path: '/newsroom/stories', staff,
      children: (
        <>
          <p class="nr-actions"><a class="nr-button" href="/newsroom/stories/new">New story</a></p>
          <form method="get" action="/newsroom/stories" class="nr-filters" role="search">
            <div class="nr-field"><label for="q">Title contains</label><input id="q" name="q" value={query.q ?? ''} /></div>
            <div class="nr-field"><label for="f-status">Status</label><select id="f-status" name="status"><option value="">Any</option>{STORY_STATUSES.map((s) => <option key={s} value={s} selected={query.status === s}>{s.replace('_', ' ')}</option>)}</select></div>
            <div class="nr-field"><label for="f-person">Author</label><select id="f-person" name="person"><option value="">Anyone</option>{people.map((p) => <option key={p.id} value={String(p.id)} selected={query.person === String(p.id)}>{p.name}</option>)}</select></div>
            <div class="nr-field"><label for="f-topic">Topic</label><select id="f-topic" name="topic"><option value="">Any</option>{topics.map((t) => <option key={t.id} value={String(t.id)} selected={query.topic === String(t.id)}>{t.name}</option>)}</select></div>
            <button class="nr-button nr-button--quiet" type="submit">Filter</button>
          </form>
          <p>{list.total} {list.total === 1 ? 'story' : 'stories'}{ownOnly ? ' of yours' : ''}.</p>
          <table class="nr-table">
            <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">Changed</th></tr></thead>
            <tbody>
              {list.items.map((s) => (
                <tr key={s.id}>
                  <td><a href={`/newsroom/stories/${s.id}`}>{s.title || 'Untitled story'}</a></td>
                  <td><span class="nr-pill">{s.status.replace('_', ' ')}</span>{s.scheduledFor && s.status === 'scheduled' ? <> <Clock iso={s.scheduledFor} /></> : ''}</td>
                  <td><Clock iso={s.updatedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    })
  })

  // "New story" is an empty editor: nothing is stored until the first save or autosave, so a
  // click that is abandoned leaves no untitled row behind.
  r.get('/newsroom/stories/new', { config: { auth: 'contributor' } }, async (request, reply) => {
    const staff = request.staff
    return showEditor(request, reply, staff, newStoryFor(staff.account))
  })

  /** Runs the form's save (and move); answers the redirect, or the form again with the typed text. */
  const post = async (request: FastifyRequest, body: StoryFormBody, reply: FastifyReply, staff: Staff, story: EditableStory) => {
    const settings = await loadSettings(deps.db)
    try {
      const outcome = await submitStoryForm({ db: deps.db, events: deps.events, wakeJobs: deps.wakeJobs }, { account: staff.account, ip: request.ip, timeZone: settings.timeZone },
        story.id === 0 ? undefined : story.id, body)
      return reply.redirect(`/newsroom/stories/${outcome.storyId}?done=${outcome.action}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err
      // Nothing is lost: the form comes back with what was typed and what went wrong, beside its field.
      const status = err.code === 'conflict' || err.code === 'slug_taken' ? 409 : err.code === 'forbidden' ? 403 : 400
      const message = err.code === 'forbidden' ? `${err.message} Nothing was saved; your text is still here.` : err.message
      const problems = err instanceof StoryFormProblems ? err.problems : err.details.map((d) => ({ field: 'form' as const, message: d }))
      return showEditor(request, reply, staff, story, { values: formValues(body), error: { message, problems }, status })
    }
  }

  r.post('/newsroom/stories', { config: { auth: 'contributor' }, schema: { body: StoryFormBody } }, async (request, reply) => {
    const staff = request.staff
    return post(request, request.body, reply, staff, newStoryFor(staff.account))
  })

  r.get('/newsroom/stories/:id', { config: { auth: 'contributor' }, schema: { params: IdParams, querystring: Type.Object({ done: Type.Optional(Type.Union(FORM_ACTIONS.map((a) => Type.Literal(a)))) }) } }, async (request, reply) => {
    const { staff, story } = await editable(deps, request, request.params.id)
    const settings = request.query.done ? await loadSettings(deps.db) : undefined
    const done = request.query.done && settings ? doneNotice(request.query.done, story, deps.publicUrl, previewUrl(deps.signingKey, story.id), settings.timeZone) : undefined
    return showEditor(request, reply, staff, story, { done })
  })

  r.post('/newsroom/stories/:id', { config: { auth: 'contributor' }, schema: { params: IdParams, body: StoryFormBody } }, async (request, reply) => {
    const { staff, story } = await editable(deps, request, request.params.id)
    return post(request, request.body, reply, staff, story)
  })

  /** Autosave answers JSON; a refusal names its fields so the page can show each beside its own. */
  const autosave = async (request: FastifyRequest, body: StoryFormBody, reply: FastifyReply, staff: Staff, storyId: number | undefined) => {
    const settings = await loadSettings(deps.db)
    try {
      const outcome = await submitStoryForm({ db: deps.db, events: deps.events }, { account: staff.account, ip: request.ip, timeZone: settings.timeZone }, storyId, { ...body, action: 'save' })
      const savedAt = new Date().toISOString()
      const base = `/newsroom/stories/${outcome.storyId}`
      return { storyId: outcome.storyId, version: outcome.version, savedAt, savedAtText: formatZonedTime(savedAt, settings.timeZone), editUrl: base, autosaveUrl: `${base}/autosave` }
    } catch (err) {
      if (!(err instanceof StoryFormProblems)) throw err
      return reply.code(err.code === 'slug_taken' ? 409 : 400).header('cache-control', 'no-store')
        .send({ error: { code: err.code, message: err.message, details: err.details, fields: err.problems } })
    }
  }

  r.post('/newsroom/stories/new/autosave', { config: { auth: 'contributor' }, schema: { body: StoryFormBody } }, async (request, reply) => {
    const staff = request.staff
    return autosave(request, request.body, reply, staff, undefined)
  })

  r.post('/newsroom/stories/:id/autosave', { config: { auth: 'contributor' }, schema: { params: IdParams, body: StoryFormBody } }, async (request, reply) => {
    const { staff, story } = await editable(deps, request, request.params.id)
    if (story.status !== 'draft') throw new DomainError('conflict', 'Only drafts are saved automatically; use Save.')
    return autosave(request, request.body, reply, staff, story.id)
  })

  r.post('/newsroom/stories/:id/status', {
    config: { auth: 'contributor' },
    schema: { params: IdParams, body: Type.Object({
      _csrf: Type.Optional(Type.String({ maxLength: 200 })),
      action: Type.Union(['submit', 'publish', 'schedule', 'unpublish', 'to-draft'].map((a) => Type.Literal(a))),
      scheduledFor: Type.Optional(Type.String({ maxLength: 40 })),
    }) },
  }, async (request, reply) => {
    const staff = request.staff
    const settings = await loadSettings(deps.db)
    const scheduledFor = readScheduleTime(request.body.scheduledFor, settings.timeZone)
    if (request.body.action === 'schedule' && !scheduledFor) throw new DomainError('invalid_input', 'Choose the date and time to publish at.')
    await applyStoryAction({ db: deps.db, events: deps.events, wakeJobs: deps.wakeJobs }, { account: staff.account, ip: request.ip }, request.params.id, request.body.action as StoryAction, { scheduledFor })
    return reply.redirect(`/newsroom/stories/${request.params.id}`, 303)
  })

  r.get('/newsroom/stories/:id/preview', {
    schema: { params: IdParams, querystring: Type.Object({ exp: Type.String({ maxLength: 20 }), sig: Type.String({ maxLength: 100 }) }) },
  }, async (request, reply) => {
    // The signed link is the permission: it can be shared with a colleague who has no account.
    if (!verifySignature(deps.signingKey, `preview:story:${request.params.id}`, request.query.exp, request.query.sig)) {
      throw new DomainError('forbidden', 'This preview link is not valid or has expired. Ask for a new one from the newsroom.')
    }
    const story = await findStoryForEditing(deps.db, request.params.id)
    if (!story) throw new DomainError('not_found', 'No such story.')
    const { settings, topics } = await deps.publicDeps.chrome()
    const data = await buildStoryPageData(deps.db, { ...story, authorIds: story.authorIds, topicIds: story.topicIds }, topics)
    return sendPage(deps.publicDeps, request, reply, storyPageToSend(data, settings, deps.publicUrl, { preview: true }))
  })

  r.get('/newsroom/api/excerpts', { config: { auth: 'contributor' } }, async () => {
    const [excerpts, films] = await Promise.all([listAllExcerpts(deps.db), listAllDocumentaries(deps.db)])
    const titles = new Map(films.map((f) => [f.id, f.title]))
    return excerpts.map((e) => ({ id: e.id, title: e.title, documentaryTitle: titles.get(e.documentaryId) ?? '', startSeconds: e.startSeconds, endSeconds: e.endSeconds }))
  })

  r.get('/newsroom/api/documentaries', { config: { auth: 'contributor' } }, async () =>
    (await listAllDocumentaries(deps.db)).map((d) => ({ id: d.id, title: d.title, runtime: d.runtimeSeconds })))
}

/** What the editor says after a post went through, with the live page or the preview to look at. */
function doneNotice(action: FormAction, story: EditableStory, publicUrl: string, preview: string, timeZone: string): DoneNotice {
  const live = { href: storyUrl(story.slug), label: `See it live: ${publicUrl.replace(/\/$/, '')}${storyUrl(story.slug)}` }
  switch (action) {
    case 'publish': return story.status === 'published' ? { text: 'Published.', link: live } : { text: 'Saved.' }
    case 'schedule': return story.scheduledFor ? { text: `Scheduled to publish ${formatZonedTime(story.scheduledFor, timeZone)}.`, link: { href: preview, label: 'Preview it until then' } } : { text: 'Saved.' }
    case 'submit': return { text: 'Saved and submitted for review. An editor will see it in their list.', link: { href: preview, label: 'Preview' } }
    case 'unpublish': return { text: 'Saved and unpublished: readers no longer see this story.' }
    case 'to-draft': return { text: 'Saved and moved back to draft.' }
    default: return story.status === 'published' ? { text: 'Saved. Readers see the change now.', link: live } : { text: 'Saved.' }
  }
}
