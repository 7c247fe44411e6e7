// One subscriber in the newsroom: what is stored about them, their deliveries, and (for admins)
// unsubscribing, marking as bounced and erasing.
import type { ComponentChildren } from 'preact'
import { Clock, Csrf, Notice } from '../../../newsroom/views.js'
import type { Subscriber, SubscriberDelivery } from '../store.js'
import { SUBSCRIBERS_PATH, SubscriberTabs } from './subscriber-list.js'

const when = (iso: string | null) => (iso ? <Clock iso={iso} /> : '—')

/** What is stored about a subscriber, as a description list. */
export function SubscriberDetails({ subscriber: s }: { subscriber: Subscriber }) {
  const rows: [string, ComponentChildren][] = [
    ['Status', s.status],
    ['Lists', s.lists.map(l => l.name).join(', ') || 'none'],
    ['Signed up from', s.source],
    ['Created', when(s.createdAt)],
    ['Confirmed', when(s.confirmedAt)],
    ['Left', when(s.unsubscribedAt)],
    ['Consent', s.consent || '—'],
    ['Reason for the status', s.statusReason || '—'],
  ]
  return (
    <dl class="nr-details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** The campaigns sent (or meant) to a subscriber. */
export function DeliveryTable({ deliveries }: { deliveries: readonly SubscriberDelivery[] }) {
  if (deliveries.length === 0) return <p>No campaign has been sent to this address.</p>
  return (
    <div class="nr-table-scroll" tabindex={0} role="region" aria-label="Deliveries">
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Delivery</th>
            <th scope="col">Sent</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map(d => (
            <tr key={d.campaignId}>
              <td>{d.subject}</td>
              <td>
                <span class="nr-pill">{d.status}</span>
              </td>
              <td>{when(d.sentAt)}</td>
              <td>
                {d.unsubscribedAt || d.lastError ? (
                  <>
                    {d.unsubscribedAt ? (
                      <>
                        Left through this issue on <Clock iso={d.unsubscribedAt} />.
                      </>
                    ) : null}
                    {d.unsubscribedAt && d.lastError ? ' ' : ''}
                    {d.lastError ?? ''}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The admin's actions on a subscriber; every one is a form with the CSRF token. */
export function SubscriberActions({ subscriber: s, csrf }: { subscriber: Subscriber; csrf: string }) {
  const base = `${SUBSCRIBERS_PATH}/${s.id}`
  return (
    <div class="nr-grid">
      <section class="nr-section">
        <h2>
          {s.status === 'pending' || s.status === 'confirmed'
            ? 'Stop mailing this address'
            : 'Change why it gets no mail'}
        </h2>
        <form class="nr-form" method="post" action={`${base}/mark`}>
          <Csrf token={csrf} />
          <div class="nr-field">
            <label for="mark-reason">Reason (kept with the status)</label>
            <input id="mark-reason" name="reason" maxLength={500} autocomplete="off" />
          </div>
          <div class="nr-actions">
            {s.status !== 'unsubscribed' ? (
              <button class="nr-button" type="submit" name="as" value="unsubscribed">
                Unsubscribe
              </button>
            ) : null}
            {s.status !== 'bounced' ? (
              <button class="nr-button nr-button--quiet" type="submit" name="as" value="bounced">
                Mark as bounced
              </button>
            ) : null}
          </div>
        </form>
      </section>
      <section class="nr-section">
        <h2>Erase</h2>
        <p>
          Removes the address, its lists and its deliveries for good (a request under the GDPR’s right to erasure). The
          audit log keeps only that subscriber #{s.id} was erased.
        </p>
        <form class="nr-form" method="post" action={`${base}/delete`}>
          <Csrf token={csrf} />
          <div>
            <input type="checkbox" id="erase-confirm" name="confirm" value="1" required />{' '}
            <label for="erase-confirm">Erase {s.email} and everything about it</label>
          </div>
          <div>
            <button class="nr-button nr-button--danger" type="submit">
              Erase this subscriber
            </button>
          </div>
        </form>
      </section>
    </div>
  )
}

/** One subscriber's page: what is stored, their deliveries, and for admins what can be done. */
export function SubscriberPage({
  subscriber,
  deliveries,
  isAdmin,
  csrf,
  done,
}: {
  subscriber: Subscriber
  deliveries: readonly SubscriberDelivery[]
  isAdmin: boolean
  csrf: string
  done?: string | undefined
}) {
  return (
    <>
      <SubscriberTabs current="subscriber" isAdmin={isAdmin} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <SubscriberDetails subscriber={subscriber} />
      <section class="nr-section">
        <h2>Deliveries</h2>
        <DeliveryTable deliveries={deliveries} />
      </section>
      {isAdmin ? <SubscriberActions subscriber={subscriber} csrf={csrf} /> : null}
    </>
  )
}
