// A campaign's delivery figures: as a short line in the list, and as cards with the failed
// deliveries' last errors on the campaign's page.
import type { DeliveryFigures, FailedDelivery } from '../../sending/figures.js'

const n = (value: number) => value.toLocaleString('en')

/** "38 sent · 1 failed · 1 unknown · 2 unsubscribed of 40", or a dash before a send. */
export function FiguresLine({ figures }: { figures: DeliveryFigures }) {
  if (figures.total === 0) return <>–</>
  const parts = [
    `${n(figures.sent)} sent`,
    `${n(figures.failed)} failed`,
    `${n(figures.unknown)} unknown`,
    `${n(figures.unsubscribed)} unsubscribed`,
  ]
  const waiting = figures.queued + figures.sending
  if (waiting) parts.push(`${n(waiting)} queued`)
  return (
    <>
      {parts.join(' · ')} of {n(figures.total)}
    </>
  )
}

/** The figures as cards, and the failures' last errors (the first 50). */
export function FiguresSection({
  figures,
  failures,
}: {
  figures: DeliveryFigures
  failures: readonly FailedDelivery[]
}) {
  const cards: [string, number, string][] = [
    ['Sent', figures.sent, 'accepted by the mail server'],
    ['Failed', figures.failed, 'refused for good'],
    ['Unknown', figures.unknown, 'may or may not have arrived; never sent again'],
    ['Queued', figures.queued + figures.sending, 'still to send, or waiting to retry'],
    ['Unsubscribed', figures.unsubscribed, 'left through this campaign'],
  ]
  return (
    <section class="nr-section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <p class="nr-status">
        Of {n(figures.total)} {figures.total === 1 ? 'subscriber' : 'subscribers'} this campaign went out to
        {figures.skipped ? ` (${n(figures.skipped)} left before their copy was sent)` : ''}. Reload the page for the
        latest figures.
      </p>
      <ul class="nr-cards">
        {cards.map(([label, value, hint]) => (
          <li key={label}>
            <strong>{n(value)}</strong>
            {label}
            <br />
            <span class="nr-status">{hint}</span>
          </li>
        ))}
      </ul>
      {failures.length ? (
        <>
          <h3>
            Failed deliveries
            {figures.failed > failures.length ? ` (the first ${failures.length} of ${n(figures.failed)})` : ''}
          </h3>
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Attempts</th>
                <th scope="col">The mail server’s last answer</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((f, i) => (
                <tr key={i}>
                  <td>{f.email}</td>
                  <td>{f.attempts}</td>
                  <td>{f.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  )
}
