// Newsroom pages for funders: the list in listing order, and the form to create or edit one
// (name, slug, website, tier, description, site-wide credit, position, logo). Admins only.
// Handlers read and check the form, call one action from actions.ts and redirect, or show the
// form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import {
  actorOf,
  type NewsroomDeps,
  checkLink,
  formText,
  readImageChoice,
  readPosition,
  slugProblem,
  SLUG_TAKEN,
  textProblem,
  unlessSlugTaken,
  type FormProblems,
  textField,
} from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { createFunder, updateFunder, type FunderInput } from './actions.js'
import { FUNDER_TIERS, type FunderTier } from './schema.js'
import { findFunderById, listFunders, nextFunderPosition, type Funder } from './store.js'
import { FUNDER_LIMITS, type FunderFields } from './views/funder-form.js'
import { FunderFormPage, FundersAdminPage } from './views/funder-admin-pages.js'

const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const FunderBody = Type.Object({
  name: textField(),
  slug: textField(),
  url: textField(),
  tier: textField(),
  description: textField(),
  siteWide: textField(),
  position: textField(),
  logoId: textField(),
  _csrf: textField(200),
})

function readFields(body: Static<typeof FunderBody>): FunderFields {
  return {
    name: formText(body.name),
    slug: formText(body.slug),
    url: formText(body.url),
    tier: formText(body.tier),
    description: formText(body.description),
    siteWide: body.siteWide === '1',
    position: formText(body.position),
    logoId: formText(body.logoId),
  }
}

function fieldsOf(f: Funder): FunderFields {
  return {
    name: f.name,
    slug: f.slug,
    url: f.url,
    tier: f.tier,
    description: f.description,
    siteWide: f.siteWide,
    position: String(f.position),
    logoId: f.logoId ? String(f.logoId) : '',
  }
}

const isTier = (value: string): value is FunderTier => (FUNDER_TIERS as readonly string[]).includes(value)

/** Checks the fields; gives the funder to save (position undefined: put it last) or the problems. */
async function checkFields(
  db: Db,
  fields: FunderFields,
): Promise<{ funder: FunderInput } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
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
      name: fields.name,
      slug: fields.slug,
      url: url.href,
      tier: fields.tier,
      description: fields.description,
      siteWide: fields.siteWide,
      position: position.value,
      logoId: logo.value,
    },
  }
}

/** What the form page shows besides the signed-in staff member and the images to choose from. */
type FormPage = {
  funder?: Funder | undefined
  fields: FunderFields
  problems?: FormProblems
  status?: number
  saved?: boolean
}

async function sendForm(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, page: FormPage) {
  const { funder } = page
  const images = await listImages(deps.db)
  return sendNewsroomPage(deps, request, reply, {
    title: funder ? `Edit funder: ${funder.name}` : 'New funder',
    path: funder ? `/newsroom/funders/${funder.id}` : '/newsroom/funders/new',
    staff: request.staff,
    status: page.status,
    children: (
      <FunderFormPage
        funder={funder}
        fields={page.fields}
        problems={page.problems ?? {}}
        images={images}
        saved={page.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** A posted form: checked, then created (no `funder`) or updated; problems show the form again with what was typed. */
async function saveForm(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Static<typeof FunderBody>,
  funder?: Funder,
) {
  const fields = readFields(body)
  const checked = await checkFields(deps.db, fields)
  if ('problems' in checked)
    return sendForm(deps, request, reply, { funder, fields, problems: checked.problems, status: 400 })
  const actor = actorOf(request)
  const result = await unlessSlugTaken(() =>
    funder ? updateFunder(deps, actor, funder.id, checked.funder) : createFunder(deps, actor, checked.funder),
  )
  if ('slugTaken' in result)
    return sendForm(deps, request, reply, { funder, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
  return reply.redirect(`/newsroom/funders/${result.saved.id}?saved=1`, 303)
}

/** Registers the newsroom's funder pages under /newsroom/funders. */
export function registerFunderAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/funders', { config: { auth: 'admin' } }, async (request, reply) => {
    const funders = await listFunders(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Funders',
      path: '/newsroom/funders',
      staff: request.staff,
      children: <FundersAdminPage funders={funders} />,
    })
  })

  r.get('/newsroom/funders/new', { config: { auth: 'admin' } }, async (request, reply) => {
    const position = String(await nextFunderPosition(deps.db))
    return sendForm(deps, request, reply, {
      fields: {
        name: '',
        slug: '',
        url: '',
        tier: 'supporting',
        description: '',
        siteWide: false,
        position,
        logoId: '',
      },
    })
  })

  r.post('/newsroom/funders', { config: { auth: 'admin' }, schema: { body: FunderBody } }, async (request, reply) => {
    return saveForm(deps, request, reply, request.body)
  })

  r.get(
    '/newsroom/funders/:id',
    { config: { auth: 'admin' }, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const funder = await findFunderById(deps.db, request.params.id)
      if (!funder) throw new NotFound('funder', request.params.id)
      return sendForm(deps, request, reply, { funder, fields: fieldsOf(funder), saved: request.query.saved === '1' })
    },
  )

  r.post(
    '/newsroom/funders/:id',
    { config: { auth: 'admin' }, schema: { params: IdParams, body: FunderBody } },
    async (request, reply) => {
      const funder = await findFunderById(deps.db, request.params.id)
      if (!funder) throw new NotFound('funder', request.params.id)
      return saveForm(deps, request, reply, request.body, funder)
    },
  )
}
