// The `newsletter-send` job: starts a campaign's send (its outbox rows, in one transaction with
// the status change) and hands the rows to SMTP, one message in flight per connection. Killed at
// any point, the job runs again after its lease runs out and carries on where the rows say.
// When the relay itself fails, the run stops claiming, puts the untried rows back and pauses the
// campaign; the job comes back at the next try (relay-pause.ts).
import { randomBytes } from 'node:crypto'
import type { Db, Dialect } from '../../db/index.js'
import { DomainError } from '../../platform/errors.js'
import { backoffMs, enqueueJob, type JobContext, type JobHandler, type JobLog } from '../../platform/jobs/index.js'
import { MailDeliveryError, type Mailer } from '../../platform/mail/index.js'
import { nowIso } from '../../platform/time.js'
import { loadCampaignContent } from '../campaigns/content.js'
import { renderCampaignMail, type CampaignMail } from '../campaigns/mail.js'
import {
  clearPause,
  finishCampaign,
  findCampaignById,
  moveCampaign,
  savePause,
  type Campaign,
} from '../campaigns/store.js'
import { findListById } from '../lists.js'
import { preferencesUrl, unsubscribeUrl, type LinkKeys } from '../links.js'
import {
  claimDeliveries,
  confirmSent,
  createDeliveries,
  nextQueuedAt,
  recordAbandoned,
  recordFailure,
  type ClaimedDelivery,
  type Failure,
} from './outbox.js'
import { DEFAULT_RELAY_PATIENCE_MS, nextPause } from './relay-pause.js'
import { createThrottle } from './throttle.js'

/** The job kind that sends a campaign; payload `{ campaignId }`. */
export const SEND_CAMPAIGN_JOB = 'newsletter-send'

/** What sending needs from the app. */
export interface SenderDeps extends LinkKeys {
  db: Db
  dialect: Dialect
  /** A mailer of its own, with `window` pooled connections. */
  mailer: Mailer
  /** The domain of Message-IDs (the From address's). */
  messageIdDomain: string
  /** Messages in flight at once: one per SMTP connection, so at most this many can end up unknown. */
  window: number
  /** The most messages a second; 0 for no limit. */
  maxPerSecond: number
  /** How long a send keeps trying a relay that is down before it stops and waits for an editor (default an hour). */
  relayPatienceMs?: number
  log?: JobLog
}

/** The one job per campaign; re-arming it (schedule, retry) never makes a second. */
export function sendJobKey(campaignId: number): string {
  return `newsletter-send:${campaignId}`
}

/** Queues the send of a campaign at `runAt` (now by default). Pass the transaction that scheduled it. */
export async function queueCampaignSend(db: Db, campaignId: number, runAt?: string): Promise<void> {
  await enqueueJob(db, {
    kind: SEND_CAMPAIGN_JOB,
    payload: { campaignId },
    runAt,
    uniqueKey: sendJobKey(campaignId),
    maxAttempts: 25,
  })
}

export function createSendHandler(deps: SenderDeps): JobHandler {
  return async (payload, ctx) => {
    const campaignId = (payload as { campaignId?: unknown } | null)?.campaignId
    if (typeof campaignId !== 'number' || !Number.isInteger(campaignId)) return
    const campaign = await startCampaign(deps, campaignId)
    if (campaign) await sendCampaign(deps, campaign, ctx)
  }
}

/**
 * Moves a scheduled campaign to sending and makes its outbox rows, together; answers the
 * campaign when it is sending (also when an earlier run started it), else undefined.
 */
async function startCampaign(deps: SenderDeps, campaignId: number): Promise<Campaign | undefined> {
  const campaign = await findCampaignById(deps.db, campaignId)
  if (!campaign) return undefined
  if (campaign.status === 'scheduled') {
    const started = await deps.db.transaction().execute(async trx => {
      if (!(await moveCampaign(trx, campaign.id, ['scheduled'], 'sending', { startedAt: nowIso() }))) return false
      const count = await createDeliveries(trx, deps.dialect, campaign, deps.messageIdDomain)
      deps.log?.info({ campaignId, deliveries: count }, 'newsletter send started')
      return true
    })
    if (!started) return startCampaign(deps, campaignId)
    return { ...campaign, status: 'sending' }
  }
  // A draft (unscheduled after this job was queued), a cancelled or a finished campaign: nothing to do.
  return campaign.status === 'sending' ? campaign : undefined
}

