// Newsroom pages for people: the list, and the form to create or edit one (name, slug, job
// title, bio, portrait and accounts elsewhere). Editors and admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { insertAudit, type NewsroomDeps, type Staff, checkLinkRows, formText, readImageChoice, readLinkRows, slugProblem, SLUG_TAKEN, slugTakenError, textProblem, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { findPersonById, findPersonBySlug, insertPerson, listPeople, SOCIAL_NETWORKS, updatePerson, type NewPerson, type Person, type SocialNetwork } from './store.js'
import { personUrl } from './urls.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { PeopleList, PERSON_LIMITS, PersonForm, type PersonFields } from './views/person-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
// A repeated field (rows of links); a single value arrives as a list of one.
const rows = Type.Optional(Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 100 }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const PersonBody = Type.Object({
  name: text(), slug: text(), jobTitle: text(), bio: text(), photoId: text(),
  socialsKey: rows, socialsHref: rows, _csrf: text(200),
})

function readFields(body: Static<typeof PersonBody>): PersonFields {
  return {
    name: formText(body.name), slug: formText(body.slug), jobTitle: formText(body.jobTitle), bio: formText(body.bio),
    photoId: formText(body.photoId), socials: readLinkRows(body.socialsKey, body.socialsHref, true),
  }
}

function fieldsOf(person: Person): PersonFields {
  return {
    name: person.name, slug: person.slug, jobTitle: person.jobTitle, bio: person.bio, photoId: person.photoId ? String(person.photoId) : '',
    socials: person.socials.map((s) => ({ key: s.network, href: s.url })),
  }
}

/** Checks the fields; gives the person to save or the problems. */
async function checkFields(db: Db, fields: PersonFields): Promise<{ person: NewPerson } | { problems: FormProblems }> {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => { if (problem) problems[id] = problem }
  add('name', textProblem('Name', fields.name, PERSON_LIMITS.name, true))
  add('slug', slugProblem(fields.slug))
  add('jobTitle', textProblem('Job title', fields.jobTitle, PERSON_LIMITS.jobTitle))
  add('bio', textProblem('Bio', fields.bio, PERSON_LIMITS.bio))
  const photo = await readImageChoice(db, fields.photoId)
  if ('problem' in photo) add('photoId', photo.problem)
  const socials = checkLinkRows(fields.socials, {
    name: 'socials', max: PERSON_LIMITS.socials, keyLabel: 'Network', keyMax: 20, keyChoices: SOCIAL_NETWORKS, kinds: { mailto: true },
  }, problems)
  if (Object.keys(problems).length || 'problem' in photo) return { problems }
  return {
    person: {
      name: fields.name, slug: fields.slug, jobTitle: fields.jobTitle, bio: fields.bio, photoId: photo.value,
      socials: socials.map((s) => ({ network: s.key as SocialNetwork, url: s.href })),
    },
  }
}

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: Person, after: NewPerson): string[] {
  const changed = (['name', 'slug', 'jobTitle', 'bio', 'photoId'] as const).filter((k) => before[k] !== after[k])
  return JSON.stringify(before.socials) === JSON.stringify(after.socials) ? changed : [...changed, 'socials']
}

/** Registers the newsroom's people pages under /newsroom/people. */
export function registerPeopleAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const sendForm = async (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; person?: Person; fields: PersonFields; problems?: FormProblems; status?: number; saved?: boolean }) =>
    sendNewsroomPage(deps, request, reply, {
      title: page.person ? `Edit person: ${page.person.name}` : 'New person', path: page.person ? `/newsroom/people/${page.person.id}` : '/newsroom/people/new',
      staff: page.staff, status: page.status,
      children: (
        <>
          <p><a href="/newsroom/people">All people</a>{page.person ? <> · <a href={personUrl(page.person.slug)}>View the profile</a></> : null}</p>
          {page.saved ? <Notice kind="ok">The person is saved; the site shows the change now.</Notice> : null}
          <PersonForm id={page.person?.id} fields={page.fields} problems={page.problems ?? {}} images={await listImages(deps.db)} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })

  r.get('/newsroom/people', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    const people = await listPeople(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'People', path: '/newsroom/people', staff,
      children: (
        <>
          <p>The people named in bylines and on their own profile pages.</p>
          <p><a class="nr-button" href="/newsroom/people/new">New person</a></p>
          <PeopleList people={people} />
        </>
      ),
    })
  })

  r.get('/newsroom/people/new', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    return sendForm(request, reply, { staff, fields: { name: '', slug: '', jobTitle: '', bio: '', photoId: '', socials: [] } })
  })

  r.post('/newsroom/people', { config: { auth: 'editor' }, schema: { body: PersonBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readFields(request.body)
    const checked = await checkFields(deps.db, fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      if (await findPersonBySlug(trx, checked.person.slug)) throw slugTakenError()
      const created = await insertPerson(trx, checked.person)
      await insertAudit(trx, { accountId: staff.account.id, action: 'person-created', subject: `person:${created.id}`, detail: { slug: created.slug }, ip: request.ip })
      return created
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`person:${result.saved.id}`, 'list:people'] })
    return reply.redirect(`/newsroom/people/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/people/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const person = await findPersonById(deps.db, request.params.id)
    if (!person) throw new NotFound('person', request.params.id)
    return sendForm(request, reply, { staff, person, fields: fieldsOf(person), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/people/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: PersonBody } }, async (request, reply) => {
    const staff = request.staff
    const person = await findPersonById(deps.db, request.params.id)
    if (!person) throw new NotFound('person', request.params.id)
    const fields = readFields(request.body)
    const checked = await checkFields(deps.db, fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, person, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      const holder = await findPersonBySlug(trx, checked.person.slug)
      if (holder && holder.id !== person.id) throw slugTakenError()
      await updatePerson(trx, person.id, checked.person)
      if (person.slug !== checked.person.slug) await recordMovedPath(trx, personUrl(person.slug), personUrl(checked.person.slug))
      await insertAudit(trx, { accountId: staff.account.id, action: 'person-updated', subject: `person:${person.id}`, detail: { changed: changedFields(person, checked.person) }, ip: request.ip })
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, person, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`person:${person.id}`, 'list:people'] })
    return reply.redirect(`/newsroom/people/${person.id}?saved=1`, 303)
  })
}
