// The reader's interview pages: /interviews (the archive, filtered by person and topic),
// /interviews/:slug (player, transcript, film moments, stories quoting it) and its captions.
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { truncate } from '../platform/format.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findPersonBySlug } from '../people/index.js'
import { findTopicBySlug, findTopicsByIds } from '../topics/index.js'
import { sendPage } from '../site/views.js'
import { groupByDocumentary, loadInterviewList } from './page-data.js'
import { InterviewsPage } from './views/interviews-page.js'
import { registerInterviewPageRoutes, type InterviewRouteDeps } from './page-routes.js'

export type { InterviewRouteDeps }

const SLUG_OR_EMPTY = '^([a-z0-9]+(-[a-z0-9]+)*)?$'
/** The filters; an empty value (the form's "Everyone") means no filter. */
const ListQuery = Type.Object({
  person: Type.Optional(Type.String({ pattern: SLUG_OR_EMPTY, maxLength: 200 })),
  topic: Type.Optional(Type.String({ pattern: SLUG_OR_EMPTY, maxLength: 200 })),
})

/** Registers the public interview pages. */
export function registerInterviewRoutes(app: FastifyInstance, deps: InterviewRouteDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/interviews', { schema: { querystring: ListQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const { person: personSlug, topic: topicSlug } = request.query
    const [person, topic, all] = await Promise.all([
      personSlug ? findPersonBySlug(deps.db, personSlug) : undefined,
      topicSlug ? findTopicBySlug(deps.db, topicSlug) : undefined,
      loadInterviewList(deps.db, {}),
    ])
    if (personSlug && !person) throw new NotFound('person', personSlug)
    if (topicSlug && !topic) throw new NotFound('topic', topicSlug)
    // The filters offer only the people and topics that published interviews have.
    const topics = await findTopicsByIds(
      deps.db,
      all.items.flatMap(i => i.links.topicIds),
    )
    const people = new Map(all.items.flatMap(i => (i.person ? [[i.person.id, i.person] as const] : [])))
    const shown = all.items.filter(
      i => (!person || i.interview.personId === person.id) && (!topic || i.links.topicIds.includes(topic.id)),
    )
    const { settings } = await deps.chrome()
    const title = ['Interviews', person ? `with ${person.name}` : '', topic ? `on ${topic.name}` : '']
      .filter(Boolean)
      .join(' ')
    const query = new URLSearchParams([
      ...(person ? [['person', person.slug]] : []),
      ...(topic ? [['topic', topic.slug]] : []),
    ]).toString()
    return sendPage(deps, request, reply, {
      tags: [
        'list:interviews',
        ...all.items.map(i => `interview:${i.interview.id}`),
        ...[...people.keys()].map(id => `person:${id}`),
        ...[...topics.keys()].map(id => `topic:${id}`),
        ...[...all.documentaries.keys()].map(id => `documentary:${id}`),
      ],
      content: (
        <InterviewsPage
          groups={groupByDocumentary(shown, all.documentaries)}
          timeZone={settings.timeZone}
          person={person}
          topic={topic}
          people={[...people.values()].sort((a, b) => a.name.localeCompare(b.name))}
          topics={[...topics.values()].sort((a, b) => a.name.localeCompare(b.name))}
        />
      ),
      meta: {
        title,
        path: query ? `/interviews?${query}` : '/interviews',
        description: truncate(
          `The full interviews behind the documentaries of ${settings.name}, on video with their transcripts.`,
          200,
        ),
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'Interviews', url: `${deps.publicUrl}/interviews` },
          ]),
        ],
      },
    })
  })

  registerInterviewPageRoutes(app, deps)
}
