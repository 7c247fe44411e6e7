// Newsroom pages for documentaries: the list (every status), and the form to create or edit
// one; each film's excerpt and film pages hang off its form. Editors and admins only.
// Handlers read the fields, check them, call the action (`actions.ts`) and redirect, or show the
// form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { listImages } from '../media/index.js'
import { listTopics } from '../topics/index.js'
import { listFunders } from '../funders/index.js'
import { listExcerptsOfDocumentary } from '../excerpts/index.js'
import { NotFound } from '../platform/errors.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { actorOf, type NewsroomDeps, SLUG_TAKEN, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { createDocumentary, updateDocumentary } from './actions.js'
import {
  checkDocumentaryFields,
  documentaryFieldsOf,
  readDocumentaryFields,
  type DocumentaryChoices,
  type DocumentaryFields,
} from './form.js'
import {
  documentaryFunderIds,
  documentaryTopicIds,
  findDocumentaryById,
  listAllDocumentaries,
  type Documentary,
} from './store.js'
import { DocumentariesAdminPage, DocumentaryEditPage } from './views/documentary-admin-pages.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
// A repeated field (rows of choices or credits); a single value arrives as a list of one.
const rows = (maxLength = 1000) => Type.Optional(Type.Array(Type.String({ maxLength }), { maxItems: 200 }))
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const DocumentaryBody = Type.Object({
  title: text(),
  slug: text(),
  dek: text(),
  synopsis: text(),
  runtime: text(100),
  releaseDate: text(100),
  posterId: text(100),
  status: text(100),
  // The checkbox sends "1" when ticked and nothing when not; anything else is refused.
  featured: Type.Optional(Type.Literal('1')),
  topics: rows(20),
  funders: rows(20),
  creditRole: rows(),
  creditName: rows(),
  _csrf: text(200),
})
const EMPTY: DocumentaryFields = {
  title: '',
  slug: '',
  dek: '',
  synopsis: '',
  runtime: '',
  releaseDate: '',
  posterId: '',
  status: 'draft',
  featured: false,
  topicIds: [],
  funderIds: [],
  credits: [],
}

/** A stored film, or a 404. */
async function filmOf(deps: NewsroomDeps, id: number): Promise<Documentary> {
  const film = await findDocumentaryById(deps.db, id)
  if (!film) throw new NotFound('documentary', id)
  return film
}

/** What exists to choose from, and (for a stored film) the excerpt its runtime may not cut off. */
async function choicesFor(deps: NewsroomDeps, filmId?: number) {
  const [images, topics, funders, excerpts] = await Promise.all([
    listImages(deps.db),
    listTopics(deps.db),
    listFunders(deps.db),
    filmId ? listExcerptsOfDocumentary(deps.db, filmId) : [],
  ])
  const last = excerpts.reduce<(typeof excerpts)[number] | undefined>(
    (a, e) => (a && a.endSeconds >= e.endSeconds ? a : e),
    undefined,
  )
  const checks: DocumentaryChoices = {
    topicIds: new Set(topics.map(t => t.id)),
    funderIds: new Set(funders.map(f => f.id)),
    lastExcerpt: last,
  }
  return { form: { images, topics, funders }, checks, excerptCount: excerpts.length }
}

/** What a form page shows besides its choices. */
interface FormPage {
  film?: Documentary | undefined
  fields: DocumentaryFields
  problems?: FormProblems
  status?: number
  saved?: boolean
}

/** The create or edit form, empty, stored or as typed with its problems. */
async function sendForm(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, page: FormPage) {
  const { film } = page
  const choices = await choicesFor(deps, film?.id)
  return sendNewsroomPage(deps, request, reply, {
    title: film ? `Edit documentary: ${film.title}` : 'New documentary',
    path: film ? `/newsroom/documentaries/${film.id}` : '/newsroom/documentaries/new',
    staff: request.staff,
    status: page.status,
    children: (
      <DocumentaryEditPage
        film={film}
        excerptCount={choices.excerptCount}
        fields={page.fields}
        problems={page.problems ?? {}}
        choices={choices.form}
        saved={page.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** Registers /newsroom/documentaries (list, new, edit). The excerpt and film pages are registered beside it in app.ts. */
export function registerDocumentaryAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/documentaries', { config: { auth: 'editor' } }, async (request, reply) => {
    const documentaries = await listAllDocumentaries(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Documentaries',
      path: '/newsroom/documentaries',
      staff: request.staff,
      children: <DocumentariesAdminPage documentaries={documentaries} />,
    })
  })

  r.get('/newsroom/documentaries/new', { config: { auth: 'editor' } }, async (request, reply) =>
    sendForm(deps, request, reply, { fields: EMPTY }),
  )

  r.post(
    '/newsroom/documentaries',
    { config: { auth: 'editor' }, schema: { body: DocumentaryBody } },
    async (request, reply) => {
      const fields = readDocumentaryFields(request.body)
      const checked = await checkDocumentaryFields(deps.db, fields, (await choicesFor(deps)).checks)
      if ('problems' in checked)
        return sendForm(deps, request, reply, { fields, problems: checked.problems, status: 400 })
      const result = await unlessSlugTaken(() => createDocumentary(deps, actorOf(request), checked.documentary))
      if ('slugTaken' in result)
        return sendForm(deps, request, reply, { fields, problems: { slug: SLUG_TAKEN }, status: 409 })
      return reply.redirect(`/newsroom/documentaries/${result.saved.id}?saved=1`, 303)
    },
  )

  r.get(
    '/newsroom/documentaries/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const film = await filmOf(deps, request.params.id)
      const [topicIds, funderIds] = await Promise.all([
        documentaryTopicIds(deps.db, film.id),
        documentaryFunderIds(deps.db, film.id),
      ])
      return sendForm(deps, request, reply, {
        film,
        fields: documentaryFieldsOf(film, topicIds, funderIds),
        saved: request.query.saved === '1',
      })
    },
  )

  r.post(
    '/newsroom/documentaries/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: DocumentaryBody } },
    async (request, reply) => {
      const film = await filmOf(deps, request.params.id)
      const fields = readDocumentaryFields(request.body)
      const checked = await checkDocumentaryFields(deps.db, fields, (await choicesFor(deps, film.id)).checks)
      if ('problems' in checked)
        return sendForm(deps, request, reply, { film, fields, problems: checked.problems, status: 400 })
      const result = await unlessSlugTaken(() =>
        updateDocumentary(deps, actorOf(request), film.id, checked.documentary),
      )
      if ('slugTaken' in result)
        return sendForm(deps, request, reply, { film, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
      return reply.redirect(`/newsroom/documentaries/${film.id}?saved=1`, 303)
    },
  )
}
