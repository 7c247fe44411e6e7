// The newsroom's campaign pages (editors and admins): the list, the form, the preview exactly as
// mailed, a test send to a staff address, scheduling, send now (after a confirmation step),
// unscheduling and cancelling, and the figures of a send. Status changes go through
// moveCampaign's guard, so a double-submitted "send now" queues one send.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../../db/index.js'
import { latestDocumentaries, findPublishedDocumentariesByIds } from '../../documentaries/index.js'
import { hitRateLimit, insertAudit, listAccounts, type Staff } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import { DomainError, NotFound } from '../../platform/errors.js'
import { cancelJob } from '../../platform/jobs/index.js'
import { MailDeliveryError } from '../../platform/mail/index.js'
import { nowIso } from '../../platform/time.js'
import { loadSettings } from '../../settings/index.js'
import { findPublishedStoriesByIds, latestStories } from '../../stories/index.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { countConfirmedSubscribers, findListById, listNewsletterLists } from '../lists.js'
import { deliveryFigures, deliveryFiguresOf, listFailedDeliveries } from '../sending/outbox.js'
import { retryCampaign } from '../sending/retry.js'
import { queueCampaignSend, sendJobKey } from '../sending/send-job.js'
import { campaignStories, loadCampaignContent } from './content.js'
import { CampaignFormBody, formValues, introHasContent, readCampaignForm, readSendTime, sendProblems, valuesOf, type CampaignFormValues } from './form.js'
import { genericLinks, renderCampaignMail } from './mail.js'
import { findCampaignById, insertCampaign, listCampaigns, moveCampaign, updateCampaignDraft, type Campaign } from './store.js'
import { CampaignForm, type Choice } from './views/campaign-form.js'
import { CampaignList } from './views/campaign-list.js'
import { CampaignPage, campaignPath, type CampaignPageProps } from './views/campaign-page.js'
import { SendConfirm } from './views/send-confirm.js'
import type { FormProblems } from '../../newsroom/index.js'

const BASE = '/newsroom/newsletter/campaigns'
const editor = { auth: 'editor' as const }
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const DONE = ['created', 'saved', 'scheduled', 'sending', 'unscheduled', 'cancelled', 'reopened', 'tested', 'retried'] as const
const PageQuery = Type.Object({
  done: Type.Optional(Type.Union(DONE.map((d) => Type.Literal(d)))),
  to: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
})
const ActionBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) })
const PAGE_SIZE = 25
/** Tests a staff member may send in an hour: enough to check a layout, too few to spam with. */
const TESTS_PER_HOUR = 30
// The preview is mail HTML: inline styles and remote images, and nothing that runs.
const MAIL_CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox"

const DONE_MESSAGES: Record<(typeof DONE)[number], string> = {
  created: 'The campaign is created. Preview it below, send yourself a test, then schedule it or send it now.',
  saved: 'Saved. The preview below shows the change.',
  scheduled: 'Scheduled. It goes out at the time shown; until then you can still change it.',
  sending: 'Sending has started. Reload this page to follow the figures.',
  unscheduled: 'Unscheduled: the campaign is a draft again and will not go out.',
  cancelled: 'The campaign is cancelled and will not go out.',
  reopened: 'The campaign is a draft again.',
  tested: 'The test is on its way.',
  retried: 'Sending again: the failed deliveries are queued and a paused send goes on now. Sent and unknown ones are never sent twice. Reload this page to follow the figures.',
}

/** Why a campaign in this status cannot be changed or sent, in words. */
function statusConflict(campaign: Pick<Campaign, 'status'>): DomainError {
  const why = campaign.status === 'sending' ? 'is going out now' : campaign.status === 'sent' ? 'has been sent' : campaign.status === 'cancelled' ? 'was cancelled (reopen it as a draft first)' : `is ${campaign.status}`
  return new DomainError('conflict', `This campaign ${why}, so it cannot be changed or sent again. Reload its page to see where it stands.`)
}

