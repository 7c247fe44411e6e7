// The step before "send now": whom the campaign will reach, or why it cannot go.
import { Csrf, Notice } from '../../../newsroom/views.js'
import type { Campaign } from '../store.js'
import { campaignPath } from './campaign-page.js'

/** Asks to confirm a send now, naming the newsletter and how many confirmed subscribers it has. */
export function SendConfirm({
  campaign,
  listName,
  confirmed,
  problems,
  csrf,
}: {
  campaign: Campaign
  listName: string
  confirmed: number
  problems: readonly string[]
  csrf: string
}) {
  const base = campaignPath(campaign.id)
  const who = `${confirmed.toLocaleString('en')} confirmed ${confirmed === 1 ? 'subscriber' : 'subscribers'} of ${listName}`
  if (problems.length) {
    return (
      <>
        <Notice kind="error">
          <p>This campaign cannot be sent yet:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Notice>
        <p>
          <a href={base}>Back to the campaign</a>
        </p>
      </>
    )
  }
  return (
    <>
      <p>
        “{campaign.subject}” will go to <strong>{who}</strong> now. Once it starts, it cannot be stopped or changed.
      </p>
      {campaign.status === 'scheduled' ? <p>It is scheduled; sending now replaces that time.</p> : null}
      {confirmed === 0 ? (
        <Notice kind="error">
          <p>Nobody has confirmed a subscription to {listName} yet, so nobody would get it.</p>
        </Notice>
      ) : null}
      <form class="nr-actions" method="post" action={`${base}/send`}>
        <Csrf token={csrf} />
        <input type="hidden" name="confirm" value="yes" />
        <button class="nr-button" type="submit">
          Send it now to {confirmed.toLocaleString('en')} {confirmed === 1 ? 'subscriber' : 'subscribers'}
        </button>
        <a href={base}>Back to the campaign</a>
      </form>
    </>
  )
}
