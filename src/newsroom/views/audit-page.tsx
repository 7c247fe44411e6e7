// The audit log page (admins): who did what to what, newest first, a hundred entries a page.
import type { AuditEntry } from '../store.js'
import { Clock } from './clock.js'

/** /newsroom/audit: one page of entries; `names` maps account ids to names; `olderPage` links on when there is more. */
export function AuditPage({
  entries,
  names,
  olderPage,
}: {
  entries: readonly AuditEntry[]
  names: ReadonlyMap<number, string>
  olderPage: number | undefined
}) {
  return (
    <>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Details</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(e => (
            <tr key={e.id}>
              <td>
                <Clock iso={e.at} />
              </td>
              <td>{e.accountId ? (names.get(e.accountId) ?? `#${e.accountId}`) : '—'}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</td>
              <td>{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {olderPage ? (
        <p>
          <a href={`/newsroom/audit?page=${olderPage}`}>Older entries</a>
        </p>
      ) : null}
    </>
  )
}
