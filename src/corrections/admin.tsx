// Newsroom pages and actions for corrections (editor and up): append one to a story, amend
// one. Each write commits with its audit row, then purges the pages that show corrections.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { NotFound } from '../platform/errors.js'
import { isoToWallTime } from '../platform/time.js'
import { IdInteger } from '../platform/http/integer-inputs.js'
import { insertAudit, type NewsroomDeps, type Staff } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { findStoryForEditing, listRevisions, storyUrl } from '../stories/index.js'
import { loadSettings } from '../settings/index.js'
import { amendCorrection, appendCorrection, findCorrection, listCorrectionHistory, listCorrectionsForNewsroom } from './store.js'
import { readKindAndBody, readNewCorrection, type CorrectionFormValues } from './form.js'
import { CorrectionAdminPage, type CorrectionAdminPageProps } from './views/correction-admin-page.js'

const IdParams = Type.Object({ id: IdInteger() })
// Lengths are checked again, with a readable message and the typed text kept, in form.ts.
const KindAndBody = { kind: Type.String({ maxLength: 40 }), body: Type.String({ maxLength: 50_000 }), _csrf: Type.String({ maxLength: 200 }) }
const AppendBody = Type.Object({ ...KindAndBody, publishedAt: Type.String({ maxLength: 40 }), fixesRevisionId: Type.Optional(Type.String({ maxLength: 20 })) })
const DONE = { appended: 'The correction was appended.', amended: 'The amendment was saved; the earlier text stays in the history.', unchanged: 'Nothing had changed, so nothing was saved.' } as const
const DoneQuery = Type.Object({ done: Type.Optional(Type.Union(Object.keys(DONE).map((k) => Type.Literal(k as keyof typeof DONE)))) })
const YEAR_MS = 365 * 86_400_000
const NEVER_PUBLISHED = 'This story has never been published, so there is nothing to correct yet: corrections can be appended once it has been.'

type StoryForCorrections = NonNullable<Awaited<ReturnType<typeof findStoryForEditing>>>
type PageState = Pick<CorrectionAdminPageProps, 'notice' | 'amend'> & { append?: { values: CorrectionFormValues; problem: string } }

/** The pages that show a story's corrections: the story, every list of corrections, lists of stories. */
function correctionTags(storyId: number): string[] {
  return [`story:${storyId}`, 'list:corrections', 'list:stories']
}

