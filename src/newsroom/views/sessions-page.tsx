// A staff member's own sessions: every signed-in browser, each with a revoke button.
import type { Session } from '../session-store.js'
import { Clock } from './clock.js'
import { Csrf } from './layout.js'

/** /newsroom/sessions: `currentId` marks the browser showing the page. */
export function SessionsPage({
  sessions,
  currentId,
  csrf,
}: {
  sessions: readonly Session[]
  currentId: string
  csrf: string
}) {
  return (
    <>
      <p>Every browser signed in to your account. Revoke any you do not recognise.</p>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map(s => (
            <tr key={s.id}>
              <td>
                {s.userAgent || 'Unknown'}
                {s.id === currentId ? ' (this browser)' : ''}
              </td>
              <td>{s.ip}</td>
              <td>
                <Clock iso={s.createdAt} />
              </td>
              <td>
                <Clock iso={s.lastSeenAt} />
              </td>
              <td>
                <form class="nr-inline-form" method="post" action="/newsroom/sessions/revoke">
                  <Csrf token={csrf} />
                  <input type="hidden" name="session" value={s.id} />
                  <button class="nr-button nr-button--quiet" type="submit">
                    Revoke
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
