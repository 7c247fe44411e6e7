// Newsroom pages for topics: the list in navigation order (with moving up and down), and the
// form to create or edit one. Editors and admins only. Handlers read and check the form, call
// one action from actions.ts and redirect, or show the form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { IdInteger, IdParams } from '../platform/http/integer-inputs.js'
import {
  actorOf,
  type NewsroomDeps,
  formText,
  readPosition,
  slugProblem,
  SLUG_TAKEN,
  textProblem,
  unlessSlugTaken,
  type FormProblems,
  textField,
} from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { createTopic, moveTopic, updateTopic, type TopicInput } from './actions.js'
import { findTopicById, listTopics, nextTopicPosition, type Topic } from './store.js'
import { TOPIC_LIMITS, type TopicFields } from './views/topic-form.js'
import { TopicFormPage, TopicsAdminPage } from './views/topic-admin-pages.js'

const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const MovedQuery = Type.Object({ moved: Type.Optional(IdInteger()) })
const TopicBody = Type.Object({
  name: textField(),
  slug: textField(),
  description: textField(),
  position: textField(),
  _csrf: textField(200),
})
const MoveBody = Type.Object({ direction: textField(10), _csrf: textField(200) })

/** The form's fields as typed, for showing again. */
function readFields(body: Static<typeof TopicBody>): TopicFields {
  return {
    name: formText(body.name),
    slug: formText(body.slug),
    description: formText(body.description),
    position: formText(body.position),
  }
}

function fieldsOf(topic: Topic): TopicFields {
  return { name: topic.name, slug: topic.slug, description: topic.description, position: String(topic.position) }
}

/** Checks the fields; gives the topic to save or the problems. */
function checkFields(fields: TopicFields): { topic: TopicInput } | { problems: FormProblems } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('name', textProblem('Name', fields.name, TOPIC_LIMITS.name, true))
  add('slug', slugProblem(fields.slug))
  add('description', textProblem('Description', fields.description, TOPIC_LIMITS.description))
  const position = readPosition(fields.position)
  add('position', position.problem)
  if (Object.keys(problems).length) return { problems }
  return { topic: { name: fields.name, slug: fields.slug, description: fields.description, position: position.value } }
}

/** What the form page shows besides the signed-in staff member. */
type FormPage = {
  topic?: Topic | undefined
  fields: TopicFields
  problems?: FormProblems
  status?: number
  saved?: boolean
}

function sendForm(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, page: FormPage) {
  const { topic } = page
  return sendNewsroomPage(deps, request, reply, {
    title: topic ? `Edit topic: ${topic.name}` : 'New topic',
    path: topic ? `/newsroom/topics/${topic.id}` : '/newsroom/topics/new',
    staff: request.staff,
    status: page.status,
    children: (
      <TopicFormPage
        topic={topic}
        fields={page.fields}
        problems={page.problems ?? {}}
        saved={page.saved ?? false}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/** A posted form: checked, then created (no `topic`) or updated; problems show the form again with what was typed. */
async function saveForm(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Static<typeof TopicBody>,
  topic?: Topic,
) {
  const fields = readFields(body)
  const checked = checkFields(fields)
  if ('problems' in checked)
    return sendForm(deps, request, reply, { topic, fields, problems: checked.problems, status: 400 })
  const actor = actorOf(request)
  const result = await unlessSlugTaken(() =>
    topic ? updateTopic(deps, actor, topic.id, checked.topic) : createTopic(deps, actor, checked.topic),
  )
  if ('slugTaken' in result)
    return sendForm(deps, request, reply, { topic, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
  return reply.redirect(`/newsroom/topics/${result.saved.id}?saved=1`, 303)
}

/** Registers the newsroom's topic pages under /newsroom/topics. */
export function registerTopicAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/topics',
    { config: { auth: 'editor' }, schema: { querystring: MovedQuery } },
    async (request, reply) => {
      const topics = await listTopics(deps.db)
      return sendNewsroomPage(deps, request, reply, {
        title: 'Topics',
        path: '/newsroom/topics',
        staff: request.staff,
        children: (
          <TopicsAdminPage topics={topics} movedId={request.query.moved} csrf={request.staff.session.csrfToken} />
        ),
      })
    },
  )

  r.get('/newsroom/topics/new', { config: { auth: 'editor' } }, async (request, reply) => {
    return sendForm(deps, request, reply, {
      fields: { name: '', slug: '', description: '', position: String(await nextTopicPosition(deps.db)) },
    })
  })

  r.post('/newsroom/topics', { config: { auth: 'editor' }, schema: { body: TopicBody } }, async (request, reply) => {
    return saveForm(deps, request, reply, request.body)
  })

  r.get(
    '/newsroom/topics/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const topic = await findTopicById(deps.db, request.params.id)
      if (!topic) throw new NotFound('topic', request.params.id)
      return sendForm(deps, request, reply, { topic, fields: fieldsOf(topic), saved: request.query.saved === '1' })
    },
  )

  r.post(
    '/newsroom/topics/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: TopicBody } },
    async (request, reply) => {
      const topic = await findTopicById(deps.db, request.params.id)
      if (!topic) throw new NotFound('topic', request.params.id)
      return saveForm(deps, request, reply, request.body, topic)
    },
  )

  r.post(
    '/newsroom/topics/:id/move',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: MoveBody } },
    async (request, reply) => {
      const { direction } = request.body
      if (direction !== 'up' && direction !== 'down')
        throw new InvalidInput('Choose whether to move the topic up or down.')
      await moveTopic(deps, actorOf(request), request.params.id, direction)
      return reply.redirect(`/newsroom/topics?moved=${request.params.id}#topic-${request.params.id}`, 303)
    },
  )
}
