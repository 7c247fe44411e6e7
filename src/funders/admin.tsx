// Newsroom pages for funders: the list in listing order, and the form to create or edit one
// (name, slug, website, tier, description, site-wide credit, position, logo). Admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { insertAudit, type NewsroomDeps, type Staff, checkLink, formText, readImageChoice, readPosition, slugProblem, SLUG_TAKEN, slugTakenError, textProblem, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { FUNDER_TIERS, type FunderTier } from './schema.js'
import { findFunderById, findFunderBySlug, insertFunder, listFunders, nextFunderPosition, updateFunder, type Funder, type NewFunder } from './store.js'
import { FUNDER_LIMITS, FunderForm, FunderList, type FunderFields } from './views/funder-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const FunderBody = Type.Object({
  name: text(), slug: text(), url: text(), tier: text(), description: text(), siteWide: text(),
  position: text(), logoId: text(), _csrf: text(200),
})

function readFields(body: Static<typeof FunderBody>): FunderFields {
  return {
    name: formText(body.name), slug: formText(body.slug), url: formText(body.url), tier: formText(body.tier), description: formText(body.description),
    siteWide: body.siteWide === '1', position: formText(body.position), logoId: formText(body.logoId),
  }
}

function fieldsOf(f: Funder): FunderFields {
  return {
    name: f.name, slug: f.slug, url: f.url, tier: f.tier, description: f.description, siteWide: f.siteWide,
    position: String(f.position), logoId: f.logoId ? String(f.logoId) : '',
  }
}

const isTier = (value: string): value is FunderTier => (FUNDER_TIERS as readonly string[]).includes(value)

/** Checks the fields; gives the funder to save (position undefined: put it last) or the problems. */
async function checkFields(db: Db, fields: FunderFields): Promise<{ funder: Omit<NewFunder, 'position'> & { position?: number } } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => { if (problem) problems[id] = problem }
  add('name', textProblem('Name', fields.name, FUNDER_LIMITS.name, true))
  add('slug', slugProblem(fields.slug))
  const url = fields.url ? checkLink(fields.url) : { href: '' }
  if ('problem' in url) add('url', `Website: ${url.problem}`)
  if (!isTier(fields.tier)) add('tier', `Tier: choose one of ${FUNDER_TIERS.join(', ')}.`)
  add('description', textProblem('Description', fields.description, FUNDER_LIMITS.description))
  const position = readPosition(fields.position)
  add('position', position.problem)
  const logo = await readImageChoice(db, fields.logoId)
  if ('problem' in logo) add('logoId', logo.problem)
  if (Object.keys(problems).length || 'problem' in url || 'problem' in logo || !isTier(fields.tier)) return { problems }
  return {
    funder: {
      name: fields.name, slug: fields.slug, url: url.href, tier: fields.tier, description: fields.description, siteWide: fields.siteWide,
      position: position.value, logoId: logo.value,
    },
  }
}

function changedFields(before: Funder, after: NewFunder): string[] {
  return (['name', 'slug', 'url', 'tier', 'description', 'siteWide', 'position', 'logoId'] as const).filter((k) => before[k] !== after[k])
}

/** Registers the newsroom's funder pages under /newsroom/funders. */
export function registerFunderAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const sendForm = async (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; funder?: Funder; fields: FunderFields; problems?: FormProblems; status?: number; saved?: boolean }) =>
    sendNewsroomPage(deps, request, reply, {
      title: page.funder ? `Edit funder: ${page.funder.name}` : 'New funder', path: page.funder ? `/newsroom/funders/${page.funder.id}` : '/newsroom/funders/new',
      staff: page.staff, status: page.status,
      children: (
        <>
          <p><a href="/newsroom/funders">All funders</a> · <a href="/funders">View /funders</a></p>
          {page.saved ? <Notice kind="ok">The funder is saved; the site shows the change now.</Notice> : null}
          <FunderForm id={page.funder?.id} fields={page.fields} problems={page.problems ?? {}} images={await listImages(deps.db)} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })

  r.get('/newsroom/funders', { config: { auth: 'admin' } }, async (request, reply) => {
    const staff = request.staff
    const funders = await listFunders(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Funders', path: '/newsroom/funders', staff,
      children: (
        <>
          <p>Everyone whose support is credited: on /funders by tier, and site-wide funders on every page.</p>
          <p><a class="nr-button" href="/newsroom/funders/new">New funder</a></p>
          <FunderList funders={funders} />
        </>
      ),
    })
  })

  r.get('/newsroom/funders/new', { config: { auth: 'admin' } }, async (request, reply) => {
    const staff = request.staff
    const position = String(await nextFunderPosition(deps.db))
    return sendForm(request, reply, { staff, fields: { name: '', slug: '', url: '', tier: 'supporting', description: '', siteWide: false, position, logoId: '' } })
  })

  r.post('/newsroom/funders', { config: { auth: 'admin' }, schema: { body: FunderBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readFields(request.body)
    const checked = await checkFields(deps.db, fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
    const { funder } = checked
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      if (await findFunderBySlug(trx, funder.slug)) throw slugTakenError()
      const created = await insertFunder(trx, { ...funder, position: funder.position ?? (await nextFunderPosition(trx)) })
      await insertAudit(trx, { accountId: staff.account.id, action: 'funder-created', subject: `funder:${created.id}`, detail: { slug: created.slug }, ip: request.ip })
      return created
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`funder:${result.saved.id}`, 'funders'] })
    return reply.redirect(`/newsroom/funders/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/funders/:id', { config: { auth: 'admin' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const funder = await findFunderById(deps.db, request.params.id)
    if (!funder) throw new NotFound('funder', request.params.id)
    return sendForm(request, reply, { staff, funder, fields: fieldsOf(funder), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/funders/:id', { config: { auth: 'admin' }, schema: { params: IdParams, body: FunderBody } }, async (request, reply) => {
    const staff = request.staff
    const funder = await findFunderById(deps.db, request.params.id)
    if (!funder) throw new NotFound('funder', request.params.id)
    const fields = readFields(request.body)
    const checked = await checkFields(deps.db, fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, funder, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      const holder = await findFunderBySlug(trx, checked.funder.slug)
      if (holder && holder.id !== funder.id) throw slugTakenError()
      const next: NewFunder = { ...checked.funder, position: checked.funder.position ?? (await nextFunderPosition(trx)) }
      await updateFunder(trx, funder.id, next)
      await insertAudit(trx, { accountId: staff.account.id, action: 'funder-updated', subject: `funder:${funder.id}`, detail: { changed: changedFields(funder, next) }, ip: request.ip })
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, funder, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`funder:${funder.id}`, 'funders'] })
    return reply.redirect(`/newsroom/funders/${funder.id}?saved=1`, 303)
  })
}
