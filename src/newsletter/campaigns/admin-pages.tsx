// What the campaign pages share: the route facts, and the two pages a refused post comes back
// to (a campaign's page and the new-campaign form), each gathered from the database and sent.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Db } from '../../db/index.js'
import { latestDocumentaries, findPublishedDocumentariesByIds } from '../../documentaries/index.js'
import { listAccounts, type FormProblems } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import { NotFound } from '../../platform/errors.js'
import { loadSettings } from '../../settings/index.js'
import { findPublishedStoriesByIds, latestStories } from '../../stories/index.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { countConfirmedSubscribers, listNewsletterLists } from '../lists.js'
import { deliveryFigures, listFailedDeliveries } from '../sending/figures.js'
import { valuesOf, type CampaignFormValues } from './form.js'
import { findCampaignById, type Campaign } from './store.js'
import { NewCampaignPage, type Choice } from './views/campaign-form.js'
import { CampaignPage, campaignPath, type CampaignPageProps } from './views/campaign-page.js'

export const CAMPAIGNS_PATH = '/newsroom/newsletter/campaigns'
export const editor = { auth: 'editor' as const }
export { IdParams } from '../../platform/http/integer-inputs.js'
export const ActionBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) })
/** What the page says after a post went through (`?done=`). */
export const DONE = [
  'created',
  'saved',
  'scheduled',
  'sending',
  'unscheduled',
  'cancelled',
  'reopened',
  'tested',
  'retried',
] as const
export type Done = (typeof DONE)[number]

/** Back to the campaign's page, saying what was done. */
export function redirectDone(reply: FastifyReply, id: number, done: Done, query = ''): FastifyReply {
  return reply.redirect(`${campaignPath(id)}?done=${done}${query}`, 303)
}

/** The campaign, or 404. */
export async function findCampaign(deps: { db: Db }, id: number): Promise<Campaign> {
  const campaign = await findCampaignById(deps.db, id)
  if (!campaign) throw new NotFound('campaign', id)
  return campaign
}

/** What the form shows instead of the stored campaign: what was typed in a refused post. */
export interface TypedForm {
  values: CampaignFormValues
  problems: FormProblems
  introProblems: readonly string[]
}

/** The published stories and documentaries the form offers: the latest, and any chosen older ones. */
async function loadChoices(
  db: Db,
  values: CampaignFormValues,
): Promise<{ stories: Choice[]; documentaries: Choice[] }> {
  const [stories, chosenStories, films, chosenFilms] = await Promise.all([
    latestStories(db, 100),
    findPublishedStoriesByIds(db, values.storyIds),
    latestDocumentaries(db, 100),
    findPublishedDocumentariesByIds(db, values.documentaryIds),
  ])
  const merge = (latest: Choice[], chosen: Iterable<Choice>) => [
    ...latest,
    ...[...chosen].filter(c => !latest.some(l => l.id === c.id)),
  ]
  const choice = (c: Choice): Choice => ({ id: c.id, title: c.title, publishedAt: c.publishedAt })
  return {
    stories: merge(stories.map(choice), [...chosenStories.values()].map(choice)),
    documentaries: merge(films.map(choice), [...chosenFilms.values()].map(choice)),
  }
}

/** A campaign's page: `form` overrides what the form shows (a refused save). */
export async function showCampaign(
  deps: NewsletterAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  campaign: Campaign,
  o: {
    form?: TypedForm | undefined
    notice?: CampaignPageProps['notice'] | undefined
    sendAt?: string | undefined
    status?: number | undefined
  } = {},
): Promise<FastifyReply> {
  const staff = request.staff
  const values = o.form?.values ?? valuesOf(campaign)
  const started = campaign.status === 'sending' || campaign.status === 'sent'
  const [lists, settings, confirmed, choices, accounts, figures, failures] = await Promise.all([
    listNewsletterLists(deps.db),
    loadSettings(deps.db),
    countConfirmedSubscribers(deps.db, campaign.listId),
    loadChoices(deps.db, values),
    listAccounts(deps.db),
    started ? deliveryFigures(deps.db, campaign.id) : undefined,
    started ? listFailedDeliveries(deps.db, campaign.id, 50) : [],
  ])
  const recipients = [staff.account, ...accounts.filter(a => a.active && a.id !== staff.account.id)].map(a => ({
    id: a.id,
    name: a.name,
    email: a.email,
  }))
  const readOnly = campaign.status !== 'draft' && campaign.status !== 'scheduled'
  const form = {
    action: campaignPath(campaign.id),
    values,
    lists,
    ...choices,
    problems: o.form?.problems ?? {},
    introProblems: o.form?.introProblems ?? [],
    csrf: staff.session.csrfToken,
    readOnly: readOnly && !o.form,
    timeZone: settings.timeZone,
  }
  return sendNewsroomPage(deps, request, reply, {
    title: campaign.subject || 'Untitled campaign',
    path: CAMPAIGNS_PATH,
    staff,
    status: o.status,
    scripts: deps.editorScripts,
    stylesheets: deps.editorStylesheets,
    children: (
      <CampaignPage
        campaign={campaign}
        listName={lists.find(l => l.id === campaign.listId)?.name ?? 'Unknown newsletter'}
        confirmed={confirmed}
        figures={figures}
        failures={failures}
        csrf={staff.session.csrfToken}
        timeZone={settings.timeZone}
        recipients={recipients}
        notice={o.notice}
        sendAt={o.sendAt}
        form={form}
      />
    ),
  })
}

/** The form for a campaign not saved yet, empty or with what was typed. */
export async function showNewCampaign(
  deps: NewsletterAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: TypedForm,
  status?: number,
): Promise<FastifyReply> {
  const staff = request.staff
  const [lists, settings, choices] = await Promise.all([
    listNewsletterLists(deps.db),
    loadSettings(deps.db),
    loadChoices(deps.db, form.values),
  ])
  return sendNewsroomPage(deps, request, reply, {
    title: 'New campaign',
    path: CAMPAIGNS_PATH,
    staff,
    status,
    scripts: deps.editorScripts,
    stylesheets: deps.editorStylesheets,
    children: (
      <NewCampaignPage
        action={CAMPAIGNS_PATH}
        {...form}
        lists={lists}
        {...choices}
        csrf={staff.session.csrfToken}
        readOnly={false}
        timeZone={settings.timeZone}
      />
    ),
  })
}
