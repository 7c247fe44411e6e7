// The newsroom's list of campaigns, newest first: status, newsletter, subject, times, figures.
import { formatZonedTime } from '../../../platform/time.js'
import type { DeliveryFigures } from '../../sending/figures.js'
import type { Campaign } from '../store.js'
import { FiguresLine } from './campaign-figures.js'

/** One row of the list. */
export interface CampaignListing {
  campaign: Campaign
  listName: string
  figures: DeliveryFigures
}

export const STATUS_LABELS: Record<Campaign['status'], string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
}

/** The status in words, a paused send told apart from one going out. */
export function statusLabel(campaign: Pick<Campaign, 'status' | 'pause'>): string {
  if (campaign.status === 'sending' && campaign.pause) return campaign.pause.nextTryAt ? 'Paused' : 'Stopped'
  return STATUS_LABELS[campaign.status]
}

/** When a campaign went or goes out, in words. */
export function whenLine(campaign: Campaign, timeZone: string): string {
  if (campaign.status === 'sent' && campaign.finishedAt) return `Sent ${formatZonedTime(campaign.finishedAt, timeZone)}`
  if (campaign.status === 'sending' && campaign.startedAt)
    return `Started ${formatZonedTime(campaign.startedAt, timeZone)}`
  if (campaign.status === 'scheduled' && campaign.scheduledFor)
    return `For ${formatZonedTime(campaign.scheduledFor, timeZone)}`
  return `Changed ${formatZonedTime(campaign.updatedAt, timeZone)}`
}

/** The campaigns page: the "New campaign" button over the list. */
export function CampaignListPage(props: {
  rows: readonly CampaignListing[]
  page: number
  hasOlder: boolean
  timeZone: string
}) {
  return (
    <>
      <p class="nr-actions">
        <a class="nr-button" href="/newsroom/newsletter/campaigns/new">
          New campaign
        </a>
      </p>
      <CampaignList {...props} />
    </>
  )
}

/** The table of campaigns with links to newer and older pages. */
export function CampaignList({
  rows,
  page,
  hasOlder,
  timeZone,
}: {
  rows: readonly CampaignListing[]
  page: number
  hasOlder: boolean
  timeZone: string
}) {
  const base = '/newsroom/newsletter/campaigns'
  return (
    <>
      {rows.length === 0 ? (
        <p>{page > 1 ? 'No campaigns on this page.' : 'No campaigns yet. Start one with “New campaign”.'}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">Subject and newsletter</th>
              <th scope="col">Status</th>
              <th scope="col">Figures</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ campaign, listName, figures }) => (
              <tr key={campaign.id}>
                <td>
                  <a href={`${base}/${campaign.id}`}>{campaign.subject || 'Untitled campaign'}</a>
                  <br />
                  <span class="nr-status">{listName}</span>
                </td>
                <td>
                  <span class="nr-pill">{statusLabel(campaign)}</span>
                  <br />
                  <span class="nr-status">{whenLine(campaign, timeZone)}</span>
                </td>
                <td>
                  <FiguresLine figures={figures} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page > 1 || hasOlder ? (
        <nav class="nr-actions nr-section" aria-label="Pages of campaigns">
          {page > 1 ? (
            <a href={page === 2 ? base : `${base}?page=${page - 1}`} rel="prev">
              Newer campaigns
            </a>
          ) : null}
          <span>Page {page}</span>
          {hasOlder ? (
            <a href={`${base}?page=${page + 1}`} rel="next">
              Older campaigns
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
