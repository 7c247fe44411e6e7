// A campaign's newsroom page: where it stands, what can be done with it (schedule, send now,
// unschedule, cancel), its figures once sending, the form, the preview and the test send.
import { Csrf, Notice } from '../../../newsroom/views.js'
import { formatZonedTime } from '../../../platform/time.js'
import type { DeliveryFigures, FailedDelivery } from '../../sending/figures.js'
import type { Campaign } from '../store.js'
import { FiguresSection } from './campaign-figures.js'
import { CampaignForm, type CampaignFormProps } from './campaign-form.js'
import { statusLabel } from './campaign-list.js'
import { PauseNotice, RetryFailed } from './send-state.js'

/** A staff account a test can go to. */
export interface TestRecipient {
  id: number
  name: string
  email: string
}

export interface CampaignPageProps {
  campaign: Campaign
  listName: string
  confirmed: number
  figures?: DeliveryFigures | undefined
  failures: readonly FailedDelivery[]
  csrf: string
  timeZone: string
  /** The signed-in account first. */
  recipients: readonly TestRecipient[]
  notice?: { kind: 'ok' | 'error'; message: string; details?: readonly string[] | undefined } | undefined
  /** The send time as typed, when scheduling was refused. */
  sendAt?: string | undefined
  /** The form (editable or read-only). */
  form: CampaignFormProps
}

export const campaignPath = (id: number) => `/newsroom/newsletter/campaigns/${id}`

/** The campaign's page content. */
export function CampaignPage(props: CampaignPageProps) {
  const { campaign } = props
  const base = campaignPath(campaign.id)
  const published = campaign.status === 'sending' || campaign.status === 'sent'
  return (
    <>
      <p>
        <a href="/newsroom/newsletter/campaigns">All campaigns</a>
        {published ? (
          <>
            {' '}
            · <a href={`/newsletter/issues/${campaign.id}`}>The web version</a>
          </>
        ) : null}
      </p>
      <p class="nr-status">
        Status: <strong>{statusLabel(campaign)}</strong>
        {campaign.status === 'scheduled' && campaign.scheduledFor ? (
          <> for {formatZonedTime(campaign.scheduledFor, props.timeZone)}</>
        ) : null}
        {campaign.startedAt ? <> · started {formatZonedTime(campaign.startedAt, props.timeZone)}</> : null}
        {campaign.finishedAt ? <> · finished {formatZonedTime(campaign.finishedAt, props.timeZone)}</> : null}
        {' · '}
        {props.listName}: {props.confirmed.toLocaleString('en')} confirmed{' '}
        {props.confirmed === 1 ? 'subscriber' : 'subscribers'}
      </p>
      {props.notice ? (
        <Notice kind={props.notice.kind}>
          <p>{props.notice.message}</p>
          {props.notice.details?.length ? (
            <ul>
              {props.notice.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {campaign.status === 'sending' && campaign.pause ? (
        <PauseNotice pause={campaign.pause} base={base} csrf={props.csrf} timeZone={props.timeZone} />
      ) : null}
      <Actions campaign={campaign} base={base} csrf={props.csrf} sendAt={props.sendAt} timeZone={props.timeZone} />
      {props.figures ? <RetryFailed campaign={campaign} figures={props.figures} base={base} csrf={props.csrf} /> : null}
      {props.figures ? <FiguresSection figures={props.figures} failures={props.failures} /> : null}
      <section class="nr-section" aria-labelledby="content-heading">
        <h2 id="content-heading">{published ? 'What was sent' : 'Content'}</h2>
        <CampaignForm {...props.form} />
      </section>
      <Preview base={base} csrf={props.csrf} recipients={props.recipients} />
    </>
  )
}

/** What can be done with the campaign in its status. */
function Actions({
  campaign,
  base,
  csrf,
  sendAt,
  timeZone,
}: {
  campaign: Campaign
  base: string
  csrf: string
  sendAt?: string | undefined
  timeZone: string
}) {
  if (campaign.status === 'sending' || campaign.status === 'sent') {
    const where =
      campaign.status === 'sent'
        ? 'This campaign has been sent.'
        : campaign.pause
          ? 'This campaign is part-way out.'
          : 'This campaign is going out now.'
    return <p>{where} It can no longer be changed or sent again.</p>
  }
  if (campaign.status === 'cancelled') {
    return (
      <form class="nr-workflow" method="post" action={`${base}/reopen`}>
        <Csrf token={csrf} />
        <span>This campaign was cancelled.</span>
        <button class="nr-button nr-button--quiet" type="submit">
          Reopen as a draft
        </button>
      </form>
    )
  }
  // One form: Schedule posts here; the other buttons post elsewhere and need no time.
  return (
    <form class="nr-workflow" method="post" action={`${base}/schedule`}>
      <Csrf token={csrf} />
      <span class="nr-field nr-field--inline">
        <label for="send-at">{campaign.status === 'scheduled' ? 'Send at another time' : 'Send at'}</label>
        <input
          id="send-at"
          name="sendAt"
          type="datetime-local"
          required
          value={sendAt ?? ''}
          aria-describedby="send-at-hint"
        />
        <span id="send-at-hint" class="nr-hint">
          Time zone: {timeZone}.
        </span>
      </span>
      <button class="nr-button nr-button--quiet" type="submit">
        Schedule
      </button>
      <a class="nr-button" href={`${base}/send`}>
        Send now…
      </a>
      {campaign.status === 'scheduled' ? (
        <>
          <button class="nr-button nr-button--quiet" type="submit" formaction={`${base}/unschedule`} formnovalidate>
            Unschedule (back to draft)
          </button>
          <button class="nr-button nr-button--danger" type="submit" formaction={`${base}/cancel`} formnovalidate>
            Cancel the campaign
          </button>
        </>
      ) : null}
    </form>
  )
}

/** The mail as readers get it, in a sandboxed frame, with its plain text and the test send. */
function Preview({ base, csrf, recipients }: { base: string; csrf: string; recipients: readonly TestRecipient[] }) {
  return (
    <section class="nr-section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p>
        The mail exactly as subscribers get it, as last saved; its unsubscribe links lead to the public newsletter page
        here.{' '}
        <a href={`${base}/preview`} target="_blank" rel="noopener">
          Open it in a new tab
        </a>{' '}
        ·{' '}
        <a href={`${base}/preview/text`} target="_blank" rel="noopener">
          The plain-text version
        </a>
      </p>
      <iframe src={`${base}/preview`} title="Preview of the mail" sandbox="" width="100%" height="720"></iframe>
      <form class="nr-workflow nr-section" method="post" action={`${base}/test`}>
        <Csrf token={csrf} />
        <span class="nr-field nr-field--inline">
          <label for="test-to">Send a test to</label>
          <select id="test-to" name="to" aria-describedby="test-to-hint">
            {recipients.map((r, i) => (
              <option key={r.id} value={String(r.id)}>
                {i === 0 ? `You (${r.email})` : `${r.name} (${r.email})`}
              </option>
            ))}
          </select>
          <span id="test-to-hint" class="nr-hint">
            Staff accounts only. The subject starts with “[Test]”.
          </span>
        </span>
        <button class="nr-button nr-button--quiet" type="submit">
          Send a test
        </button>
      </form>
    </section>
  )
}
