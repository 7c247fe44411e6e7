// The newsroom's campaign pages (editors and admins): the list, the form, a campaign's page and
// the preview exactly as mailed; sending and the status moves are in send-admin.tsx. Handlers
// parse, call one action from actions.ts, and render.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, listAccounts } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import { DomainError } from '../../platform/errors.js'
import { loadSettings } from '../../settings/index.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { listNewsletterLists } from '../lists.js'
import { deliveryFiguresOf } from '../sending/figures.js'
import { createCampaign, saveCampaign } from './actions.js'
import {
  CAMPAIGNS_PATH,
  DONE,
  IdParams,
  editor,
  findCampaign,
  redirectDone,
  showCampaign,
  showNewCampaign,
  type Done,
} from './admin-pages.js'
import { loadCampaignContent } from './content.js'
import { CampaignFormBody, formValues, readCampaignForm, type CampaignFormValues } from './form.js'
import { genericLinks, renderCampaignMail } from './mail.js'
import { listCampaigns } from './store.js'
import { registerCampaignMoveRoutes, registerCampaignSendRoutes } from './send-admin.js'
import { CampaignListPage } from './views/campaign-list.js'

const PAGE_SIZE = 25
const PageQuery = Type.Object({
  done: Type.Optional(Type.Union(DONE.map(d => Type.Literal(d)))),
  to: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
})
// The preview is mail HTML: inline styles and remote images, and nothing that runs.
const MAIL_CSP =
  "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox"

const DONE_MESSAGES: Record<Done, string> = {
  created: 'The campaign is created. Preview it below, send yourself a test, then schedule it or send it now.',
  saved: 'Saved. The preview below shows the change.',
  scheduled: 'Scheduled. It goes out at the time shown; until then you can still change it.',
  sending: 'Sending has started. Reload this page to follow the figures.',
  unscheduled: 'Unscheduled: the campaign is a draft again and will not go out.',
  cancelled: 'The campaign is cancelled and will not go out.',
  reopened: 'The campaign is a draft again.',
  tested: 'The test is on its way.',
  retried:
    'Sending again: the failed deliveries are queued and a paused send goes on now. Sent and unknown ones are never sent twice. Reload this page to follow the figures.',
}

/** Registers the campaign pages under /newsroom/newsletter/campaigns. */
export function registerCampaignAdminRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  registerCampaignListRoutes(app, deps)
  registerCampaignEditRoutes(app, deps)
  registerCampaignPreviewRoutes(app, deps)
  registerCampaignSendRoutes(app, deps)
  registerCampaignMoveRoutes(app, deps)
}

/** The list of campaigns, the empty form and its post. */
function registerCampaignListRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    CAMPAIGNS_PATH,
    {
      config: editor,
      schema: { querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }) },
    },
    async (request, reply) => {
      const page = request.query.page ?? 1
      const [found, lists, settings] = await Promise.all([
        listCampaigns(deps.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
        listNewsletterLists(deps.db),
        loadSettings(deps.db),
      ])
      const campaigns = found.slice(0, PAGE_SIZE)
      const figures = await deliveryFiguresOf(
        deps.db,
        campaigns.map(c => c.id),
      )
      const rows = campaigns.map(campaign => ({
        campaign,
        listName: lists.find(l => l.id === campaign.listId)?.name ?? 'Unknown newsletter',
        figures: figures.get(campaign.id)!,
      }))
      return sendNewsroomPage(deps, request, reply, {
        title: 'Newsletter campaigns',
        path: CAMPAIGNS_PATH,
        staff: request.staff,
        children: (
          <CampaignListPage rows={rows} page={page} hasOlder={found.length > PAGE_SIZE} timeZone={settings.timeZone} />
        ),
      })
    },
  )

  r.get(`${CAMPAIGNS_PATH}/new`, { config: editor }, async (request, reply) => {
    const lists = await listNewsletterLists(deps.db)
    const values: CampaignFormValues = {
      listId: lists[0]?.id ?? null,
      subject: '',
      preheader: '',
      template: 'standard',
      introJson: JSON.stringify({ type: 'doc', content: [] }),
      storyIds: [],
      documentaryIds: [],
      version: 0,
    }
    return showNewCampaign(deps, request, reply, { values, problems: {}, introProblems: [] })
  })

  r.post(CAMPAIGNS_PATH, { config: editor, schema: { body: CampaignFormBody } }, async (request, reply) => {
    const checked = await readCampaignForm(deps.db, request.body)
    if ('problems' in checked)
      return showNewCampaign(deps, request, reply, { values: formValues(request.body), ...checked }, 400)
    const created = await createCampaign(deps, actorOf(request), checked.draft)
    return redirectDone(reply, created.id, 'created')
  })
}

/** A campaign's page and its save. */
function registerCampaignEditRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    `${CAMPAIGNS_PATH}/:id`,
    { config: editor, schema: { params: IdParams, querystring: PageQuery } },
    async (request, reply) => {
      const campaign = await findCampaign(deps, request.params.id)
      const { done, to } = request.query
      let message = done ? DONE_MESSAGES[done] : undefined
      if (done === 'tested' && to)
        message = `A test is on its way to ${(await listAccounts(deps.db)).find(a => a.id === to)?.email ?? 'the address you chose'}.`
      return showCampaign(deps, request, reply, campaign, { notice: message ? { kind: 'ok', message } : undefined })
    },
  )

  r.post(
    `${CAMPAIGNS_PATH}/:id`,
    { config: editor, schema: { params: IdParams, body: CampaignFormBody } },
    async (request, reply) => {
      const campaign = await findCampaign(deps, request.params.id)
      const checked = await readCampaignForm(deps.db, request.body)
      const typed = formValues(request.body)
      if ('problems' in checked)
        return showCampaign(deps, request, reply, campaign, { form: { values: typed, ...checked }, status: 400 })
      try {
        await saveCampaign(deps, actorOf(request), campaign.id, checked)
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error
        // Nothing was stored: the page comes back with what was typed and what happened.
        const now = await findCampaign(deps, campaign.id)
        return showCampaign(deps, request, reply, now, {
          form: { values: { ...typed, version: now.version }, problems: {}, introProblems: [] },
          notice: { kind: 'error', message: error.message },
          status: 409,
        })
      }
      return redirectDone(reply, campaign.id, 'saved')
    },
  )
}

/** The mail as readers get it, HTML and plain text, under the mail's own content policy. */
function registerCampaignPreviewRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const preview = async (id: number, reply: FastifyReply, part: 'html' | 'text') => {
    const mail = renderCampaignMail(await loadCampaignContent(deps.db, await findCampaign(deps, id), deps.publicUrl))
    const body = mail.personalise(genericLinks(deps.publicUrl))[part]
    return reply
      .header('content-security-policy', MAIL_CSP)
      .header('cache-control', 'no-store')
      .type(`text/${part === 'html' ? 'html' : 'plain'}; charset=utf-8`)
      .send(body)
  }
  r.get(`${CAMPAIGNS_PATH}/:id/preview`, { config: editor, schema: { params: IdParams } }, async (request, reply) =>
    preview(request.params.id, reply, 'html'),
  )
  r.get(
    `${CAMPAIGNS_PATH}/:id/preview/text`,
    { config: editor, schema: { params: IdParams } },
    async (request, reply) => preview(request.params.id, reply, 'text'),
  )
}
