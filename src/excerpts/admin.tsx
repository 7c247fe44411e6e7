// Newsroom pages for excerpts: one film's excerpts with the form to add another, and the form
// to edit one. No deleting yet: a story body may embed the excerpt. Editors and admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { NotFound } from '../platform/errors.js'
import { insertAudit, type NewsroomDeps, type Staff } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import type { FormProblems } from '../newsroom/index.js'
import { checkExcerptFields, excerptFieldsOf, readExcerptFields, type ExcerptFields, type ExcerptFilm } from './form.js'
import { findExcerptById, insertExcerpt, listExcerptsOfDocumentary, updateExcerpt, type Excerpt, type NewExcerpt } from './store.js'
import { ExcerptForm, ExcerptList } from './views/excerpt-form.js'

/** The excerpt pages' dependencies: the newsroom's, and a way to find a film (the documentaries part owns them). */
export interface ExcerptAdminDeps extends NewsroomDeps {
  /** The film with this id whatever its status, or undefined. */
  findFilm: (db: Db, id: number) => Promise<ExcerptFilm | undefined>
}

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const ExcerptBody = Type.Object({ title: text(), caption: text(), start: text(100), end: text(100), _csrf: text(200) })
const EMPTY: ExcerptFields = { title: '', caption: '', start: '', end: '' }

const filmExcerptsUrl = (filmId: number) => `/newsroom/documentaries/${filmId}/excerpts`

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: Excerpt, after: NewExcerpt): string[] {
  return (['title', 'caption', 'startSeconds', 'endSeconds'] as const).filter((k) => before[k] !== after[k])
}

/** Registers /newsroom/documentaries/:id/excerpts (list and add) and /newsroom/excerpts/:id (edit). */
export function registerExcerptAdminRoutes(app: FastifyInstance, deps: ExcerptAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const filmOf = async (id: number): Promise<ExcerptFilm> => {
    const film = await deps.findFilm(deps.db, id)
    if (!film) throw new NotFound('documentary', id)
    return film
  }

  /** The film's excerpts, with the form to add one (empty, or as typed with its problems). */
  const sendFilmExcerpts = async (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; film: ExcerptFilm; fields?: ExcerptFields; problems?: FormProblems; status?: number; added?: number }) => {
    const excerpts = await listExcerptsOfDocumentary(deps.db, page.film.id)
    const added = excerpts.find((e) => e.id === page.added)
    return sendNewsroomPage(deps, request, reply, {
      title: `Excerpts: ${page.film.title}`, path: filmExcerptsUrl(page.film.id), staff: page.staff, status: page.status,
      children: (
        <>
          <p><a href={`/newsroom/documentaries/${page.film.id}`}>Back to the documentary</a> · <a href="/newsroom/documentaries">All documentaries</a></p>
          {added ? <Notice kind="ok">Added “{added.title}”; the film’s page shows it now.</Notice> : null}
          <p>Named passages of the film, in timeline order. Stories embed them by reference, so an excerpt cannot be removed here.</p>
          <ExcerptList excerpts={excerpts} />
          <h2 id="add">Add an excerpt</h2>
          <ExcerptForm action={filmExcerptsUrl(page.film.id)} fields={page.fields ?? EMPTY} problems={page.problems ?? {}}
            runtimeSeconds={page.film.runtimeSeconds} csrf={page.staff.session.csrfToken} isNew />
        </>
      ),
    })
  }

  const sendEditForm = (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; film: ExcerptFilm; excerpt: Excerpt; fields: ExcerptFields; problems?: FormProblems; status?: number; saved?: boolean }) =>
    sendNewsroomPage(deps, request, reply, {
      title: `Edit excerpt: ${page.excerpt.title}`, path: `/newsroom/excerpts/${page.excerpt.id}`, staff: page.staff, status: page.status,
      children: (
        <>
          <p><a href={filmExcerptsUrl(page.film.id)}>All excerpts of “{page.film.title}”</a></p>
          {page.saved ? <Notice kind="ok">The excerpt is saved; the site shows the change now.</Notice> : null}
          <ExcerptForm action={`/newsroom/excerpts/${page.excerpt.id}`} fields={page.fields} problems={page.problems ?? {}}
            runtimeSeconds={page.film.runtimeSeconds} csrf={page.staff.session.csrfToken} isNew={false} />
        </>
      ),
    })

  r.get('/newsroom/documentaries/:id/excerpts', {
    config: { auth: 'editor' },
    schema: { params: IdParams, querystring: Type.Object({ added: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) }) },
  }, async (request, reply) => {
    const staff = request.staff
    return sendFilmExcerpts(request, reply, { staff, film: await filmOf(request.params.id), added: request.query.added })
  })

  r.post('/newsroom/documentaries/:id/excerpts', { config: { auth: 'editor' }, schema: { params: IdParams, body: ExcerptBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await filmOf(request.params.id)
    const fields = readExcerptFields(request.body)
    const checked = checkExcerptFields(fields, film)
    if ('problems' in checked) return sendFilmExcerpts(request, reply, { staff, film, fields, problems: checked.problems, status: 400 })
    const created = await deps.db.transaction().execute(async (trx) => {
      const excerpt = await insertExcerpt(trx, checked.excerpt)
      await insertAudit(trx, { accountId: staff.account.id, action: 'excerpt-created', subject: `excerpt:${excerpt.id}`, detail: { documentaryId: film.id }, ip: request.ip })
      return excerpt
    })
    deps.events.emit({ tags: [`excerpt:${created.id}`, `documentary:${film.id}`] })
    return reply.redirect(`${filmExcerptsUrl(film.id)}?added=${created.id}#excerpt-${created.id}`, 303)
  })

  r.get('/newsroom/excerpts/:id', {
    config: { auth: 'editor' }, schema: { params: IdParams, querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const excerpt = await findExcerptById(deps.db, request.params.id)
    if (!excerpt) throw new NotFound('excerpt', request.params.id)
    const film = await filmOf(excerpt.documentaryId)
    return sendEditForm(request, reply, { staff, film, excerpt, fields: excerptFieldsOf(excerpt), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/excerpts/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: ExcerptBody } }, async (request, reply) => {
    const staff = request.staff
    const excerpt = await findExcerptById(deps.db, request.params.id)
    if (!excerpt) throw new NotFound('excerpt', request.params.id)
    const film = await filmOf(excerpt.documentaryId)
    const fields = readExcerptFields(request.body)
    const checked = checkExcerptFields(fields, film)
    if ('problems' in checked) return sendEditForm(request, reply, { staff, film, excerpt, fields, problems: checked.problems, status: 400 })
    await deps.db.transaction().execute(async (trx) => {
      await updateExcerpt(trx, excerpt.id, checked.excerpt)
      await insertAudit(trx, {
        accountId: staff.account.id, action: 'excerpt-updated', subject: `excerpt:${excerpt.id}`,
        detail: { documentaryId: film.id, changed: changedFields(excerpt, checked.excerpt) }, ip: request.ip,
      })
    })
    deps.events.emit({ tags: [`excerpt:${excerpt.id}`, `documentary:${film.id}`] })
    return reply.redirect(`/newsroom/excerpts/${excerpt.id}?saved=1`, 303)
  })
}
