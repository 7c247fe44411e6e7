// Newsroom pages for excerpts: one film's excerpts with the form to add another, and the form
// to edit one. No deleting yet: a story body may embed the excerpt. Editors and admins only.
// Handlers read the fields, check them against the film, call the action (`actions.ts`) and
// redirect, or show the form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { NotFound } from '../platform/errors.js'
import { IdInteger, IdParams } from '../platform/http/integer-inputs.js'
import { actorOf, type FormProblems, type NewsroomDeps, textField } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { createExcerpt, updateExcerpt } from './actions.js'
import { checkExcerptFields, excerptFieldsOf, readExcerptFields, type ExcerptFields, type ExcerptFilm } from './form.js'
import { findExcerptById, listExcerptsOfDocumentary, type Excerpt } from './store.js'
import { ExcerptEditPage, FilmExcerptsPage, filmExcerptsUrl } from './views/excerpt-pages.js'

/** The excerpt pages' dependencies: the newsroom's, and a way to find a film (the documentaries part owns them). */
export interface ExcerptAdminDeps extends NewsroomDeps {
  /** The film with this id whatever its status, or undefined. */
  findFilm: (db: Db, id: number) => Promise<ExcerptFilm | undefined>
}

const ExcerptBody = Type.Object({
  title: textField(),
  caption: textField(),
  start: textField(100),
  end: textField(100),
  _csrf: textField(200),
})
const EMPTY: ExcerptFields = { title: '', caption: '', start: '', end: '' }

/** A film, or a 404. */
async function filmOf(deps: ExcerptAdminDeps, id: number): Promise<ExcerptFilm> {
  const film = await deps.findFilm(deps.db, id)
  if (!film) throw new NotFound('documentary', id)
  return film
}

/** An excerpt and its film, or a 404. */
async function excerptOf(deps: ExcerptAdminDeps, id: number): Promise<{ excerpt: Excerpt; film: ExcerptFilm }> {
  const excerpt = await findExcerptById(deps.db, id)
  if (!excerpt) throw new NotFound('excerpt', id)
  return { excerpt, film: await filmOf(deps, excerpt.documentaryId) }
}

/** The film's excerpts, with the form to add one (empty, or as typed with its problems). */
async function sendFilmExcerpts(
  deps: ExcerptAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    film: ExcerptFilm
    fields?: ExcerptFields
    problems?: FormProblems
    status?: number
    added?: number | undefined
  },
) {
  const excerpts = await listExcerptsOfDocumentary(deps.db, page.film.id)
  return sendNewsroomPage(deps, request, reply, {
    title: `Excerpts: ${page.film.title}`,
    path: filmExcerptsUrl(page.film.id),
    staff: request.staff,
    status: page.status,
    children: (
      <FilmExcerptsPage
        film={page.film}
        excerpts={excerpts}
        added={excerpts.find(e => e.id === page.added)}
        fields={page.fields ?? EMPTY}
        problems={page.problems ?? {}}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** One excerpt's form, stored or as typed with its problems. */
function sendEditForm(
  deps: ExcerptAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    film: ExcerptFilm
    excerpt: Excerpt
    fields: ExcerptFields
    problems?: FormProblems
    status?: number
    saved?: boolean
  },
) {
  return sendNewsroomPage(deps, request, reply, {
    title: `Edit excerpt: ${page.excerpt.title}`,
    path: `/newsroom/excerpts/${page.excerpt.id}`,
    staff: request.staff,
    status: page.status,
    children: (
      <ExcerptEditPage
        film={page.film}
        excerpt={page.excerpt}
        fields={page.fields}
        problems={page.problems ?? {}}
        saved={page.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** Registers /newsroom/documentaries/:id/excerpts (list and add) and /newsroom/excerpts/:id (edit). */
export function registerExcerptAdminRoutes(app: FastifyInstance, deps: ExcerptAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/documentaries/:id/excerpts',
    {
      config: { auth: 'editor' },
      schema: { params: IdParams, querystring: Type.Object({ added: Type.Optional(IdInteger()) }) },
    },
    async (request, reply) =>
      sendFilmExcerpts(deps, request, reply, {
        film: await filmOf(deps, request.params.id),
        added: request.query.added,
      }),
  )

  r.post(
    '/newsroom/documentaries/:id/excerpts',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: ExcerptBody } },
    async (request, reply) => {
      const film = await filmOf(deps, request.params.id)
      const fields = readExcerptFields(request.body)
      const checked = checkExcerptFields(fields, film)
      if ('problems' in checked)
        return sendFilmExcerpts(deps, request, reply, { film, fields, problems: checked.problems, status: 400 })
      const created = await createExcerpt(deps, actorOf(request), checked.excerpt)
      return reply.redirect(`${filmExcerptsUrl(film.id)}?added=${created.id}#excerpt-${created.id}`, 303)
    },
  )

  r.get(
    '/newsroom/excerpts/:id',
    {
      config: { auth: 'editor' },
      schema: { params: IdParams, querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) }) },
    },
    async (request, reply) => {
      const { excerpt, film } = await excerptOf(deps, request.params.id)
      return sendEditForm(deps, request, reply, {
        film,
        excerpt,
        fields: excerptFieldsOf(excerpt),
        saved: request.query.saved === '1',
      })
    },
  )

  r.post(
    '/newsroom/excerpts/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: ExcerptBody } },
    async (request, reply) => {
      const { excerpt, film } = await excerptOf(deps, request.params.id)
      const fields = readExcerptFields(request.body)
      const checked = checkExcerptFields(fields, film)
      if ('problems' in checked)
        return sendEditForm(deps, request, reply, { film, excerpt, fields, problems: checked.problems, status: 400 })
      await updateExcerpt(deps, actorOf(request), excerpt.id, checked.excerpt)
      return reply.redirect(`/newsroom/excerpts/${excerpt.id}?saved=1`, 303)
    },
  )
}