/** Registers the newsroom's correction pages and actions. */
export function registerCorrectionAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  async function storyOr404(id: number): Promise<StoryForCorrections> {
    const story = await findStoryForEditing(deps.db, id)
    if (!story) throw new NotFound('story', id)
    return story
  }

  /** Renders the page, fresh or with a refused form shown again. */
  async function sendPage(request: FastifyRequest, reply: FastifyReply, staff: Staff, story: StoryForCorrections, state: PageState, status?: number) {
    const [settings, corrections, revisions] = await Promise.all([loadSettings(deps.db), listCorrectionsForNewsroom(deps.db, story.id), listRevisions(deps.db, story.id)])
    const entries = await Promise.all(corrections.map(async (correction) => ({ correction, history: await listCorrectionHistory(deps.db, correction.id) })))
    const now = Date.now()
    const { timeZone } = settings
    return sendNewsroomPage(deps, request, reply, {
      title: 'Corrections', path: `/newsroom/stories/${story.id}/corrections`, staff, status,
      children: (
        <CorrectionAdminPage
          story={story} publicHref={story.status === 'published' ? storyUrl(story.slug) : undefined} entries={entries} csrf={staff.session.csrfToken} timeZone={timeZone}
          revisions={revisions.map((rev) => ({ id: rev.id, version: rev.version, savedAt: rev.savedAt }))}
          accountNames={new Map([[staff.account.id, `${staff.account.name} (you)`]])} now={new Date(now).toISOString()}
          notice={state.notice} amend={state.amend}
          append={{
            values: state.append?.values ?? { kind: 'correction', body: '', publishedAt: isoToWallTime(new Date(now).toISOString(), timeZone), fixesRevisionId: '' },
            problem: state.append?.problem,
            min: isoToWallTime(new Date(now - YEAR_MS).toISOString(), timeZone), max: isoToWallTime(new Date(now + YEAR_MS).toISOString(), timeZone),
          }}
        />
      ),
    })
  }

  r.get('/newsroom/stories/:id/corrections', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: DoneQuery } }, async (request, reply) => {
    const staff = request.staff
    const story = await storyOr404(request.params.id)
    const notice = request.query.done ? DONE[request.query.done] : story.publishedAt ? undefined : NEVER_PUBLISHED
    return sendPage(request, reply, staff, story, { notice })
  })

  r.post('/newsroom/stories/:id/corrections', { config: { auth: 'editor' }, schema: { params: IdParams, body: AppendBody } }, async (request, reply) => {
    const staff = request.staff
    const story = await storyOr404(request.params.id)
    const values: CorrectionFormValues = { kind: request.body.kind, body: request.body.body, publishedAt: request.body.publishedAt, fixesRevisionId: request.body.fixesRevisionId ?? '' }
    // A correction corrects what readers saw: a story never published has nothing to correct yet.
    if (!story.publishedAt) return sendPage(request, reply, staff, story, { append: { values, problem: NEVER_PUBLISHED } }, 409)
    const [settings, revisions] = await Promise.all([loadSettings(deps.db), listRevisions(deps.db, story.id)])
    const valid = readNewCorrection(values, { timeZone: settings.timeZone, now: new Date(), revisionIds: revisions.map((rev) => rev.id) })
    if ('problem' in valid) return sendPage(request, reply, staff, story, { append: { values, problem: valid.problem } }, 400)
    const correction = await deps.db.transaction().execute(async (trx) => {
      const appended = await appendCorrection(trx, { storyId: story.id, ...valid, accountId: staff.account.id })
      await insertAudit(trx, {
        accountId: staff.account.id, action: 'correction-appended', subject: `correction:${appended.id}`,
        detail: { story: story.id, kind: appended.kind, publishedAt: appended.publishedAt, fixesRevisionId: appended.fixesRevisionId }, ip: request.ip,
      })
      return appended
    })
    deps.events.emit({ tags: correctionTags(story.id) })
    return reply.redirect(`/newsroom/stories/${story.id}/corrections?done=appended#correction-${correction.id}`, 303)
  })

  r.post('/newsroom/corrections/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: Type.Object(KindAndBody) } }, async (request, reply) => {
    const staff = request.staff
    const current = await findCorrection(deps.db, request.params.id)
    if (!current) throw new NotFound('correction', request.params.id)
    const back = `/newsroom/stories/${current.storyId}/corrections`
    const valid = readKindAndBody(request.body)
    if ('problem' in valid) {
      const story = await storyOr404(current.storyId)
      return sendPage(request, reply, staff, story, { amend: { id: current.id, values: { kind: request.body.kind, body: request.body.body }, problem: valid.problem } }, 400)
    }
    if (valid.kind === current.kind && valid.body === current.body) return reply.redirect(`${back}?done=unchanged#correction-${current.id}`, 303)
    await deps.db.transaction().execute(async (trx) => {
      await amendCorrection(trx, current.id, { ...valid, accountId: staff.account.id })
      await insertAudit(trx, {
        accountId: staff.account.id, action: 'correction-amended', subject: `correction:${current.id}`,
        detail: { story: current.storyId, ...(valid.kind !== current.kind ? { kind: { from: current.kind, to: valid.kind } } : {}) }, ip: request.ip,
      })
    })
    deps.events.emit({ tags: correctionTags(current.storyId) })
    return reply.redirect(`${back}?done=amended#correction-${current.id}`, 303)
  })
}
