// Newsroom pages for static pages: the list, and the form to create or edit one (title, slug,
// summary and body document). Editors and admins only. Handlers read and check the form, call one
// action from actions.ts and redirect, or show the form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { emptyBody, validateBody, type BodyDocument } from '../body/index.js'
import { NotFound } from '../platform/errors.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import {
  actorOf,
  type NewsroomDeps,
  formText,
  slugProblem,
  SLUG_TAKEN,
  textProblem,
  unlessSlugTaken,
  type FormProblems,
  textField,
} from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { findMissingBodyReferences } from '../site/index.js'
import type { Db } from '../db/index.js'
import { createPage, updatePage } from './actions.js'
import { findPageById, listPages, type Page } from './store.js'
import { BODY_FIELD_ID, PAGE_LIMITS, type PageFields } from './views/page-form.js'
import { PageFormPage, PagesAdminPage } from './views/page-admin-pages.js'

const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
// The body's cap sits above the body's own limit (200 kB), so the validator explains an oversized one.
const PageBody = Type.Object({
  title: textField(),
  slug: textField(),
  summary: textField(),
  body: textField(400_000),
  _csrf: textField(200),
})

/** A page ready to store: fields checked, body validated and normalized. */
interface CheckedPage {
  title: string
  slug: string
  summary: string
  body: BodyDocument
}

type Checked = { page: CheckedPage } | { problems: FormProblems; bodyProblems: string[] }

function readFields(body: Static<typeof PageBody>): PageFields {
  return {
    title: formText(body.title),
    slug: formText(body.slug),
    summary: formText(body.summary),
    body: formText(body.body),
  }
}

function fieldsOf(page: Page): PageFields {
  return { title: page.title, slug: page.slug, summary: page.summary, body: JSON.stringify(page.body, null, 2) }
}

/** Checks the fields; the body's problems come back one by one, as the validator words them. */
function checkFields(fields: PageFields, routeTaken: (path: string) => boolean): Checked {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('title', textProblem('Title', fields.title, PAGE_LIMITS.title, true))
  add(
    'slug',
    slugProblem(fields.slug) ??
      (routeTaken(`/${fields.slug}`)
        ? `The address /${fields.slug} belongs to another part of the site. Choose another slug.`
        : undefined),
  )
  add('summary', textProblem('Summary', fields.summary, PAGE_LIMITS.summary))
  const body = validateBody(fields.body)
  if (!body.ok)
    add(
      BODY_FIELD_ID,
      body.errors.length === 1
        ? 'The body has a problem, shown under “Body”.'
        : `The body has ${body.errors.length} problems, listed under “Body”.`,
    )
  if (!body.ok || Object.keys(problems).length) return { problems, bodyProblems: body.ok ? [] : body.errors }
  return { page: { title: fields.title, slug: fields.slug, summary: fields.summary, body: body.doc } }
}

/** The same check, with each block that embeds an image, excerpt or film that does not exist added to the body's problems. */
async function withBodyReferences(db: Db, checked: Checked): Promise<Checked> {
  if ('problems' in checked) return checked
  const missing = await findMissingBodyReferences(db, checked.page.body)
  if (missing.length === 0) return checked
  return {
    problems: { [BODY_FIELD_ID]: 'The body embeds something that does not exist, listed under “Body”.' },
    bodyProblems: missing,
  }
}

/** The newsroom's dependencies, plus the body editor's script and stylesheet addresses when the app serves them. */
export interface PageAdminDeps extends NewsroomDeps {
  scripts?: string[]
  stylesheets?: string[]
}

/** What the form page shows besides the signed-in staff member. */
type FormPage = {
  page?: Page | undefined
  fields: PageFields
  problems?: FormProblems
  bodyProblems?: string[]
  status?: number
  saved?: boolean
}

function sendForm(deps: PageAdminDeps, request: FastifyRequest, reply: FastifyReply, form: FormPage) {
  const { page } = form
  return sendNewsroomPage(deps, request, reply, {
    title: page ? `Edit page: ${page.title}` : 'New page',
    path: page ? `/newsroom/pages/${page.id}` : '/newsroom/pages/new',
    staff: request.staff,
    status: form.status,
    scripts: deps.scripts,
    stylesheets: deps.stylesheets,
    children: (
      <PageFormPage
        page={page}
        fields={form.fields}
        problems={form.problems ?? {}}
        bodyProblems={form.bodyProblems ?? []}
        saved={form.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** A posted form: checked, then created (no `page`) or updated; problems show the form again with what was typed. */
async function saveForm(
  deps: PageAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Static<typeof PageBody>,
  page?: Page,
) {
  const fields = readFields(body)
  // A page at /topics would never be reached: named routes win over /:slug.
  const checked = await withBodyReferences(
    deps.db,
    checkFields(fields, path => request.server.hasRoute({ method: 'GET', url: path })),
  )
  if ('problems' in checked)
    return sendForm(deps, request, reply, {
      page,
      fields,
      problems: checked.problems,
      bodyProblems: checked.bodyProblems,
      status: 400,
    })
  const actor = actorOf(request)
  const result = await unlessSlugTaken(() =>
    page ? updatePage(deps, actor, page.id, checked.page) : createPage(deps, actor, checked.page),
  )
  if ('slugTaken' in result)
    return sendForm(deps, request, reply, { page, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
  return reply.redirect(`/newsroom/pages/${result.saved.id}?saved=1`, 303)
}

/** Registers the newsroom's static-page pages under /newsroom/pages. */
export function registerPageAdminRoutes(app: FastifyInstance, deps: PageAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/pages', { config: { auth: 'editor' } }, async (request, reply) => {
    const pages = await listPages(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Pages',
      path: '/newsroom/pages',
      staff: request.staff,
      children: <PagesAdminPage pages={pages} />,
    })
  })

  r.get('/newsroom/pages/new', { config: { auth: 'editor' } }, async (request, reply) => {
    return sendForm(deps, request, reply, {
      fields: { title: '', slug: '', summary: '', body: JSON.stringify(emptyBody()) },
    })
  })

  r.post('/newsroom/pages', { config: { auth: 'editor' }, schema: { body: PageBody } }, async (request, reply) => {
    return saveForm(deps, request, reply, request.body)
  })

  r.get(
    '/newsroom/pages/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const page = await findPageById(deps.db, request.params.id)
      if (!page) throw new NotFound('page', request.params.id)
      return sendForm(deps, request, reply, { page, fields: fieldsOf(page), saved: request.query.saved === '1' })
    },
  )

  r.post(
    '/newsroom/pages/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: PageBody } },
    async (request, reply) => {
      const page = await findPageById(deps.db, request.params.id)
      if (!page) throw new NotFound('page', request.params.id)
      return saveForm(deps, request, reply, request.body, page)
    },
  )
}
