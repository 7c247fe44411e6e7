// Newsroom pages for corrections (editor and up): a story's corrections with their histories,
// appending one and amending one. The writes are actions (actions.ts); a refused form comes back
// as typed, with what to fix.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DomainError, NotFound } from '../platform/errors.js'
import { isoToWallTime } from '../platform/time.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { actorOf, type NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { findStoryForEditing, listRevisions, storyUrl, type EditableStory } from '../stories/index.js'
import { loadSettings } from '../settings/index.js'
import { findCorrection, listCorrectionHistory, listCorrectionsForNewsroom } from './store.js'
import type { CorrectionFormValues } from './form.js'
import { amendStoryCorrection, appendStoryCorrection, NEVER_PUBLISHED } from './actions.js'
import { CorrectionAdminPage, type CorrectionAdminPageProps } from './views/correction-admin-page.js'

// Lengths are checked again, with a readable message and the typed text kept, in form.ts.
const KindAndBody = {
  kind: Type.String({ maxLength: 40 }),
  body: Type.String({ maxLength: 50_000 }),
  _csrf: Type.String({ maxLength: 200 }),
}
const AppendBody = Type.Object({
  ...KindAndBody,
  publishedAt: Type.String({ maxLength: 40 }),
  fixesRevisionId: Type.Optional(Type.String({ maxLength: 20 })),
})
const DONE = {
  appended: 'The correction was appended.',
  amended: 'The amendment was saved; the earlier text stays in the history.',
  unchanged: 'Nothing had changed, so nothing was saved.',
} as const
const DoneQuery = Type.Object({
  done: Type.Optional(Type.Union(Object.keys(DONE).map(k => Type.Literal(k as keyof typeof DONE)))),
})
const YEAR_MS = 365 * 86_400_000

type PageState = Pick<CorrectionAdminPageProps, 'notice' | 'amend'> & {
  append?: { values: CorrectionFormValues; problem: string }
}

/** Registers the newsroom's correction pages and actions. */
export function registerCorrectionAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/stories/:id/corrections',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const story = await storyOr404(deps, request.params.id)
      const notice = request.query.done ? DONE[request.query.done] : story.publishedAt ? undefined : NEVER_PUBLISHED
      return sendCorrectionsPage(deps, request, reply, story, { notice })
    },
  )

  r.post(
    '/newsroom/stories/:id/corrections',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: AppendBody } },
    async (request, reply) => {
      const { kind, body, publishedAt, fixesRevisionId = '' } = request.body
      const typed: CorrectionFormValues = { kind, body, publishedAt, fixesRevisionId }
      try {
        const correction = await appendStoryCorrection(deps, actorOf(request), { storyId: request.params.id, typed })
        return reply.redirect(
          `/newsroom/stories/${correction.storyId}/corrections?done=appended#correction-${correction.id}`,
          303,
        )
      } catch (err) {
        if (!isRefusal(err)) throw err
        const story = await storyOr404(deps, request.params.id)
        return sendCorrectionsPage(
          deps,
          request,
          reply,
          story,
          { append: { values: typed, problem: err.message } },
          statusOf(err),
        )
      }
    },
  )

  r.post(
    '/newsroom/corrections/:id',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: Type.Object(KindAndBody) } },
    async (request, reply) => {
      const typed = { kind: request.body.kind, body: request.body.body }
      try {
        const { correction, changed } = await amendStoryCorrection(deps, actorOf(request), {
          correctionId: request.params.id,
          typed,
        })
        return reply.redirect(
          `/newsroom/stories/${correction.storyId}/corrections?done=${changed ? 'amended' : 'unchanged'}#correction-${correction.id}`,
          303,
        )
      } catch (err) {
        if (!isRefusal(err)) throw err
        const current = await findCorrection(deps.db, request.params.id)
        if (!current) throw err
        const story = await storyOr404(deps, current.storyId)
        return sendCorrectionsPage(
          deps,
          request,
          reply,
          story,
          { amend: { id: current.id, values: typed, problem: err.message } },
          statusOf(err),
        )
      }
    },
  )
}

/** A refusal the person can fix by changing the form: shown beside it, with what they typed. */
function isRefusal(err: unknown): err is DomainError {
  return err instanceof DomainError && (err.code === 'invalid_input' || err.code === 'conflict')
}

function statusOf(err: DomainError): number {
  return err.code === 'conflict' ? 409 : 400
}

async function storyOr404(deps: NewsroomDeps, id: number): Promise<EditableStory> {
  const story = await findStoryForEditing(deps.db, id)
  if (!story) throw new NotFound('story', id)
  return story
}

/** Loads the story's corrections with their histories and its revisions, and sends the page, fresh or with a refused form shown again. */
async function sendCorrectionsPage(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  story: EditableStory,
  state: PageState,
  status?: number,
) {
  const staff = request.staff
  const [settings, corrections, revisions] = await Promise.all([
    loadSettings(deps.db),
    listCorrectionsForNewsroom(deps.db, story.id),
    listRevisions(deps.db, story.id),
  ])
  const entries = await Promise.all(
    corrections.map(async correction => ({ correction, history: await listCorrectionHistory(deps.db, correction.id) })),
  )
  const now = Date.now()
  const { timeZone } = settings
  return sendNewsroomPage(deps, request, reply, {
    title: 'Corrections',
    path: `/newsroom/stories/${story.id}/corrections`,
    staff,
    status,
    children: (
      <CorrectionAdminPage
        story={story}
        publicHref={story.status === 'published' ? storyUrl(story.slug) : undefined}
        entries={entries}
        csrf={staff.session.csrfToken}
        timeZone={timeZone}
        revisions={revisions.map(rev => ({ id: rev.id, version: rev.version, savedAt: rev.savedAt }))}
        accountNames={new Map([[staff.account.id, `${staff.account.name} (you)`]])}
        now={new Date(now).toISOString()}
        notice={state.notice}
        amend={state.amend}
        append={{
          values: state.append?.values ?? {
            kind: 'correction',
            body: '',
            publishedAt: isoToWallTime(new Date(now).toISOString(), timeZone),
            fixesRevisionId: '',
          },
          problem: state.append?.problem,
          min: isoToWallTime(new Date(now - YEAR_MS).toISOString(), timeZone),
          max: isoToWallTime(new Date(now + YEAR_MS).toISOString(), timeZone),
        }}
      />
    ),
  })
}