async function sendCampaign(deps: SenderDeps, campaign: Campaign, ctx: JobContext): Promise<void> {
  // Stopped after the relay stayed down past the patience: only an editor's retry resumes it.
  if (campaign.pause && !campaign.pause.nextTryAt) return
  const runId = `${ctx.jobId}.${ctx.attempt}.${randomBytes(4).toString('hex')}`
  const abandoned = await recordAbandoned(deps.db, campaign.id, runId)
  if (abandoned)
    deps.log?.warn(
      { campaignId: campaign.id, unknown: abandoned },
      'an earlier run stopped with messages at the mail server; they are recorded as unknown',
    )

  const [content, list] = await Promise.all([
    loadCampaignContent(deps.db, campaign, deps.publicUrl),
    findListById(deps.db, campaign.listId),
  ])
  const mail = renderCampaignMail(content)
  const listId = `${(list?.name ?? 'Newsletter').replace(/[<>"\\]/g, '')} <${list?.slug ?? 'newsletter'}.${deps.messageIdDomain}>`
  const throttle = createThrottle(deps.maxPerSecond)
  // A slot is a message claimed and not yet recorded: handed to SMTP, or answered and waiting
  // for its outcome to be written. Slots never exceed the window, so neither can unknowns.
  const inFlight = new Set<Promise<void>>()
  const answered: Outcome[] = []
  let sent = 0
  let drained = false
  let paused = campaign.pause !== null
  // The relay's own failure: nothing more is claimed, the messages in flight come back, and the send pauses.
  let relayFailure: string | undefined

  while (!ctx.signal.aborted) {
    if (answered.length > 0) {
      // Outcomes that arrived together are written in one transaction: one commit, not one each.
      const batch = answered.splice(0)
      await recordOutcomes(deps.db, runId, batch)
      sent += batch.filter(o => o.ok).length
      relayFailure ??= batch.find((o): o is Failed => !o.ok && o.failure.fault === 'transport')?.failure.message
      if (paused && !relayFailure && batch.some(o => o.ok || o.failure.fault === 'recipient')) {
        // The relay answers again: the pause is over.
        await clearPause(deps.db, campaign.id)
        paused = false
        deps.log?.info({ campaignId: campaign.id }, 'the mail server answers again; the newsletter send carries on')
      }
    }
    const free = deps.window - inFlight.size - answered.length
    if (free > 0 && !drained && !relayFailure) {
      const allowed = await throttle.take(free, ctx.signal)
      const claimed = await claimDeliveries(deps.db, deps.dialect, campaign.id, runId, allowed)
      if (claimed.length < allowed) drained = true
      for (const delivery of claimed) {
        const work: Promise<void> = deliver(deps, { campaign, mail, listId, delivery })
          .then(outcome => {
            answered.push(outcome)
          })
          .finally(() => inFlight.delete(work))
        inFlight.add(work)
      }
    }
    if (inFlight.size === 0 && answered.length === 0) break
    if (answered.length === 0) {
      await Promise.race(inFlight)
      // Let answers that arrived in the same moment land too, so they are written together.
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  await Promise.all(inFlight)
  // Stopped part-way (lease lost): what SMTP answered is still written, so nothing answered becomes unknown.
  if (answered.length > 0) await recordOutcomes(deps.db, runId, answered.splice(0))
  if (ctx.signal.aborted) throw new Error('The send lost its lease; another run carries on.')
  deps.log?.info({ campaignId: campaign.id, sent }, 'newsletter run finished')

  if (relayFailure) return pauseSend(deps, campaign.id, relayFailure)
  // Nothing failed at the relay, yet nothing was there to try: no longer paused either.
  if (paused) await clearPause(deps.db, campaign.id)
  // Temporary refusals wait for their retry: come back then. Otherwise the campaign is done.
  const next = await nextQueuedAt(deps.db, campaign.id)
  if (next) {
    await queueCampaignSend(deps.db, campaign.id, next)
    return
  }
  // Guarded: a delivery an editor queued again meanwhile keeps it sending (their retry re-armed this job).
  await finishCampaign(deps.db, campaign.id)
}

/** Pauses the send after the relay failed: records why and the next try, and re-arms the job for it, together. */
async function pauseSend(deps: SenderDeps, campaignId: number, reason: string): Promise<void> {
  const patienceMs = deps.relayPatienceMs ?? DEFAULT_RELAY_PATIENCE_MS
  const pause = await deps.db.transaction().execute(async trx => {
    const current = await findCampaignById(trx, campaignId)
    if (current?.status !== 'sending') return undefined
    const pause = nextPause(current.pause, reason, patienceMs, new Date())
    await savePause(trx, campaignId, pause)
    if (pause.nextTryAt) await queueCampaignSend(trx, campaignId, pause.nextTryAt)
    return pause
  })
  if (!pause) return
  const facts = { campaignId, since: pause.since, failures: pause.failures, nextTryAt: pause.nextTryAt, reason }
  if (pause.nextTryAt)
    deps.log?.warn(facts, 'the mail server failed; the newsletter send is paused and tries again later')
  else
    deps.log?.error(
      facts,
      'the mail server has failed for longer than NEWSLETTER_RELAY_PATIENCE_MINUTES; the newsletter send stopped trying and waits for an editor',
    )
}

/** What became of one handed-over message. */
type Outcome = { ok: true; delivery: ClaimedDelivery } | Failed
type Failed = { ok: false; delivery: ClaimedDelivery; failure: Failure }

/** Writes outcomes in one transaction: `sent` for the accepted, a retry or a failure for the rest. */
async function recordOutcomes(db: Db, runId: string, outcomes: Outcome[]): Promise<void> {
  await db.transaction().execute(async trx => {
    for (const outcome of outcomes) {
      if (outcome.ok) await confirmSent(trx, outcome.delivery.id, runId)
      else await recordFailure(trx, outcome.delivery, runId, outcome.failure)
    }
  })
}

/** Hands one message to SMTP; answers what happened, without writing it. */
async function deliver(
  deps: SenderDeps,
  o: { campaign: Campaign; mail: CampaignMail; listId: string; delivery: ClaimedDelivery },
): Promise<Outcome> {
  const { delivery } = o
  const links = {
    unsubscribe: unsubscribeUrl(deps, delivery.subscriberId, o.campaign.id),
    preferences: preferencesUrl(deps, delivery.subscriberId),
  }
  const { html, text } = o.mail.personalise(links)
  try {
    await deps.mailer.sendBulk({
      to: delivery.email,
      subject: o.mail.subject,
      html,
      text,
      messageId: delivery.messageId,
      headers: {
        // RFC 8058: mail apps offer their own unsubscribe button and POST to this address.
        'List-Unsubscribe': `<${links.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': o.listId,
      },
    })
    return { ok: true, delivery }
  } catch (error) {
    const known = error instanceof MailDeliveryError || error instanceof DomainError
    deps.log?.[known ? 'warn' : 'error'](
      { campaignId: o.campaign.id, deliveryId: delivery.id, err: error },
      'a newsletter message was not sent',
    )
    return {
      ok: false,
      delivery,
      failure: {
        message: error instanceof Error ? error.message : 'unknown error',
        // Our own refusal of an address (it cannot be mailed) and the relay's answer about this
        // message are the recipient's; anything else (the relay, or a fault of ours) pauses the send.
        fault:
          error instanceof DomainError || (error instanceof MailDeliveryError && error.fault === 'recipient')
            ? 'recipient'
            : 'transport',
        permanent:
          error instanceof DomainError ||
          (error instanceof MailDeliveryError && error.fault === 'recipient' && error.permanent),
        ambiguous: error instanceof MailDeliveryError && error.ambiguous,
        retryAt: new Date(Date.now() + backoffMs(delivery.attempts)),
      },
    }
  }
}
