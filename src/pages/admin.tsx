// Newsroom pages for static pages: the list, and the form to create or edit one (title, slug,
// summary and body document). Editors and admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { emptyBody, validateBody, type BodyDocument } from '../body/index.js'
import { NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { insertAudit, type NewsroomDeps, type Staff, formText, slugProblem, SLUG_TAKEN, slugTakenError, textProblem, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { findMissingBodyReferences } from '../site/index.js'
import type { Db } from '../db/index.js'
import { findPageById, findPageBySlug, insertPage, listPages, updatePage, type Page } from './store.js'
import { BODY_FIELD_ID, PAGE_LIMITS, PageForm, PageList, type PageFields } from './views/page-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
// The body's cap sits above the body's own limit (200 kB), so the validator explains an oversized one.
const PageBody = Type.Object({ title: text(), slug: text(), summary: text(), body: text(400_000), _csrf: text(200) })

/** A page ready to store: fields checked, body validated and normalized. */
interface CheckedPage {
  title: string
  slug: string
  summary: string
  body: BodyDocument
}

type Checked = { page: CheckedPage } | { problems: FormProblems; bodyProblems: string[] }

function readFields(body: Static<typeof PageBody>): PageFields {
  return { title: formText(body.title), slug: formText(body.slug), summary: formText(body.summary), body: formText(body.body) }
}

function fieldsOf(page: Page): PageFields {
  return { title: page.title, slug: page.slug, summary: page.summary, body: JSON.stringify(page.body, null, 2) }
}

/** Checks the fields; the body's problems come back one by one, as the validator words them. */
function checkFields(fields: PageFields, routeTaken: (path: string) => boolean): Checked {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => { if (problem) problems[id] = problem }
  add('title', textProblem('Title', fields.title, PAGE_LIMITS.title, true))
  add('slug', slugProblem(fields.slug) ?? (routeTaken(`/${fields.slug}`) ? `The address /${fields.slug} belongs to another part of the site. Choose another slug.` : undefined))
  add('summary', textProblem('Summary', fields.summary, PAGE_LIMITS.summary))
  const body = validateBody(fields.body)
  if (!body.ok) add(BODY_FIELD_ID, body.errors.length === 1 ? 'The body has a problem, shown under “Body”.' : `The body has ${body.errors.length} problems, listed under “Body”.`)
  if (!body.ok || Object.keys(problems).length) return { problems, bodyProblems: body.ok ? [] : body.errors }
  return { page: { title: fields.title, slug: fields.slug, summary: fields.summary, body: body.doc } }
}

/** The same check, with each block that embeds an image, excerpt or film that does not exist added to the body's problems. */
async function withBodyReferences(db: Db, checked: Checked): Promise<Checked> {
  if ('problems' in checked) return checked
  const missing = await findMissingBodyReferences(db, checked.page.body)
  if (missing.length === 0) return checked
  return { problems: { [BODY_FIELD_ID]: 'The body embeds something that does not exist, listed under “Body”.' }, bodyProblems: missing }
}

function changedFields(before: Page, after: CheckedPage): string[] {
  const changed = (['title', 'slug', 'summary'] as const).filter((k) => before[k] !== after[k])
  return JSON.stringify(before.body) === JSON.stringify(after.body) ? changed : [...changed, 'body']
}

/** The newsroom's dependencies, plus the body editor's script and stylesheet addresses when the app serves them. */
export interface PageAdminDeps extends NewsroomDeps {
  scripts?: string[]
  stylesheets?: string[]
}

/** Registers the newsroom's static-page pages under /newsroom/pages. */
export function registerPageAdminRoutes(app: FastifyInstance, deps: PageAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  // A page at /topics would never be reached: named routes win over /:slug.
  const routeTaken = (path: string) => app.hasRoute({ method: 'GET', url: path })

  const sendForm = (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; page?: Page; fields: PageFields; problems?: FormProblems; bodyProblems?: string[]; status?: number; saved?: boolean }) =>
    sendNewsroomPage(deps, request, reply, {
      title: page.page ? `Edit page: ${page.page.title}` : 'New page', path: page.page ? `/newsroom/pages/${page.page.id}` : '/newsroom/pages/new',
      staff: page.staff, status: page.status, scripts: deps.scripts, stylesheets: deps.stylesheets,
      children: (
        <>
          <p><a href="/newsroom/pages">All pages</a>{page.page ? <> · <a href={`/${page.page.slug}`}>View on the site</a></> : null}</p>
          {page.saved ? <Notice kind="ok">The page is saved; the site shows the change now.</Notice> : null}
          <PageForm id={page.page?.id} fields={page.fields} problems={page.problems ?? {}} bodyProblems={page.bodyProblems ?? []} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })

  r.get('/newsroom/pages', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    const pages = await listPages(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Pages', path: '/newsroom/pages', staff,
      children: (
        <>
          <p>The newsroom’s standing pages, such as its journalistic standards. Every page here is public.</p>
          <p><a class="nr-button" href="/newsroom/pages/new">New page</a></p>
          <PageList pages={pages} />
        </>
      ),
    })
  })

  r.get('/newsroom/pages/new', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    return sendForm(request, reply, { staff, fields: { title: '', slug: '', summary: '', body: JSON.stringify(emptyBody()) } })
  })

  r.post('/newsroom/pages', { config: { auth: 'editor' }, schema: { body: PageBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readFields(request.body)
    const checked = await withBodyReferences(deps.db, checkFields(fields, routeTaken))
    if ('problems' in checked) return sendForm(request, reply, { staff, fields, problems: checked.problems, bodyProblems: checked.bodyProblems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      if (await findPageBySlug(trx, checked.page.slug)) throw slugTakenError()
      const created = await insertPage(trx, checked.page)
      await insertAudit(trx, { accountId: staff.account.id, action: 'page-created', subject: `page:${created.id}`, detail: { slug: created.slug }, ip: request.ip })
      return created
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`page:${result.saved.id}`, 'list:pages'] })
    return reply.redirect(`/newsroom/pages/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/pages/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const page = await findPageById(deps.db, request.params.id)
    if (!page) throw new NotFound('page', request.params.id)
    return sendForm(request, reply, { staff, page, fields: fieldsOf(page), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/pages/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: PageBody } }, async (request, reply) => {
    const staff = request.staff
    const page = await findPageById(deps.db, request.params.id)
    if (!page) throw new NotFound('page', request.params.id)
    const fields = readFields(request.body)
    const checked = await withBodyReferences(deps.db, checkFields(fields, routeTaken))
    if ('problems' in checked) return sendForm(request, reply, { staff, page, fields, problems: checked.problems, bodyProblems: checked.bodyProblems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      const holder = await findPageBySlug(trx, checked.page.slug)
      if (holder && holder.id !== page.id) throw slugTakenError()
      await updatePage(trx, page.id, checked.page)
      if (page.slug !== checked.page.slug) await recordMovedPath(trx, `/${page.slug}`, `/${checked.page.slug}`)
      await insertAudit(trx, { accountId: staff.account.id, action: 'page-updated', subject: `page:${page.id}`, detail: { changed: changedFields(page, checked.page) }, ip: request.ip })
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, page, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`page:${page.id}`, 'list:pages'] })
    return reply.redirect(`/newsroom/pages/${page.id}?saved=1`, 303)
  })
}
