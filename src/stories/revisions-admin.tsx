// Revisions of a published story: the list, a readable diff between any two, and restoring
// one (restoreRevision: itself a new save, so nothing is ever lost).
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { IdInteger, IdParams } from '../platform/http/integer-inputs.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import type { NewsroomDeps } from '../newsroom/index.js'
import { listRevisions } from './draft-store.js'
import { findViewableStory } from './access.js'
import { canEdit } from './workflow.js'
import { restoreRevision } from './actions.js'
import { diffRevisions } from './revision-diff.js'
import { RevisionsPage } from './views/revisions-page.js'

/** Registers the revisions page and the restore action. */
export function registerRevisionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/stories/:id/revisions',
    {
      config: { auth: 'contributor' },
      schema: {
        params: IdParams,
        querystring: Type.Object({ from: Type.Optional(IdInteger()), to: Type.Optional(IdInteger()) }),
      },
    },
    async (request, reply) => {
      const staff = request.staff
      // Revisions hold text an editor removed: only those who may see the story may read them.
      const story = await findViewableStory(deps.db, staff.account, request.params.id)
      const revisions = await listRevisions(deps.db, story.id)
      const byVersion = new Map(revisions.map(rev => [rev.version, rev]))
      const to = request.query.to ? byVersion.get(request.query.to) : revisions[0]
      const from = request.query.from ? byVersion.get(request.query.from) : revisions[1]
      if ((request.query.to && !to) || (request.query.from && !from))
        throw new DomainError('not_found', 'No such revision of this story.')
      return sendNewsroomPage(deps, request, reply, {
        title: `Revisions: ${story.title || 'Untitled story'}`,
        path: '/newsroom/stories',
        staff,
        children: (
          <RevisionsPage
            story={story}
            revisions={revisions}
            restoreCsrf={canEdit(staff.account, story) ? staff.session.csrfToken : undefined}
            compare={{
              from: from?.version,
              to: to?.version,
              diffs: from && to ? diffRevisions(from.fields, to.fields) : undefined,
            }}
          />
        ),
      })
    },
  )

  r.post(
    '/newsroom/stories/:id/revisions/:version/restore',
    {
      config: { auth: 'contributor' },
      schema: {
        params: Type.Object({ id: IdInteger(), version: IdInteger() }),
        body: Type.Object({
          version: Type.String({ pattern: '^[0-9]{1,9}$' }),
          _csrf: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request, reply) => {
      const actor = { account: request.staff.account, ip: request.ip }
      await restoreRevision(deps, actor, {
        storyId: request.params.id,
        revision: request.params.version,
        expectedVersion: Number(request.body.version),
      })
      return reply.redirect(`/newsroom/stories/${request.params.id}?saved=1`, 303)
    },
  )
}