/** The published stories and documentaries the form offers: the latest, and any chosen older ones. */
async function loadChoices(db: Db, values: CampaignFormValues): Promise<{ stories: Choice[]; documentaries: Choice[] }> {
  const [stories, chosenStories, films, chosenFilms] = await Promise.all([
    latestStories(db, 100), findPublishedStoriesByIds(db, values.storyIds),
    latestDocumentaries(db, 100), findPublishedDocumentariesByIds(db, values.documentaryIds),
  ])
  const merge = (latest: Choice[], chosen: Iterable<Choice>) => [...latest, ...[...chosen].filter((c) => !latest.some((l) => l.id === c.id))]
  const choice = (c: Choice): Choice => ({ id: c.id, title: c.title, publishedAt: c.publishedAt })
  return { stories: merge(stories.map(choice), [...chosenStories.values()].map(choice)), documentaries: merge(films.map(choice), [...chosenFilms.values()].map(choice)) }
}

/** Why a send now or a schedule would go out empty; a digest is checked against this week's stories. */
async function readinessProblems(db: Db, campaign: Campaign, now: boolean): Promise<string[]> {
  const problems = sendProblems(campaign)
  const onlyTheWeek = campaign.template === 'digest' && campaign.storyIds.length === 0 && campaign.documentaryIds.length === 0 && !introHasContent(campaign.intro)
  if (now && problems.length === 0 && onlyTheWeek && (await campaignStories(db, campaign)).length === 0) {
    problems.push('The weekly digest has no stories from the last seven days to show, and nothing else is in it. Write an intro or choose stories.')
  }
  return problems
}

