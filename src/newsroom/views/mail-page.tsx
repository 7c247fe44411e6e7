// The mail page (admins): where mail goes, and without SMTP the messages written to files.
import type { StoredMail } from '../../platform/mail/index.js'
import { Clock } from './clock.js'

/** /newsroom/mail: over SMTP a sentence; otherwise the outbox, newest first. */
export function MailPage({ transport, messages }: { transport: 'smtp' | 'file'; messages: readonly StoredMail[] }) {
  if (transport === 'smtp')
    return (
      <p>
        Mail is sent through the SMTP server set in <code>SMTP_URL</code>.
      </p>
    )
  return (
    <>
      <p>
        No <code>SMTP_URL</code> is set, so mail is written to files here instead of being sent. Newest first.
      </p>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {messages.map(m => (
            <tr key={m.file}>
              <td>
                <Clock iso={m.date} />
              </td>
              <td>{m.to}</td>
              <td>
                <a href={`/newsroom/mail/${encodeURIComponent(m.file)}`}>{m.subject}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
