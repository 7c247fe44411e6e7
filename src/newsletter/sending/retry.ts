// An editor's "retry" on a campaign: its failed deliveries queued again (never a sent or unknown
// one, which may have arrived), and a paused or stopped send resumed now. One transaction with
// the audit entry and the re-armed send job.
import type { Db } from '../../db/index.js'
import { insertAudit } from '../../newsroom/index.js'
import { DomainError, NotFound } from '../../platform/errors.js'
import { clearPause, findCampaignById, reopenSend } from '../campaigns/store.js'
import { requeueFailed } from './outbox.js'
import { queueCampaignSend } from './send-job.js'

/** What a retry did. */
export interface RetryResult {
  /** Failed deliveries queued again. */
  requeued: number
  /** The send was paused or had stopped trying, and goes on now. */
  resumed: boolean
}

/** Retries a campaign's failed deliveries and resumes its paused send; call `wakeJobs` after. */
export async function retryCampaign(db: Db, o: { campaignId: number; accountId: number; ip: string }): Promise<RetryResult> {
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaignById(trx, o.campaignId)
    if (!campaign) throw new NotFound('campaign', o.campaignId)
    if (campaign.status !== 'sending' && campaign.status !== 'sent') {
      throw new DomainError('conflict', 'Only a campaign that has gone out can have its deliveries retried. Reload its page to see where it stands.')
    }
    const requeued = await requeueFailed(trx, campaign.id)
    const resumed = campaign.pause !== null
    if (requeued === 0 && !resumed) {
      throw new DomainError('conflict', 'Nothing to retry: no delivery of this campaign failed, and its send is not paused. Reload its page to see where it stands.')
    }
    await clearPause(trx, campaign.id)
    if (requeued > 0) await reopenSend(trx, campaign.id)
    await queueCampaignSend(trx, campaign.id)
    await insertAudit(trx, { accountId: o.accountId, action: 'campaign-retried', subject: `newsletter-campaign:${campaign.id}`, detail: { requeued, resumed }, ip: o.ip })
    return { requeued, resumed }
  })
}