/** Registers the campaign pages under /newsroom/newsletter/campaigns. */
export function registerCampaignAdminRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  async function find(id: number): Promise<Campaign> {
    const campaign = await findCampaignById(deps.db, id)
    if (!campaign) throw new NotFound('campaign', id)
    return campaign
  }

  /** A campaign's page: `form` overrides what the form shows (a refused save). */
  async function showCampaign(request: FastifyRequest, reply: FastifyReply, staff: Staff, campaign: Campaign, o: {
    form?: { values: CampaignFormValues; problems: FormProblems; introProblems: string[] }; notice?: CampaignPageProps['notice']; sendAt?: string; status?: number
  } = {}) {
    const values = o.form?.values ?? valuesOf(campaign)
    const started = campaign.status === 'sending' || campaign.status === 'sent'
    const [lists, settings, confirmed, choices, accounts, figures, failures] = await Promise.all([
      listNewsletterLists(deps.db), loadSettings(deps.db), countConfirmedSubscribers(deps.db, campaign.listId), loadChoices(deps.db, values), listAccounts(deps.db),
      started ? deliveryFigures(deps.db, campaign.id) : undefined, started ? listFailedDeliveries(deps.db, campaign.id, 50) : [],
    ])
    const recipients = [staff.account, ...accounts.filter((a) => a.active && a.id !== staff.account.id)].map((a) => ({ id: a.id, name: a.name, email: a.email }))
    const readOnly = campaign.status !== 'draft' && campaign.status !== 'scheduled'
    return sendNewsroomPage(deps, request, reply, {
      title: campaign.subject || 'Untitled campaign', path: BASE, staff, status: o.status, scripts: deps.editorScripts, stylesheets: deps.editorStylesheets,
      children: (
        <CampaignPage campaign={campaign} listName={lists.find((l) => l.id === campaign.listId)?.name ?? 'Unknown newsletter'} confirmed={confirmed}
          figures={figures} failures={failures} csrf={staff.session.csrfToken} timeZone={settings.timeZone} recipients={recipients} notice={o.notice} sendAt={o.sendAt}>
          <CampaignForm action={campaignPath(campaign.id)} values={values} lists={lists} {...choices} problems={o.form?.problems ?? {}}
            introProblems={o.form?.introProblems ?? []} csrf={staff.session.csrfToken} readOnly={readOnly && !o.form} timeZone={settings.timeZone} />
        </CampaignPage>
      ),
    })
  }

  async function showNewForm(request: FastifyRequest, reply: FastifyReply, staff: Staff, form: { values: CampaignFormValues; problems: FormProblems; introProblems: string[] }, status?: number) {
    const [lists, settings, choices] = await Promise.all([listNewsletterLists(deps.db), loadSettings(deps.db), loadChoices(deps.db, form.values)])
    return sendNewsroomPage(deps, request, reply, {
      title: 'New campaign', path: BASE, staff, status, scripts: deps.editorScripts, stylesheets: deps.editorStylesheets,
      children: (
        <>
          <p><a href={BASE}>All campaigns</a></p>
          <CampaignForm action={BASE} {...form} lists={lists} {...choices} csrf={staff.session.csrfToken} readOnly={false} timeZone={settings.timeZone} />
        </>
      ),
    })
  }

  r.get(BASE, { config: editor, schema: { querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }) } }, async (request, reply) => {
    const staff = request.staff
    const page = request.query.page ?? 1
    const [found, lists, settings] = await Promise.all([
      listCampaigns(deps.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }), listNewsletterLists(deps.db), loadSettings(deps.db),
    ])
    const campaigns = found.slice(0, PAGE_SIZE)
    const figures = await deliveryFiguresOf(deps.db, campaigns.map((c) => c.id))
    const rows = campaigns.map((campaign) => ({ campaign, listName: lists.find((l) => l.id === campaign.listId)?.name ?? 'Unknown newsletter', figures: figures.get(campaign.id)! }))
    return sendNewsroomPage(deps, request, reply, {
      title: 'Newsletter campaigns', path: BASE, staff,
      children: (
        <>
          <p class="nr-actions"><a class="nr-button" href={`${BASE}/new`}>New campaign</a></p>
          <CampaignList rows={rows} page={page} hasOlder={found.length > PAGE_SIZE} timeZone={settings.timeZone} />
        </>
      ),
    })
  })

  r.get(`${BASE}/new`, { config: editor }, async (request, reply) => {
    const staff = request.staff
    const lists = await listNewsletterLists(deps.db)
    const values: CampaignFormValues = { listId: lists[0]?.id ?? null, subject: '', preheader: '', template: 'standard', introJson: JSON.stringify({ type: 'doc', content: [] }), storyIds: [], documentaryIds: [], version: 0 }
    return showNewForm(request, reply, staff, { values, problems: {}, introProblems: [] })
  })

  r.post(BASE, { config: editor, schema: { body: CampaignFormBody } }, async (request, reply) => {
    const staff = request.staff
    const checked = await readCampaignForm(deps.db, request.body)
    if ('problems' in checked) return showNewForm(request, reply, staff, { values: formValues(request.body), ...checked }, 400)
    const created = await deps.db.transaction().execute(async (trx) => {
      const campaign = await insertCampaign(trx, checked.draft, staff.account.id)
      await insertAudit(trx, { accountId: staff.account.id, action: 'campaign-created', subject: `newsletter-campaign:${campaign.id}`, detail: { subject: campaign.subject }, ip: request.ip })
      return campaign
    })
    return reply.redirect(`${campaignPath(created.id)}?done=created`, 303)
  })

  r.get(`${BASE}/:id`, { config: editor, schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const staff = request.staff
    const campaign = await find(request.params.id)
    const { done, to } = request.query
    let message = done ? DONE_MESSAGES[done] : undefined
    if (done === 'tested' && to) message = `A test is on its way to ${(await listAccounts(deps.db)).find((a) => a.id === to)?.email ?? 'the address you chose'}.`
    return showCampaign(request, reply, staff, campaign, { notice: message ? { kind: 'ok', message } : undefined })
  })

  r.post(`${BASE}/:id`, { config: editor, schema: { params: IdParams, body: CampaignFormBody } }, async (request, reply) => {
    const staff = request.staff
    const campaign = await find(request.params.id)
    const checked = await readCampaignForm(deps.db, request.body)
    const typed = formValues(request.body)
    if ('problems' in checked) return showCampaign(request, reply, staff, campaign, { form: { values: typed, ...checked }, status: 400 })
    const saved = await deps.db.transaction().execute(async (trx) => {
      const result = await updateCampaignDraft(trx, campaign.id, checked.version, checked.draft)
      if (result) await insertAudit(trx, { accountId: staff.account.id, action: 'campaign-updated', subject: `newsletter-campaign:${campaign.id}`, detail: { version: result.version }, ip: request.ip })
      return result
    })
    if (saved) return reply.redirect(`${campaignPath(campaign.id)}?done=saved`, 303)
    // Nothing was stored: the page comes back with what was typed and what happened.
    const now = await find(campaign.id)
    const stale = now.status === 'draft' || now.status === 'scheduled'
    const message = stale
      ? 'Someone else saved this campaign after you opened it, so your changes were not saved. What you typed is below; saving again replaces their version with yours.'
      : statusConflict(now).message
    return showCampaign(request, reply, staff, now, { form: { values: { ...typed, version: now.version }, problems: {}, introProblems: [] }, notice: { kind: 'error', message }, status: 409 })
  })

  const sendPreview = (reply: FastifyReply, body: string, type: string) =>
    reply.header('content-security-policy', MAIL_CSP).header('cache-control', 'no-store').type(type).send(body)

  r.get(`${BASE}/:id/preview`, { config: editor, schema: { params: IdParams } }, async (request, reply) => {
    const campaign = await find(request.params.id)
    const mail = renderCampaignMail(await loadCampaignContent(deps.db, campaign, deps.publicUrl))
    return sendPreview(reply, mail.personalise(genericLinks(deps.publicUrl)).html, 'text/html; charset=utf-8')
  })

  r.get(`${BASE}/:id/preview/text`, { config: editor, schema: { params: IdParams } }, async (request, reply) => {
    const campaign = await find(request.params.id)
    const mail = renderCampaignMail(await loadCampaignContent(deps.db, campaign, deps.publicUrl))
    return sendPreview(reply, mail.personalise(genericLinks(deps.publicUrl)).text, 'text/plain; charset=utf-8')
  })

  r.post(`${BASE}/:id/test`, {
    config: editor, schema: { params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), to: Type.Optional(Type.String({ maxLength: 12 })) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const campaign = await find(request.params.id)
    // Only to a staff account's own address, chosen from the list; never an address typed in.
    const wanted = request.body.to === undefined || request.body.to === '' ? staff.account.id : Number(request.body.to)
    const to = wanted === staff.account.id ? staff.account : (await listAccounts(deps.db)).find((a) => a.id === wanted && a.active)
    if (!to) throw new DomainError('invalid_input', 'Choose a staff account from the list to send the test to.')
    if ((await hitRateLimit(deps.db, `newsletter-test:${staff.account.id}`, 3_600_000)) > TESTS_PER_HOUR) {
      throw new DomainError('rate_limited', `You have sent ${TESTS_PER_HOUR} tests in the last hour. Wait a little before sending another.`)
    }
    const mail = renderCampaignMail(await loadCampaignContent(deps.db, campaign, deps.publicUrl))
    const { html, text } = mail.personalise(genericLinks(deps.publicUrl))
    try {
      await deps.mailer.send({ to: to.email, subject: `[Test] ${mail.subject}`, html, text })
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error
      return showCampaign(request, reply, staff, campaign, { notice: { kind: 'error', message: `The mail server did not take the test: ${error.message}` }, status: 502 })
    }
    await insertAudit(deps.db, { accountId: staff.account.id, action: 'campaign-test-sent', subject: `newsletter-campaign:${campaign.id}`, detail: { to: to.email }, ip: request.ip })
    return reply.redirect(`${campaignPath(campaign.id)}?done=tested&to=${to.id}`, 303)
  })

  /** Moves the campaign to scheduled at `at` and queues its send, together; 409 when it moved meanwhile. */
  async function schedule(staff: Staff, request: FastifyRequest, campaign: Campaign, at: string, action: string): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await moveCampaign(trx, campaign.id, [campaign.status], 'scheduled', { scheduledFor: at }))) throw statusConflict((await findCampaignById(trx, campaign.id)) ?? campaign)
      await queueCampaignSend(trx, campaign.id, at)
      await insertAudit(trx, { accountId: staff.account.id, action, subject: `newsletter-campaign:${campaign.id}`, detail: { at }, ip: request.ip })
    })
    deps.wakeJobs()
  }

  r.post(`${BASE}/:id/schedule`, {
    config: editor, schema: { params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), sendAt: Type.Optional(Type.String({ maxLength: 40 })) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const campaign = await find(request.params.id)
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled') throw statusConflict(campaign)
    const { timeZone } = await loadSettings(deps.db)
    const time = readSendTime(request.body.sendAt, timeZone)
    const problems = 'problem' in time ? [time.problem] : await readinessProblems(deps.db, campaign, false)
    if (problems.length || !('at' in time)) {
      return showCampaign(request, reply, staff, campaign, { notice: { kind: 'error', message: 'The campaign was not scheduled:', details: problems }, sendAt: request.body.sendAt, status: 400 })
    }
    await schedule(staff, request, campaign, time.at, 'campaign-scheduled')
    return reply.redirect(`${campaignPath(campaign.id)}?done=scheduled`, 303)
  })

  /** The campaign, if it may be sent now; a scheduled one already due is on its way (a second click). */
  async function sendable(id: number): Promise<Campaign> {
    const campaign = await find(id)
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled') throw statusConflict(campaign)
    if (campaign.status === 'scheduled' && campaign.scheduledFor && Date.parse(campaign.scheduledFor) <= Date.now()) {
      throw new DomainError('conflict', 'This campaign is already on its way; it was not sent a second time. Reload its page to follow the figures.')
    }
    return campaign
  }

  r.get(`${BASE}/:id/send`, { config: editor, schema: { params: IdParams } }, async (request, reply) => {
    const staff = request.staff
    const campaign = await sendable(request.params.id)
    const [list, confirmed, problems] = await Promise.all([findListById(deps.db, campaign.listId), countConfirmedSubscribers(deps.db, campaign.listId), readinessProblems(deps.db, campaign, true)])
    return sendNewsroomPage(deps, request, reply, {
      title: `Send “${campaign.subject || 'Untitled campaign'}” now?`, path: BASE, staff,
      children: <SendConfirm campaign={campaign} listName={list?.name ?? 'Unknown newsletter'} confirmed={confirmed} problems={problems} csrf={staff.session.csrfToken} />,
    })
  })

  r.post(`${BASE}/:id/send`, {
    config: editor, schema: { params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), confirm: Type.Optional(Type.String({ maxLength: 10 })) }) },
  }, async (request, reply) => {
    const staff = request.staff
    const campaign = await sendable(request.params.id)
    if (request.body.confirm !== 'yes') throw new DomainError('invalid_input', 'Confirm the send on its confirmation page first.')
    const problems = await readinessProblems(deps.db, campaign, true)
    if (problems.length) throw new DomainError('invalid_input', 'This campaign cannot be sent yet:', problems)
    await schedule(staff, request, campaign, nowIso(), 'campaign-sent')
    return reply.redirect(`${campaignPath(campaign.id)}?done=sending`, 303)
  })

  /** A status change that also takes the queued send away (unschedule, cancel) or not (reopen). */
  const move = (path: string, from: Campaign['status'][], to: Campaign['status'], done: (typeof DONE)[number]) =>
    r.post(`${BASE}/:id/${path}`, { config: editor, schema: { params: IdParams, body: ActionBody } }, async (request, reply) => {
      const staff = request.staff
      const campaign = await find(request.params.id)
      await deps.db.transaction().execute(async (trx) => {
        if (!(await moveCampaign(trx, campaign.id, from, to, { scheduledFor: null }))) throw statusConflict((await findCampaignById(trx, campaign.id)) ?? campaign)
        await cancelJob(trx, sendJobKey(campaign.id))
        await insertAudit(trx, { accountId: staff.account.id, action: `campaign-${done}`, subject: `newsletter-campaign:${campaign.id}`, ip: request.ip })
      })
      return reply.redirect(`${campaignPath(campaign.id)}?done=${done}`, 303)
    })
  // Failed deliveries queued again and a paused or stopped send resumed now (sending/retry.ts).
  r.post(`${BASE}/:id/retry`, { config: editor, schema: { params: IdParams, body: ActionBody } }, async (request, reply) => {
    const staff = request.staff
    await retryCampaign(deps.db, { campaignId: request.params.id, accountId: staff.account.id, ip: request.ip })
    deps.wakeJobs()
    return reply.redirect(`${campaignPath(request.params.id)}?done=retried`, 303)
  })

  move('unschedule', ['scheduled'], 'draft', 'unscheduled')
  move('cancel', ['draft', 'scheduled'], 'cancelled', 'cancelled')
  move('reopen', ['cancelled'], 'draft', 'reopened')
}
