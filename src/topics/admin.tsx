// Newsroom pages for topics: the list in navigation order (with moving up and down), and the
// form to create or edit one. Editors and admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { recordMovedPath } from '../platform/moved-paths/index.js'
import { insertAudit, type NewsroomDeps, type Staff, formText, readPosition, slugProblem, SLUG_TAKEN, slugTakenError, textProblem, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { findTopicById, findTopicBySlug, insertTopic, listTopics, nextTopicPosition, renumberTopics, updateTopic, type NewTopic, type Topic } from './store.js'
import { TOPIC_LIMITS, TopicForm, TopicList, type TopicFields } from './views/topic-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const TopicBody = Type.Object({ name: text(), slug: text(), description: text(), position: text(), _csrf: text(200) })
const MoveBody = Type.Object({ direction: text(10), _csrf: text(200) })

/** The form's fields as typed, for showing again. */
function readFields(body: Static<typeof TopicBody>): TopicFields {
  return { name: formText(body.name), slug: formText(body.slug), description: formText(body.description), position: formText(body.position) }
}

function fieldsOf(topic: Topic): TopicFields {
  return { name: topic.name, slug: topic.slug, description: topic.description, position: String(topic.position) }
}

/** Checks the fields; gives the topic to save (position undefined: put it last) or the problems. */
function checkFields(fields: TopicFields): { topic: Omit<NewTopic, 'position'> & { position?: number } } | { problems: FormProblems } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => { if (problem) problems[id] = problem }
  add('name', textProblem('Name', fields.name, TOPIC_LIMITS.name, true))
  add('slug', slugProblem(fields.slug))
  add('description', textProblem('Description', fields.description, TOPIC_LIMITS.description))
  const position = readPosition(fields.position)
  add('position', position.problem)
  if (Object.keys(problems).length) return { problems }
  return { topic: { name: fields.name, slug: fields.slug, description: fields.description, position: position.value } }
}

/** Names of the fields a save changed, for the audit log. */
function changedFields(before: Topic, after: NewTopic): string[] {
  return (['name', 'slug', 'description', 'position'] as const).filter((k) => before[k] !== after[k])
}

/** Registers the newsroom's topic pages under /newsroom/topics. */
export function registerTopicAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const sendForm = (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; topic?: Topic; fields: TopicFields; problems?: FormProblems; status?: number; saved?: boolean }) =>
    sendNewsroomPage(deps, request, reply, {
      title: page.topic ? `Edit topic: ${page.topic.name}` : 'New topic', path: page.topic ? `/newsroom/topics/${page.topic.id}` : '/newsroom/topics/new',
      staff: page.staff, status: page.status,
      children: (
        <>
          <p><a href="/newsroom/topics">All topics</a>{page.topic ? <> · <a href={`/topics/${page.topic.slug}`}>View on the site</a></> : null}</p>
          {page.saved ? <Notice kind="ok">The topic is saved; the site shows the change now.</Notice> : null}
          <TopicForm id={page.topic?.id} fields={page.fields} problems={page.problems ?? {}} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })

  r.get('/newsroom/topics', { config: { auth: 'editor' }, schema: { querystring: Type.Object({ moved: Type.Optional(Type.Integer({ minimum: 1 })) }) } }, async (request, reply) => {
    const staff = request.staff
    const topics = await listTopics(deps.db)
    const moved = topics.find((t) => t.id === request.query.moved)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Topics', path: '/newsroom/topics', staff,
      children: (
        <>
          {moved ? <Notice kind="ok">Moved “{moved.name}”.</Notice> : null}
          <p>Topics appear in this order in the site’s navigation, its footer and on /topics.</p>
          <p><a class="nr-button" href="/newsroom/topics/new">New topic</a></p>
          <TopicList topics={topics} csrf={staff.session.csrfToken} />
        </>
      ),
    })
  })

  r.get('/newsroom/topics/new', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    return sendForm(request, reply, { staff, fields: { name: '', slug: '', description: '', position: String(await nextTopicPosition(deps.db)) } })
  })

  r.post('/newsroom/topics', { config: { auth: 'editor' }, schema: { body: TopicBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readFields(request.body)
    const checked = checkFields(fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
    const { topic } = checked
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      if (await findTopicBySlug(trx, topic.slug)) throw slugTakenError()
      const created = await insertTopic(trx, { ...topic, position: topic.position ?? (await nextTopicPosition(trx)) })
      await insertAudit(trx, { accountId: staff.account.id, action: 'topic-created', subject: `topic:${created.id}`, detail: { slug: created.slug }, ip: request.ip })
      return created
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`topic:${result.saved.id}`, 'topics'] })
    return reply.redirect(`/newsroom/topics/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/topics/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const topic = await findTopicById(deps.db, request.params.id)
    if (!topic) throw new NotFound('topic', request.params.id)
    return sendForm(request, reply, { staff, topic, fields: fieldsOf(topic), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/topics/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: TopicBody } }, async (request, reply) => {
    const staff = request.staff
    const topic = await findTopicById(deps.db, request.params.id)
    if (!topic) throw new NotFound('topic', request.params.id)
    const fields = readFields(request.body)
    const checked = checkFields(fields)
    if ('problems' in checked) return sendForm(request, reply, { staff, topic, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => deps.db.transaction().execute(async (trx) => {
      const holder = await findTopicBySlug(trx, checked.topic.slug)
      if (holder && holder.id !== topic.id) throw slugTakenError()
      const next: NewTopic = { ...checked.topic, position: checked.topic.position ?? (await nextTopicPosition(trx)) }
      await updateTopic(trx, topic.id, next)
      if (topic.slug !== next.slug) await recordMovedPath(trx, `/topics/${topic.slug}`, `/topics/${next.slug}`)
      await insertAudit(trx, { accountId: staff.account.id, action: 'topic-updated', subject: `topic:${topic.id}`, detail: { changed: changedFields(topic, next) }, ip: request.ip })
    }))
    if ('slugTaken' in result) return sendForm(request, reply, { staff, topic, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: [`topic:${topic.id}`, 'topics'] })
    return reply.redirect(`/newsroom/topics/${topic.id}?saved=1`, 303)
  })

  r.post('/newsroom/topics/:id/move', { config: { auth: 'editor' }, schema: { params: IdParams, body: MoveBody } }, async (request, reply) => {
    const staff = request.staff
    const direction = request.body.direction
    if (direction !== 'up' && direction !== 'down') throw new InvalidInput('Choose whether to move the topic up or down.')
    const changed = await deps.db.transaction().execute(async (trx) => {
      const order = (await listTopics(trx)).map((t) => t.id)
      const at = order.indexOf(request.params.id)
      if (at < 0) throw new NotFound('topic', request.params.id)
      const to = direction === 'up' ? at - 1 : at + 1
      if (to >= 0 && to < order.length) [order[at], order[to]] = [order[to] as number, order[at] as number]
      const ids = await renumberTopics(trx, order)
      if (ids.length) await insertAudit(trx, { accountId: staff.account.id, action: 'topic-moved', subject: `topic:${request.params.id}`, detail: { direction }, ip: request.ip })
      return ids
    })
    if (changed.length) deps.events.emit({ tags: [...changed.map((id) => `topic:${id}`), 'topics'] })
    return reply.redirect(`/newsroom/topics?moved=${request.params.id}#topic-${request.params.id}`, 303)
  })
}
