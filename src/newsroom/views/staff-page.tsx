// The staff page (admins): every account with its role and status, and the invitation form.
import { ROLES } from '../schema.js'
import type { Account } from '../store.js'
import { Clock } from './clock.js'
import { Csrf, Notice } from './layout.js'

/** /newsroom/staff: the accounts, each with a role and status form; `invited` names who was just invited. */
export function StaffPage({
  accounts,
  csrf,
  invited,
}: {
  accounts: readonly Account[]
  csrf: string
  invited: string | undefined
}) {
  return (
    <>
      {invited ? <Notice kind="ok">An invitation has been sent to {invited}.</Notice> : null}
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map(a => (
            <StaffRow key={a.id} account={a} csrf={csrf} />
          ))}
        </tbody>
      </table>
      <InviteForm csrf={csrf} />
    </>
  )
}

function StaffRow({ account: a, csrf }: { account: Account; csrf: string }) {
  return (
    <tr>
      <td>{a.name}</td>
      <td>{a.email}</td>
      <td>
        <form class="nr-inline-form" method="post" action={`/newsroom/staff/${a.id}`}>
          <Csrf token={csrf} />
          <label class="visually-hidden" for={`role-${a.id}`}>
            Role of {a.name}
          </label>
          <select id={`role-${a.id}`} name="role">
            {ROLES.map(role => (
              <option key={role} value={role} selected={role === a.role}>
                {role}
              </option>
            ))}
          </select>
          <select name="active" aria-label={`Status of ${a.name}`}>
            <option value="1" selected={a.active}>
              active
            </option>
            <option value="0" selected={!a.active}>
              disabled
            </option>
          </select>
          <button class="nr-button nr-button--quiet" type="submit">
            Save
          </button>
        </form>
      </td>
      <td>{a.active ? (a.hasPassword ? 'Active' : 'Invited') : 'Disabled'}</td>
      <td>{a.lastSignInAt ? <Clock iso={a.lastSignInAt} /> : '—'}</td>
    </tr>
  )
}

function InviteForm({ csrf }: { csrf: string }) {
  return (
    <section class="nr-section nr-narrow">
      <h2>Invite someone</h2>
      <form class="nr-form" method="post" action="/newsroom/staff">
        <Csrf token={csrf} />
        <div class="nr-field">
          <label for="invite-name">Name</label>
          <input id="invite-name" name="name" required maxLength={200} />
        </div>
        <div class="nr-field">
          <label for="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required />
        </div>
        <div class="nr-field">
          <label for="invite-role">Role</label>
          <select id="invite-role" name="role">
            {ROLES.map(role => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button class="nr-button" type="submit">
            Send the invitation
          </button>
        </div>
      </form>
    </section>
  )
}
