// The campaign's buttons: a test send to a staff address, scheduling, send now (after a
// confirmation page), unscheduling, cancelling, reopening and retrying. Each handler parses the
// post, calls one action from actions.ts (which asks moves.ts what may move where), and goes
// back to the campaign's page.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import { InvalidInput } from '../../platform/errors.js'
import { MailDeliveryError } from '../../platform/mail/index.js'
import { loadSettings } from '../../settings/index.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { countConfirmedSubscribers, findListById } from '../lists.js'
import {
  cancelCampaign,
  reopenCampaign,
  retryCampaign,
  scheduleCampaign,
  sendCampaignNow,
  sendCampaignTest,
  unscheduleCampaign,
} from './actions.js'
import {
  ActionBody,
  CAMPAIGNS_PATH,
  IdParams,
  editor,
  findCampaign,
  redirectDone,
  showCampaign,
} from './admin-pages.js'
import { readinessProblems } from './form.js'
import { moveProblem } from './moves.js'
import { SendConfirm } from './views/send-confirm.js'

const csrf = Type.Optional(Type.String({ maxLength: 200 }))

/** The test send, scheduling and send now. */
export function registerCampaignSendRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  registerTestSendRoute(app, deps)
  registerScheduleRoute(app, deps)
  registerSendNowRoutes(app, deps)
}

/** The test send: the preview mailed to a staff account. */
function registerTestSendRoute(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.post(
    `${CAMPAIGNS_PATH}/:id/test`,
    {
      config: editor,
      schema: {
        params: IdParams,
        body: Type.Object({ _csrf: csrf, to: Type.Optional(Type.String({ maxLength: 12 })) }),
      },
    },
    async (request, reply) => {
      const campaign = await findCampaign(deps, request.params.id)
      // Only to a staff account chosen from the list (the signed-in one by default); never an address typed in.
      const to =
        request.body.to === undefined || request.body.to === '' ? request.staff.account.id : Number(request.body.to)
      try {
        const sent = await sendCampaignTest(deps, actorOf(request), campaign.id, to)
        return redirectDone(reply, campaign.id, 'tested', `&to=${sent.id}`)
      } catch (error) {
        if (!(error instanceof MailDeliveryError)) throw error
        return showCampaign(deps, request, reply, campaign, {
          notice: { kind: 'error', message: `The mail server did not take the test: ${error.message}` },
          status: 502,
        })
      }
    },
  )
}

/** Scheduling the send for a time the editor chose. */
function registerScheduleRoute(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.post(
    `${CAMPAIGNS_PATH}/:id/schedule`,
    {
      config: editor,
      schema: {
        params: IdParams,
        body: Type.Object({ _csrf: csrf, sendAt: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const campaign = await findCampaign(deps, request.params.id)
      const { sendAt } = request.body
      const refused = (problems: readonly string[]) =>
        showCampaign(deps, request, reply, campaign, {
          notice: { kind: 'error', message: 'The campaign was not scheduled:', details: problems },
          sendAt,
          status: 400,
        })
      try {
        await scheduleCampaign(deps, actorOf(request), campaign.id, {
          sendAt,
          timeZone: (await loadSettings(deps.db)).timeZone,
        })
      } catch (error) {
        if (error instanceof InvalidInput) return refused(error.details)
        throw error
      }
      return redirectDone(reply, campaign.id, 'scheduled')
    },
  )
}

/** Send now: its confirmation page, then the confirmed post. */
function registerSendNowRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  // The confirmation step, with the count of who gets it and anything that stops the send.
  r.get(`${CAMPAIGNS_PATH}/:id/send`, { config: editor, schema: { params: IdParams } }, async (request, reply) => {
    const campaign = await findCampaign(deps, request.params.id)
    const problem = moveProblem(campaign, 'send')
    if (problem) throw problem
    const [list, confirmed, problems] = await Promise.all([
      findListById(deps.db, campaign.listId),
      countConfirmedSubscribers(deps.db, campaign.listId),
      readinessProblems(deps.db, campaign, true),
    ])
    const staff = request.staff
    return sendNewsroomPage(deps, request, reply, {
      title: `Send “${campaign.subject || 'Untitled campaign'}” now?`,
      path: CAMPAIGNS_PATH,
      staff,
      children: (
        <SendConfirm
          campaign={campaign}
          listName={list?.name ?? 'Unknown newsletter'}
          confirmed={confirmed}
          problems={problems}
          csrf={staff.session.csrfToken}
        />
      ),
    })
  })

  r.post(
    `${CAMPAIGNS_PATH}/:id/send`,
    {
      config: editor,
      schema: {
        params: IdParams,
        body: Type.Object({ _csrf: csrf, confirm: Type.Optional(Type.String({ maxLength: 10 })) }),
      },
    },
    async (request, reply) => {
      if (request.body.confirm !== 'yes') throw new InvalidInput('Confirm the send on its confirmation page first.')
      await sendCampaignNow(deps, actorOf(request), request.params.id)
      return redirectDone(reply, request.params.id, 'sending')
    },
  )
}

/** Unschedule, cancel and reopen (each takes the queued send away), and retry. */
export function registerCampaignMoveRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const moves = [
    ['unschedule', unscheduleCampaign, 'unscheduled'],
    ['cancel', cancelCampaign, 'cancelled'],
    ['reopen', reopenCampaign, 'reopened'],
    ['retry', retryCampaign, 'retried'],
  ] as const
  for (const [path, act, done] of moves) {
    r.post(
      `${CAMPAIGNS_PATH}/:id/${path}`,
      { config: editor, schema: { params: IdParams, body: ActionBody } },
      async (request, reply) => {
        await act(deps, actorOf(request), request.params.id)
        return redirectDone(reply, request.params.id, done)
      },
    )
  }
}
