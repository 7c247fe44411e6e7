// The campaign's state machine: which move an editor may make from which status, and why not in
// words. Apart from actions.ts so the rules read on their own; the actions and the send page ask
// `moveProblem` before they act.
import { DomainError } from '../../platform/errors.js'
import type { CampaignStatus } from '../schema.js'
import type { Campaign } from './store.js'

/** Every move an editor can make on a campaign's content or status. */
export const CAMPAIGN_MOVES = ['save', 'schedule', 'send', 'unschedule', 'cancel', 'reopen', 'retry'] as const
export type CampaignMove = (typeof CAMPAIGN_MOVES)[number]

/** The statuses each move starts from. */
const FROM: Record<CampaignMove, readonly CampaignStatus[]> = {
  save: ['draft', 'scheduled'],
  schedule: ['draft', 'scheduled'],
  send: ['draft', 'scheduled'],
  unschedule: ['scheduled'],
  cancel: ['draft', 'scheduled'],
  reopen: ['cancelled'],
  retry: ['sending', 'sent'],
}

/** The hint every refusal ends with: the page the editor acted from may be out of date. */
export const RELOAD = 'Reload its page to see where it stands.'

/** Why a campaign in this status cannot be changed or sent, in words. */
function statusConflict(status: CampaignStatus): DomainError {
  const why =
    status === 'sending'
      ? 'is going out now'
      : status === 'sent'
        ? 'has been sent'
        : status === 'cancelled'
          ? 'was cancelled (reopen it as a draft first)'
          : `is ${status}`
  return new DomainError('conflict', `This campaign ${why}, so it cannot be changed or sent again. ${RELOAD}`)
}

/**
 * Why `move` is not allowed on the campaign as it stands (a conflict, in words); undefined when
 * it is. A scheduled campaign whose time has come is already on its way, so "send now" again is
 * a second click, not a second send.
 */
export function moveProblem(
  campaign: Pick<Campaign, 'status' | 'scheduledFor'>,
  move: CampaignMove,
  now = Date.now(),
): DomainError | undefined {
  const { status } = campaign
  if (!FROM[move].includes(status)) {
    if (move === 'retry')
      return new DomainError('conflict', `Only a campaign that has gone out can have its deliveries retried. ${RELOAD}`)
    if (move === 'unschedule' && status === 'draft')
      return new DomainError('conflict', `This campaign is not scheduled, so there is nothing to unschedule. ${RELOAD}`)
    if (move === 'reopen' && status === 'draft')
      return new DomainError('conflict', `This campaign is a draft already. ${RELOAD}`)
    return statusConflict(status)
  }
  if (move === 'send' && status === 'scheduled' && campaign.scheduledFor && Date.parse(campaign.scheduledFor) <= now) {
    return new DomainError(
      'conflict',
      'This campaign is already on its way; it was not sent a second time. Reload its page to follow the figures.',
    )
  }
  return undefined
}

/** The moves the campaign allows as it stands. */
export function allowedMoves(campaign: Pick<Campaign, 'status' | 'scheduledFor'>, now = Date.now()): CampaignMove[] {
  return CAMPAIGN_MOVES.filter(move => !moveProblem(campaign, move, now))
}
