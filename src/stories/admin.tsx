// The newsroom's story pages: the list, the editor (editor-admin.tsx), status changes, previews
// by signed link, and the JSON lists the body editor picks from. Every change goes through an
// action in actions.ts; the handlers here parse, call it, and render.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { IdParams, PageInteger } from '../platform/http/integer-inputs.js'
import { verifySignature } from '../platform/signing.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { listPeople } from '../people/index.js'
import { listTopics } from '../topics/index.js'
import { listAllDocumentaries } from '../documentaries/index.js'
import { listAllExcerpts } from '../excerpts/index.js'
import { loadSettings } from '../settings/index.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'
import { findStoryForEditing } from './draft-store.js'
import { listStoriesForNewsroom } from './newsroom-list-store.js'
import { applyStoryAction, readScheduleTime } from './actions.js'
import type { StoryAction } from './workflow.js'
import { buildStoryPageData } from './story-page-data.js'
import { storyPageToSend } from './routes.js'
import { registerStoryEditorRoutes, type StoryEditorDeps } from './editor-admin.js'
import { StoryListPage } from './views/story-list-page.js'
import { STORY_STATUSES, type StoryStatus } from './schema.js'

/** What the story admin needs beyond the editor's own dependencies. */
export interface StoryAdminDeps extends StoryEditorDeps {
  publicDeps: PublicDeps
}

const ListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal(''), ...STORY_STATUSES.map(s => Type.Literal(s))])),
  person: Type.Optional(Type.String({ maxLength: 12 })),
  topic: Type.Optional(Type.String({ maxLength: 12 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(PageInteger()),
})
const StatusBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Union((['submit', 'publish', 'schedule', 'unpublish', 'to-draft'] as const).map(a => Type.Literal(a))),
  scheduledFor: Type.Optional(Type.String({ maxLength: 40 })),
})
const PreviewQuery = Type.Object({ exp: Type.String({ maxLength: 20 }), sig: Type.String({ maxLength: 100 }) })

/** Registers every newsroom story route (app.ts calls this one). */
export function registerStoryAdminRoutes(app: FastifyInstance, deps: StoryAdminDeps): void {
  registerStoryListRoutes(app, deps)
  registerStoryEditorRoutes(app, deps)
  registerStoryStatusRoutes(app, deps)
}

/** The list with its filters, and the JSON lists the body editor picks excerpts and films from. */
function registerStoryListRoutes(app: FastifyInstance, deps: StoryAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/stories',
    { config: { auth: 'contributor' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const { staff, query } = request
      const ownOnly = staff.account.role === 'contributor' || staff.account.role === 'author'
      const [list, people, topics] = await Promise.all([
        listStoriesForNewsroom(deps.db, {
          page: query.page ?? 1,
          pageSize: 50,
          status: (query.status || undefined) as StoryStatus | undefined,
          q: query.q,
          personId: query.person && /^\d+$/.test(query.person) ? Number(query.person) : undefined,
          topicId: query.topic && /^\d+$/.test(query.topic) ? Number(query.topic) : undefined,
          ownerAccountId: ownOnly ? staff.account.id : undefined,
        }),
        listPeople(deps.db),
        listTopics(deps.db),
      ])
      return sendNewsroomPage(deps, request, reply, {
        title: 'Stories',
        path: '/newsroom/stories',
        staff,
        children: <StoryListPage list={list} filters={query} people={people} topics={topics} ownOnly={ownOnly} />,
      })
    },
  )

  r.get('/newsroom/api/excerpts', { config: { auth: 'contributor' } }, async () => {
    const [excerpts, films] = await Promise.all([listAllExcerpts(deps.db), listAllDocumentaries(deps.db)])
    const titles = new Map(films.map(f => [f.id, f.title]))
    return excerpts.map(e => ({
      id: e.id,
      title: e.title,
      documentaryTitle: titles.get(e.documentaryId) ?? '',
      startSeconds: e.startSeconds,
      endSeconds: e.endSeconds,
    }))
  })

  r.get('/newsroom/api/documentaries', { config: { auth: 'contributor' } }, async () =>
    (await listAllDocumentaries(deps.db)).map(d => ({ id: d.id, title: d.title, runtime: d.runtimeSeconds })),
  )
}

/** Status changes with no edit of the fields, and the signed preview. */
function registerStoryStatusRoutes(app: FastifyInstance, deps: StoryAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.post(
    '/newsroom/stories/:id/status',
    { config: { auth: 'contributor' }, schema: { params: IdParams, body: StatusBody } },
    async (request, reply) => {
      const settings = await loadSettings(deps.db)
      // A schedule without a readable time is refused by the workflow's rules, in words.
      const scheduledFor = readScheduleTime(request.body.scheduledFor, settings.timeZone)
      const actor = { account: request.staff.account, ip: request.ip }
      await applyStoryAction(deps, actor, request.params.id, request.body.action satisfies StoryAction, {
        scheduledFor,
      })
      return reply.redirect(`/newsroom/stories/${request.params.id}`, 303)
    },
  )

  r.get(
    '/newsroom/stories/:id/preview',
    { schema: { params: IdParams, querystring: PreviewQuery } },
    async (request, reply) => {
      // The signed link is the permission: it can be shared with a colleague who has no account.
      if (
        !verifySignature(deps.signingKey, `preview:story:${request.params.id}`, request.query.exp, request.query.sig)
      ) {
        throw new DomainError(
          'forbidden',
          'This preview link is not valid or has expired. Ask for a new one from the newsroom.',
        )
      }
      const story = await findStoryForEditing(deps.db, request.params.id)
      if (!story) throw new DomainError('not_found', 'No such story.')
      const { settings, topics } = await deps.publicDeps.chrome()
      const data = await buildStoryPageData(deps.db, story, topics)
      return sendPage(
        deps.publicDeps,
        request,
        reply,
        storyPageToSend(data, settings, deps.publicUrl, { preview: true }),
      )
    },
  )
}
