// Revisions of a published story: the list, a readable diff between any two, and restoring
// one (which is itself a new save, so nothing is ever lost).
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError } from '../platform/errors.js'
import { IdInteger } from '../platform/http/integer-inputs.js'
import { Clock, ClockText, Csrf, sendNewsroomPage } from '../newsroom/views.js'
import { insertAudit, type NewsroomDeps } from '../newsroom/index.js'
import { listRevisions, saveStory, type StoryRevision } from './draft-store.js'
import { findViewableStory } from './access.js'
import { canEdit, storyTags } from './workflow.js'
import { diffRevisions } from './revision-diff.js'
import { RevisionDiffView } from './views/revision-diff-view.js'

const IdParams = Type.Object({ id: IdInteger() })

export function registerRevisionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/stories/:id/revisions', {
    config: { auth: 'contributor' },
    schema: { params: IdParams, querystring: Type.Object({ from: Type.Optional(IdInteger()), to: Type.Optional(IdInteger()) }) },
  }, async (request, reply) => {
    const staff = request.staff
    // Revisions hold text an editor removed: only those who may see the story may read them.
    const story = await findViewableStory(deps.db, staff.account, request.params.id)
    const revisions = await listRevisions(deps.db, story.id)
    const byVersion = new Map(revisions.map((rev) => [rev.version, rev]))
    const to = request.query.to ? byVersion.get(request.query.to) : revisions[0]
    const from = request.query.from ? byVersion.get(request.query.from) : revisions[1]
    if ((request.query.to && !to) || (request.query.from && !from)) throw new DomainError('not_found', 'No such revision of this story.')
    const mayRestore = canEdit(staff.account, story)
    return sendNewsroomPage(deps, request, reply, {
      title: `Revisions: ${story.title || 'Untitled story'}`, path: '/newsroom/stories', staff,
      children: (
        <>
          <p><a href={`/newsroom/stories/${story.id}`}>Back to the story</a></p>
          {revisions.length === 0 ? <p>Revisions are kept from the story's first publication on; this story has none yet.</p> : null}
          {revisions.length ? (
            <form method="get" class="nr-filters" action={`/newsroom/stories/${story.id}/revisions`}>
              <RevisionSelect name="from" label="Compare" revisions={revisions} selected={from?.version} />
              <RevisionSelect name="to" label="with" revisions={revisions} selected={to?.version} />
              <button class="nr-button nr-button--quiet" type="submit">Show the differences</button>
            </form>
          ) : null}
          {from && to ? (
            <section class="nr-section" aria-labelledby="diff-heading">
              <h2 id="diff-heading">Changes from version {from.version} to version {to.version}</h2>
              <RevisionDiffView diffs={diffRevisions(from.fields, to.fields)} />
            </section>
          ) : null}
          {revisions.length ? (
            <table class="nr-table nr-section">
              <thead><tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">Headline</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
              <tbody>
                {revisions.map((rev) => (
                  <tr key={rev.id}>
                    <td>{rev.version}</td>
                    <td><Clock iso={rev.savedAt} /></td>
                    <td>{rev.fields.title}</td>
                    <td>
                      {mayRestore && rev.version !== story.version ? (
                        <form class="nr-inline-form" method="post" action={`/newsroom/stories/${story.id}/revisions/${rev.version}/restore`}>
                          <Csrf token={staff.session.csrfToken} />
                          <input type="hidden" name="version" value={String(story.version)} />
                          <button class="nr-button nr-button--quiet" type="submit">Restore</button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ),
    })
  })

  r.post('/newsroom/stories/:id/revisions/:version/restore', {
    config: { auth: 'contributor' },
    schema: {
      params: Type.Object({ id: IdInteger(), version: IdInteger() }),
      body: Type.Object({ version: Type.String({ pattern: '^[0-9]{1,9}$' }), _csrf: Type.Optional(Type.String({ maxLength: 200 })) }),
    },
  }, async (request, reply) => {
    const staff = request.staff
    const story = await findViewableStory(deps.db, staff.account, request.params.id)
    if (!canEdit(staff.account, story)) throw new DomainError('forbidden', 'Your role cannot edit this story.')
    const revision = (await listRevisions(deps.db, story.id)).find((rev) => rev.version === request.params.version)
    if (!revision) throw new DomainError('not_found', 'No such revision of this story.')
    await deps.db.transaction().execute(async (trx) => {
      await saveStory(trx, story.id, Number(request.body.version), revision.fields, staff.account.id)
      await insertAudit(trx, { accountId: staff.account.id, action: 'story-revision-restored', subject: `story:${story.id}`, detail: { version: revision.version }, ip: request.ip })
    })
    if (story.status === 'published') deps.events.emit({ tags: [...storyTags(story), ...storyTags({ id: story.id, ...revision.fields })] })
    return reply.redirect(`/newsroom/stories/${story.id}?saved=1`, 303)
  })
}

function RevisionSelect({ name, label, revisions, selected }: { name: string; label: string; revisions: StoryRevision[]; selected?: number }) {
  return (
    <div class="nr-field">
      <label for={`rev-${name}`}>{label}</label>
      <select id={`rev-${name}`} name={name}>
        {revisions.map((rev) => <option key={rev.id} value={String(rev.version)} selected={rev.version === selected}>Version {rev.version} · <ClockText iso={rev.savedAt} /></option>)}
      </select>
    </div>
  )
}
