// What an editor does to a campaign, one function each: create, save, schedule, send now,
// unschedule, cancel, reopen, retry its failed deliveries, send a test. Each runs one
// transaction through runAction (the write, its audit entry, its send job); the job runner is
// woken after the commit. Which move is allowed from which status is said once, in
// `moveProblem` (moves.ts); every move is also guarded in SQL (moveCampaign's `from`), so a
// double-submitted "send now" queues one send. No cache tags: nothing public shows a campaign
// before the send job starts it.
import type { Db } from '../../db/index.js'
import {
  hitRateLimit,
  listAccounts,
  runAction,
  type ActionDeps,
  type Actor,
  type AuditNote,
} from '../../newsroom/index.js'
import { DomainError, InvalidInput, NotFound } from '../../platform/errors.js'
import { cancelJob } from '../../platform/jobs/index.js'
import type { Mailer } from '../../platform/mail/index.js'
import { nowIso } from '../../platform/time.js'
import { requeueFailed } from '../sending/outbox.js'
import { queueCampaignSend, sendJobKey } from '../sending/send-job.js'
import { loadCampaignContent } from './content.js'
import { readinessProblems, readSendTime } from './form.js'
import { genericLinks, renderCampaignMail } from './mail.js'
import { moveProblem, RELOAD, type CampaignMove } from './moves.js'
import {
  clearPause,
  findCampaignById,
  insertCampaign,
  moveCampaign,
  reopenSend,
  updateCampaignDraft,
  type Campaign,
  type CampaignDraft,
} from './store.js'

/** What campaign actions need: the database, content events, and the job runner's wake-up. */
export interface CampaignActionDeps extends ActionDeps {
  wakeJobs: () => void
}

const subjectOf = (id: number) => `newsletter-campaign:${id}`

async function findOrThrow(db: Db, id: number): Promise<Campaign> {
  const campaign = await findCampaignById(db, id)
  if (!campaign) throw new NotFound('campaign', id)
  return campaign
}

/** The refusal of a guarded move that found the campaign moved meanwhile. */
async function movedMeanwhile(db: Db, campaign: Campaign, move: CampaignMove): Promise<DomainError> {
  const now = (await findCampaignById(db, campaign.id)) ?? campaign
  return (
    moveProblem(now, move) ??
    new DomainError(
      'conflict',
      `Someone else changed this campaign while you were acting on it, so nothing was done. ${RELOAD}`,
    )
  )
}

/** Creates a draft campaign. */
export async function createCampaign(deps: ActionDeps, actor: Actor, draft: CampaignDraft): Promise<Campaign> {
  return runAction(deps, actor, async (trx, audit) => {
    const campaign = await insertCampaign(trx, draft, actor.accountId)
    await audit({ action: 'campaign-created', subject: subjectOf(campaign.id), detail: { subject: campaign.subject } })
    return { result: campaign, tags: [] }
  })
}

/** Saves a draft or scheduled campaign's content opened at `version`; a conflict when someone saved in between or it went out. */
export async function saveCampaign(
  deps: ActionDeps,
  actor: Actor,
  id: number,
  edit: { version: number; draft: CampaignDraft },
): Promise<Campaign> {
  return runAction(deps, actor, async (trx, audit) => {
    const saved = await updateCampaignDraft(trx, id, edit.version, edit.draft)
    if (!saved) {
      const now = await findOrThrow(trx, id)
      throw (
        moveProblem(now, 'save') ??
        new DomainError(
          'conflict',
          'Someone else saved this campaign after you opened it, so your changes were not saved. What you typed is below; saving again replaces their version with yours.',
        )
      )
    }
    await audit({ action: 'campaign-updated', subject: subjectOf(id), detail: { version: saved.version } })
    return { result: saved, tags: [] }
  })
}

/** Moves the campaign to scheduled at `at` and arms its send job, in the action's transaction. */
async function scheduleIn(
  trx: Db,
  audit: (note: AuditNote) => Promise<void>,
  campaign: Campaign,
  move: 'schedule' | 'send',
  at: string,
): Promise<void> {
  if (!(await moveCampaign(trx, campaign.id, [campaign.status], 'scheduled', { scheduledFor: at })))
    throw await movedMeanwhile(trx, campaign, move)
  await queueCampaignSend(trx, campaign.id, at)
  await audit({
    action: move === 'send' ? 'campaign-sent' : 'campaign-scheduled',
    subject: subjectOf(campaign.id),
    detail: { at },
  })
}

/**
 * Schedules the campaign's send at `sendAt` (a datetime-local value in `timeZone`); invalid
 * input, each problem a detail, when the time is not a coming one or the campaign would go out empty.
 */
export async function scheduleCampaign(
  deps: CampaignActionDeps,
  actor: Actor,
  id: number,
  when: { sendAt: string | undefined; timeZone: string },
): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const campaign = await findOrThrow(trx, id)
    const problem = moveProblem(campaign, 'schedule')
    if (problem) throw problem
    const time = readSendTime(when.sendAt, when.timeZone)
    const problems = 'problem' in time ? [time.problem] : await readinessProblems(trx, campaign, false)
    if (problems.length || !('at' in time)) throw new InvalidInput('The campaign was not scheduled:', problems)
    await scheduleIn(trx, audit, campaign, 'schedule', time.at)
    return { result: undefined, tags: [] }
  })
  deps.wakeJobs()
}

