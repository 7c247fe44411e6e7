// The newsroom's page for an interview's video (/newsroom/interviews/:id/video, authors and up):
// its status (and the JSON the island polls), attaching an uploaded master, and retrying a
// failed transcode. The upload itself is the media part's resumable upload API; handlers call
// one action (video-actions.ts) and redirect, or show the page again with the refusal beside the
// upload form. A JSON post's refusal stays JSON (the error handler's 4xx).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { refusalOf } from '../media/index.js'
import { actorOf, hasRole, type NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { postedJson } from '../platform/http/json-body.js'
import { findVideoByInterview } from '../videos/index.js'
import { interviewOf } from './admin-page.js'
import type { Interview } from './store.js'
import { attachInterviewVideo, retryInterviewVideo, type InterviewVideoDeps } from './video-actions.js'
import { InterviewVideoPage, interviewVideoStatus } from './views/video-page.js'

/** What the video page needs: the newsroom's, storage, the runner, and the upload-and-poll island. */
export interface InterviewVideoAdminDeps extends NewsroomDeps, InterviewVideoDeps {
  scripts: string[]
}

const Csrf = Type.Optional(Type.String({ maxLength: 200 }))
const AttachBody = Type.Object({ upload: Type.Optional(Type.String({ maxLength: 64 })), _csrf: Csrf })
const EmptyBody = Type.Object({ _csrf: Csrf })
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) })
const AUTHOR = { auth: 'author' } as const

async function sendVideoPage(
  deps: InterviewVideoAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  interview: Interview,
  extra: { status?: number; problems?: string[]; done?: string | undefined } = {},
) {
  const video = await findVideoByInterview(deps.db, interview.id)
  return sendNewsroomPage(deps, request, reply, {
    title: `Video: ${interview.title}`,
    path: `/newsroom/interviews/${interview.id}/video`,
    staff: request.staff,
    status: extra.status,
    scripts: deps.scripts,
    children: (
      <InterviewVideoPage
        interview={interview}
        video={video}
        csrf={request.staff.session.csrfToken}
        done={extra.done}
        problems={extra.problems}
        canUpload={hasRole(request.staff.account.role, 'editor')}
      />
    ),
  })
}

const done = (interview: Interview, what: string) => `/newsroom/interviews/${interview.id}/video?done=${what}`

/** Registers the interview video page, its status for the island, attaching and retrying. */
export function registerInterviewVideoRoutes(app: FastifyInstance, deps: InterviewVideoAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/interviews/:id/video',
    { config: AUTHOR, schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) =>
      sendVideoPage(deps, request, reply, await interviewOf(deps, request, request.params.id), {
        done: request.query.done,
      }),
  )

  r.get(
    '/newsroom/api/interviews/:id/video',
    { config: AUTHOR, schema: { params: IdParams } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      reply.header('cache-control', 'no-store')
      return interviewVideoStatus(await findVideoByInterview(deps.db, interview.id))
    },
  )

  // The island posts JSON and reads the status back; a form post is redirected to the page.
  r.post(
    '/newsroom/interviews/:id/video',
    { config: AUTHOR, schema: { params: IdParams, body: AttachBody } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const attach = () => attachInterviewVideo(deps, actorOf(request), interview.id, request.body.upload)
      if (postedJson(request)) {
        const video = await attach()
        // The woken runner may already have taken the job: answer what the video is now.
        return interviewVideoStatus((await findVideoByInterview(deps.db, interview.id)) ?? video)
      }
      const problems = await refusalOf(attach)
      if (problems) return sendVideoPage(deps, request, reply, interview, { status: 400, problems })
      return reply.redirect(done(interview, 'attached'), 303)
    },
  )

  r.post(
    '/newsroom/interviews/:id/video/retry',
    { config: AUTHOR, schema: { params: IdParams, body: Type.Optional(EmptyBody) } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const problems = await refusalOf(() => retryInterviewVideo(deps, actorOf(request), interview.id))
      if (problems) return sendVideoPage(deps, request, reply, interview, { status: 400, problems })
      return reply.redirect(done(interview, 'retried'), 303)
    },
  )
}
