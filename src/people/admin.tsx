// Newsroom pages for people: the list, and the form to create or edit one (name, slug, job
// title, bio, portrait and accounts elsewhere). Editors and admins only. Handlers read and check
// the form, call one action from actions.ts and redirect, or show the form again with its problems.
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
  checkLinkRows,
  formText,
  readImageChoice,
  readLinkRows,
  slugProblem,
  SLUG_TAKEN,
  textProblem,
  unlessSlugTaken,
  type FormProblems,
  textField,
} from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { createPerson, updatePerson } from './actions.js'
import {
  findPersonById,
  listPeople,
  SOCIAL_NETWORKS,
  type NewPerson,
  type Person,
  type SocialNetwork,
} from './store.js'
import { PERSON_LIMITS, type PersonFields } from './views/person-form.js'
import { PeopleAdminPage, PersonFormPage } from './views/person-admin-pages.js'

// A repeated field (rows of links); a single value arrives as a list of one.
const rows = Type.Optional(Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 100 }))
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const PersonBody = Type.Object({
  name: textField(),
  slug: textField(),
  jobTitle: textField(),
  bio: textField(),
  photoId: textField(),
  socialsKey: rows,
  socialsHref: rows,
  _csrf: textField(200),
})

function readFields(body: Static<typeof PersonBody>): PersonFields {
  return {
    name: formText(body.name),
    slug: formText(body.slug),
    jobTitle: formText(body.jobTitle),
    bio: formText(body.bio),
    photoId: formText(body.photoId),
    socials: readLinkRows(body.socialsKey, body.socialsHref, true),
  }
}

function fieldsOf(person: Person): PersonFields {
  return {
    name: person.name,
    slug: person.slug,
    jobTitle: person.jobTitle,
    bio: person.bio,
    photoId: person.photoId ? String(person.photoId) : '',
    socials: person.socials.map(s => ({ key: s.network, href: s.url })),
  }
}

/** Checks the fields; gives the person to save or the problems. */
async function checkFields(db: Db, fields: PersonFields): Promise<{ person: NewPerson } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('name', textProblem('Name', fields.name, PERSON_LIMITS.name, true))
  add('slug', slugProblem(fields.slug))
  add('jobTitle', textProblem('Job title', fields.jobTitle, PERSON_LIMITS.jobTitle))
  add('bio', textProblem('Bio', fields.bio, PERSON_LIMITS.bio))
  const photo = await readImageChoice(db, fields.photoId)
  if ('problem' in photo) add('photoId', photo.problem)
  const socials = checkLinkRows(
    fields.socials,
    {
      name: 'socials',
      max: PERSON_LIMITS.socials,
      keyLabel: 'Network',
      keyMax: 20,
      keyChoices: SOCIAL_NETWORKS,
      kinds: { mailto: true },
    },
    problems,
  )
  if (Object.keys(problems).length || 'problem' in photo) return { problems }
  return {
    person: {
      name: fields.name,
      slug: fields.slug,
      jobTitle: fields.jobTitle,
      bio: fields.bio,
      photoId: photo.value,
      socials: socials.map(s => ({ network: s.key as SocialNetwork, url: s.href })),
    },
  }
}

/** What the form page shows besides the signed-in staff member and the images to choose from. */
type FormPage = {
  person?: Person | undefined
  fields: PersonFields
  problems?: FormProblems
  status?: number
  saved?: boolean
}

async function sendForm(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, page: FormPage) {
  const { person } = page
  const images = await listImages(deps.db)
  return sendNewsroomPage(deps, request, reply, {
    title: person ? `Edit person: ${person.name}` : 'New person',
    path: person ? `/newsroom/people/${person.id}` : '/newsroom/people/new',
    staff: request.staff,
    status: page.status,
    children: (
      <PersonFormPage
        person={person}
        fields={page.fields}
        problems={page.problems ?? {}}
        images={images}
        saved={page.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** A posted form: checked, then created (no `person`) or updated; problems show the form again with what was typed. */
async function saveForm(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Static<typeof PersonBody>,
  person?: Person,
) {
  const fields = readFields(body)
  const checked = await checkFields(deps.db, fields)
  if ('problems' in checked)
    return sendForm(deps, request, reply, { person, fields, problems: checked.problems, status: 400 })
  const actor = actorOf(request)
  const result = await unlessSlugTaken(() =>
    person ? updatePerson(deps, actor, person.id, checked.person) : createPerson(deps, actor, checked.person),
  )
  if ('slugTaken' in result)
    return sendForm(deps, request, reply, { person, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
  return reply.redirect(`/newsroom/people/${result.saved.id}?saved=1`, 303)
}

/** Registers the newsroom's people pages under /newsroom/people. */
export function registerPeopleAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/people', { config: { auth: 'editor' } }, async (request, reply) => {
    const people = await listPeople(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'People',
      path: '/newsroom/people',
      staff: request.staff,
      children: <PeopleAdminPage people={people} />,
    })
  })

  r.get('/newsroom/people/new', { config: { auth: 'editor' } }, async (request, reply) => {
    return sendForm(deps, request, reply, {
      fields: { name: '', slug: '', jobTitle: '', bio: '', photoId: '', socials: [] },
    })
  })

  r.post('/newsroom/people', { config: { auth: 'editor' }, schema: { body: PersonBody } }, async (request, reply) => {
    return saveForm(deps, request, reply, request.body)
  })

  r.get(
    '/newsroom/people/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const person = await findPersonById(deps.db, request.params.id)
      if (!person) throw new NotFound('person', request.params.id)
      return sendForm(deps, request, reply, { person, fields: fieldsOf(person), saved: request.query.saved === '1' })
    },
  )

  r.post(
    '/newsroom/people/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: PersonBody } },
    async (request, reply) => {
      const person = await findPersonById(deps.db, request.params.id)
      if (!person) throw new NotFound('person', request.params.id)
      return saveForm(deps, request, reply, request.body, person)
    },
  )
}
