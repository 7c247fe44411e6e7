// The workflow posts of the interview page: send for review (authors and above), clear, publish,
// take off the site and send back to draft (editors and admins: the route refuses anyone else with 403, and the
// actions check again). A move the interview's status does not allow shows the page again, 400.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, type ActionDeps, type Actor, type Role } from '../newsroom/index.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import {
  clearInterview,
  publishInterview,
  returnInterviewToDraft,
  submitInterviewForReview,
  unpublishInterview,
} from './actions.js'
import { interviewOf, orShowRefusal, type InterviewAdminDeps } from './admin-page.js'
import type { Interview } from './store.js'

const MoveBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) })

const MOVES: ReadonlyArray<{
  move: string
  role: Role
  act: (deps: ActionDeps, actor: Actor, id: number) => Promise<Interview>
}> = [
  { move: 'submit', role: 'author', act: submitInterviewForReview },
  { move: 'clear', role: 'editor', act: clearInterview },
  { move: 'publish', role: 'editor', act: publishInterview },
  { move: 'unpublish', role: 'editor', act: unpublishInterview },
  { move: 'return', role: 'editor', act: returnInterviewToDraft },
]

/** Registers POST /newsroom/interviews/:id/{submit,clear,publish,unpublish,return}. */
export function registerInterviewWorkflowRoutes(app: FastifyInstance, deps: InterviewAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  for (const { move, role, act } of MOVES) {
    r.post(
      `/newsroom/interviews/:id/${move}`,
      { config: { auth: role }, schema: { params: IdParams, body: MoveBody } },
      async (request, reply) => {
        const interview = await interviewOf(deps, request, request.params.id)
        return orShowRefusal(deps, request, reply, interview, 'workflow', async () => {
          await act(deps, actorOf(request), interview.id)
          return `/newsroom/interviews/${interview.id}?done=${move}`
        })
      },
    )
  }
}