/** Sends the campaign now: scheduled for this instant, its send job woken. */
export async function sendCampaignNow(deps: CampaignActionDeps, actor: Actor, id: number): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const campaign = await findOrThrow(trx, id)
    const problem = moveProblem(campaign, 'send')
    if (problem) throw problem
    const problems = await readinessProblems(trx, campaign, true)
    if (problems.length) throw new InvalidInput('This campaign cannot be sent yet:', problems)
    await scheduleIn(trx, audit, campaign, 'send', nowIso())
    return { result: undefined, tags: [] }
  })
  deps.wakeJobs()
}

/** The status each backward move leads to, and the word its audit entry ends in. */
const BACK = {
  unschedule: { to: 'draft', done: 'unscheduled' },
  cancel: { to: 'cancelled', done: 'cancelled' },
  reopen: { to: 'draft', done: 'reopened' },
} as const

/** A move that takes the queued send away with the schedule (unschedule, cancel, reopen). */
async function moveBack(deps: ActionDeps, actor: Actor, id: number, move: keyof typeof BACK): Promise<void> {
  await runAction(deps, actor, async (trx, audit) => {
    const campaign = await findOrThrow(trx, id)
    const problem = moveProblem(campaign, move)
    if (problem) throw problem
    if (!(await moveCampaign(trx, id, [campaign.status], BACK[move].to, { scheduledFor: null })))
      throw await movedMeanwhile(trx, campaign, move)
    await cancelJob(trx, sendJobKey(id))
    await audit({ action: `campaign-${BACK[move].done}`, subject: subjectOf(id) })
    return { result: undefined, tags: [] }
  })
}

/** Takes a scheduled campaign back to a draft; its send job goes. */
export const unscheduleCampaign = (deps: ActionDeps, actor: Actor, id: number) =>
  moveBack(deps, actor, id, 'unschedule')
/** Cancels a draft or scheduled campaign; it will not go out. */
export const cancelCampaign = (deps: ActionDeps, actor: Actor, id: number) => moveBack(deps, actor, id, 'cancel')
/** Makes a cancelled campaign a draft again. */
export const reopenCampaign = (deps: ActionDeps, actor: Actor, id: number) => moveBack(deps, actor, id, 'reopen')

/** What a retry did. */
export interface RetryResult {
  /** Failed deliveries queued again. */
  requeued: number
  /** The send was paused or had stopped trying, and goes on now. */
  resumed: boolean
}

/**
 * Retries a campaign that has gone out: its failed deliveries queued again (never a sent or
 * unknown one, which may have arrived), and a paused or stopped send resumed now.
 */
export async function retryCampaign(deps: CampaignActionDeps, actor: Actor, id: number): Promise<RetryResult> {
  const result = await runAction(deps, actor, async (trx, audit) => {
    const campaign = await findOrThrow(trx, id)
    const problem = moveProblem(campaign, 'retry')
    if (problem) throw problem
    const requeued = await requeueFailed(trx, campaign.id)
    const resumed = campaign.pause !== null
    if (requeued === 0 && !resumed) {
      throw new DomainError(
        'conflict',
        `Nothing to retry: no delivery of this campaign failed, and its send is not paused. ${RELOAD}`,
      )
    }
    await clearPause(trx, campaign.id)
    if (requeued > 0) await reopenSend(trx, campaign.id)
    await queueCampaignSend(trx, campaign.id)
    await audit({ action: 'campaign-retried', subject: subjectOf(campaign.id), detail: { requeued, resumed } })
    return { result: { requeued, resumed }, tags: [] }
  })
  deps.wakeJobs()
  return result
}

/** Tests a staff member may send in an hour: enough to check a layout, too few to spam with. */
export const TESTS_PER_HOUR = 30

/** What a test send needs besides the database. */
export interface TestSendDeps extends ActionDeps {
  mailer: Mailer
  publicUrl: string
}

/**
 * Mails the campaign's preview, subject "[Test] …", to a staff account's own address (never one
 * typed in); answers the account it went to. A mail server's refusal is a MailDeliveryError, and
 * nothing is audited.
 */
export async function sendCampaignTest(
  deps: TestSendDeps,
  actor: Actor,
  id: number,
  toAccountId: number,
): Promise<{ id: number; email: string }> {
  const campaign = await findOrThrow(deps.db, id)
  const to = (await listAccounts(deps.db)).find(a => a.id === toAccountId && (a.active || a.id === actor.accountId))
  if (!to) throw new InvalidInput('Choose a staff account from the list to send the test to.')
  if ((await hitRateLimit(deps.db, `newsletter-test:${actor.accountId}`, 3_600_000)) > TESTS_PER_HOUR) {
    throw new DomainError(
      'rate_limited',
      `You have sent ${TESTS_PER_HOUR} tests in the last hour. Wait a little before sending another.`,
    )
  }
  const mail = renderCampaignMail(await loadCampaignContent(deps.db, campaign, deps.publicUrl))
  const { html, text } = mail.personalise(genericLinks(deps.publicUrl))
  await deps.mailer.send({ to: to.email, subject: `[Test] ${mail.subject}`, html, text })
  await runAction(deps, actor, async (_trx, audit) => {
    await audit({ action: 'campaign-test-sent', subject: subjectOf(campaign.id), detail: { to: to.email } })
    return { result: undefined, tags: [] }
  })
  return { id: to.id, email: to.email }
}
