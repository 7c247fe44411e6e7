// Newsroom pages for documentaries: the list (every status), and the form to create or edit
// one; each film's excerpt pages hang off its form. Editors and admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { listImages } from '../media/index.js'
import { listTopics } from '../topics/index.js'
import { listFunders } from '../funders/index.js'
import { listExcerptsOfDocumentary } from '../excerpts/index.js'
import { NotFound } from '../platform/errors.js'
import { nowIso } from '../platform/time.js'
import { insertAudit, type NewsroomDeps, type Staff, SLUG_TAKEN, slugTakenError, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { checkDocumentaryFields, documentaryFieldsOf, readDocumentaryFields, type DocumentaryChoices, type DocumentaryFields } from './form.js'
import { documentaryFunderIds, documentaryTopicIds, findDocumentaryById, findDocumentaryBySlug, insertDocumentary, listAllDocumentaries, updateDocumentary, type Documentary, type NewDocumentary } from './store.js'
import { documentaryUrl } from './urls.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { DocumentaryForm, DocumentaryList } from './views/documentary-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
// A repeated field (rows of choices or credits); a single value arrives as a list of one.
const rows = (maxLength = 1000) => Type.Optional(Type.Array(Type.String({ maxLength }), { maxItems: 200 }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const DocumentaryBody = Type.Object({
  title: text(), slug: text(), dek: text(), synopsis: text(), runtime: text(100), releaseDate: text(100), posterId: text(100), status: text(100),
  topics: rows(20), funders: rows(20), creditRole: rows(), creditName: rows(), _csrf: text(200),
})
const EMPTY: DocumentaryFields = {
  title: '', slug: '', dek: '', synopsis: '', runtime: '', releaseDate: '', posterId: '', status: 'draft', topicIds: [], funderIds: [], credits: [],
}

/** A film with its topic and funder links, as a save compares it. */
type Linked = Documentary & { topicIds: number[]; funderIds: number[] }

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: Linked, after: NewDocumentary): string[] {
  const keys = ['title', 'slug', 'dek', 'synopsis', 'runtimeSeconds', 'releaseDate', 'posterId', 'status', 'credits', 'topicIds', 'funderIds'] as const
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

/** Cache tags a save drops: the film, every list of films, and each topic page it was or is now on. */
function savedTags(id: number, ...topicLists: (readonly number[])[]): string[] {
  return [`documentary:${id}`, 'list:documentaries', ...new Set(topicLists.flat().map((t) => `topic:${t}`))]
}

/** Registers /newsroom/documentaries (list, new, edit) and, under each film, its excerpt pages. */
export function registerDocumentaryAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const linked = async (id: number): Promise<Linked> => {
    const film = await findDocumentaryById(deps.db, id)
    if (!film) throw new NotFound('documentary', id)
    const [topicIds, funderIds] = await Promise.all([documentaryTopicIds(deps.db, id), documentaryFunderIds(deps.db, id)])
    return { ...film, topicIds, funderIds }
  }

  /** What exists to choose from, and (for a stored film) the excerpt its runtime may not cut off. */
  const choicesFor = async (filmId?: number) => {
    const [images, topics, funders, excerpts] = await Promise.all([
      listImages(deps.db), listTopics(deps.db), listFunders(deps.db), filmId ? listExcerptsOfDocumentary(deps.db, filmId) : [],
    ])
    const last = excerpts.reduce<(typeof excerpts)[number] | undefined>((a, e) => (a && a.endSeconds >= e.endSeconds ? a : e), undefined)
    const checks: DocumentaryChoices = { topicIds: new Set(topics.map((t) => t.id)), funderIds: new Set(funders.map((f) => f.id)), lastExcerpt: last }
    return { form: { images, topics, funders }, checks, excerptCount: excerpts.length }
  }

  const sendForm = async (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; film?: Documentary; fields: DocumentaryFields; problems?: FormProblems; status?: number; saved?: boolean }) => {
    const { film } = page
    const choices = await choicesFor(film?.id)
    return sendNewsroomPage(deps, request, reply, {
      title: film ? `Edit documentary: ${film.title}` : 'New documentary', path: film ? `/newsroom/documentaries/${film.id}` : '/newsroom/documentaries/new',
      staff: page.staff, status: page.status,
      children: (
        <>
          <p>
            <a href="/newsroom/documentaries">All documentaries</a>
            {film ? <> · <a href={`/newsroom/documentaries/${film.id}/excerpts`}>Excerpts ({choices.excerptCount})</a></> : null}
            {film ? <> · <a href={`/newsroom/documentaries/${film.id}/film`}>Film</a></> : null}
            {film?.status === 'published' ? <> · <a href={documentaryUrl(film.slug)}>View on the site</a></> : null}
          </p>
          {page.saved ? <Notice kind="ok">The documentary is saved; the site shows the change now.</Notice> : null}
          <DocumentaryForm id={film?.id} fields={page.fields} problems={page.problems ?? {}} choices={choices.form} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })
  }

  r.get('/newsroom/documentaries', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    const documentaries = await listAllDocumentaries(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Documentaries', path: '/newsroom/documentaries', staff,
      children: (
        <>
          <p>Every film, drafts included. Published films are on /documentaries and their own pages.</p>
          <p><a class="nr-button" href="/newsroom/documentaries/new">New documentary</a></p>
          <DocumentaryList documentaries={documentaries} />
        </>
      ),
    })
  })

  r.get('/newsroom/documentaries/new', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    return sendForm(request, reply, { staff, fields: EMPTY })
  })

  r.post('/newsroom/documentaries', { config: { auth: 'editor' }, schema: { body: DocumentaryBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readDocumentaryFields(request.body)
    const checked = await checkDocumentaryFields(deps.db, fields, (await choicesFor()).checks)
    if ('problems' in checked) return sendForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
    const film: NewDocumentary = { ...checked.documentary, publishedAt: checked.documentary.status === 'published' ? nowIso() : null }
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      if (await findDocumentaryBySlug(trx, film.slug)) throw slugTakenError()
      const created = await insertDocumentary(trx, film)
      await insertAudit(trx, { accountId: staff.account.id, action: 'documentary-created', subject: `documentary:${created.id}`, detail: { slug: created.slug, status: created.status }, ip: request.ip })
      return created
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: savedTags(result.saved.id, film.topicIds) })
    return reply.redirect(`/newsroom/documentaries/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/documentaries/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const film = await linked(request.params.id)
    return sendForm(request, reply, { staff, film, fields: documentaryFieldsOf(film, film.topicIds, film.funderIds), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/documentaries/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: DocumentaryBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await linked(request.params.id)
    const fields = readDocumentaryFields(request.body)
    const checked = await checkDocumentaryFields(deps.db, fields, (await choicesFor(film.id)).checks)
    if ('problems' in checked) return sendForm(request, reply, { staff, film, fields, problems: checked.problems, status: 400 })
    // Publishing keeps the first publication time; going back to draft takes the film off the site.
    const publishedAt = checked.documentary.status === 'published' ? film.publishedAt ?? nowIso() : film.publishedAt
    const next: NewDocumentary = { ...checked.documentary, publishedAt }
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      const holder = await findDocumentaryBySlug(trx, next.slug)
      if (holder && holder.id !== film.id) throw slugTakenError()
      await updateDocumentary(trx, film.id, next)
      // Readers' links and search engines follow a published film to its new address.
      if (film.status === 'published' && film.slug !== next.slug) await recordMovedPath(trx, documentaryUrl(film.slug), documentaryUrl(next.slug))
      await insertAudit(trx, { accountId: staff.account.id, action: 'documentary-updated', subject: `documentary:${film.id}`, detail: { changed: changedFields(film, next) }, ip: request.ip })
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, film, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: savedTags(film.id, film.topicIds, next.topicIds) })
    return reply.redirect(`/newsroom/documentaries/${film.id}?saved=1`, 303)
  })

}
