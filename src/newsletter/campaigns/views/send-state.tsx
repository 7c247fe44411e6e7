// Where a send that has gone out stands, when it needs a word: paused on a mail server that is
// down (and when it tries again), stopped after trying long enough, and failed deliveries an
// editor can retry. Times are on the newsroom's one clock (formatZonedTime), zone named.
import { Csrf, Notice } from '../../../newsroom/views.js'
import { formatZonedTime } from '../../../platform/time.js'
import type { DeliveryFigures } from '../../sending/figures.js'
import type { Campaign, RelayPause } from '../store.js'

/** "Paused: mail server unreachable since 3 Dec 2026, 11:12 CST, next try 3 Dec 2026, 11:20 CST", with a button to try now. */
export function PauseNotice({
  pause,
  base,
  csrf,
  timeZone,
}: {
  pause: RelayPause
  base: string
  csrf: string
  timeZone: string
}) {
  const since = formatZonedTime(pause.since, timeZone)
  return (
    <Notice kind="error">
      {pause.nextTryAt ? (
        <>
          <p>
            <strong>
              Paused: mail server unreachable since {since}, next try {formatZonedTime(pause.nextTryAt, timeZone)}.
            </strong>
          </p>
          <p>
            The send goes on by itself once the mail server answers; nobody gets the campaign twice and no delivery is
            counted as failed for it.
          </p>
        </>
      ) : (
        <>
          <p>
            <strong>Stopped: mail server unreachable since {since}.</strong> The send tried {pause.failures} times and
            has stopped trying.
          </p>
          <p>
            Check the mail server (SMTP_URL), then resume the send. Nothing was lost: the subscribers not yet reached
            are still queued.
          </p>
        </>
      )}
      <p>The mail server’s last answer: {pause.reason || 'none'}</p>
      <form class="nr-workflow" method="post" action={`${base}/retry`}>
        <Csrf token={csrf} />
        <button class="nr-button" type="submit">
          {pause.nextTryAt ? 'Try now' : 'Resume sending'}
        </button>
      </form>
    </Notice>
  )
}

/** The retry button for failed deliveries, once a send has gone out. */
export function RetryFailed({
  campaign,
  figures,
  base,
  csrf,
}: {
  campaign: Campaign
  figures: DeliveryFigures
  base: string
  csrf: string
}) {
  if (figures.failed === 0 || (campaign.status !== 'sending' && campaign.status !== 'sent')) return null
  const n = figures.failed.toLocaleString('en')
  return (
    <form class="nr-workflow" method="post" action={`${base}/retry`}>
      <Csrf token={csrf} />
      <span>
        {n} {figures.failed === 1 ? 'delivery' : 'deliveries'} failed. Retrying sends them again (to subscribers still
        confirmed); sent and unknown ones are never sent twice.
      </span>
      <button class="nr-button nr-button--quiet" type="submit">
        Retry the failed {figures.failed === 1 ? 'delivery' : 'deliveries'}
      </button>
    </form>
  )
}
