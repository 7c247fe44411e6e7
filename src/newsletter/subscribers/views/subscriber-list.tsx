// The newsroom's list of subscribers: search and filters, counts by status, the table, pages.
import { Clock, Notice } from '../../../newsroom/views.js'
import { truncate } from '../../../platform/format.js'
import type { Paged } from '../../../platform/pagination.js'
import type { NewsletterList } from '../../lists.js'
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '../../schema.js'
import type { Subscriber, SubscriberFilter } from '../store.js'

export const SUBSCRIBERS_PATH = '/newsroom/newsletter/subscribers'
/** The newsroom navigation's "Newsletter" entry, which these pages sit under. */
export const NEWSLETTER_SECTION = '/newsroom/newsletter/campaigns'

/** The list's address with a filter and page (empty values left out). */
export function listHref(filter: SubscriberFilter, page = 1, path = SUBSCRIBERS_PATH): string {
  const params = new URLSearchParams()
  if (filter.q) params.set('q', filter.q)
  if (filter.status) params.set('status', filter.status)
  if (filter.listId !== undefined) params.set('list', String(filter.listId))
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** The newsletter section's links: campaigns, the subscribers, and for admins import and export. */
export function SubscriberTabs({
  current,
  isAdmin,
  exportHref,
}: {
  current: 'list' | 'import' | 'subscriber'
  isAdmin: boolean
  exportHref?: string | undefined
}) {
  return (
    <nav class="nr-subnav" aria-label="Newsletter">
      <ul>
        <li>
          <a href={NEWSLETTER_SECTION}>Campaigns</a>
        </li>
        <li>
          <a href={SUBSCRIBERS_PATH} aria-current={current === 'list' ? 'page' : undefined}>
            Subscribers
          </a>
        </li>
        {isAdmin ? (
          <li>
            <a href={`${SUBSCRIBERS_PATH}/import`} aria-current={current === 'import' ? 'page' : undefined}>
              Import CSV
            </a>
          </li>
        ) : null}
        {isAdmin && exportHref ? (
          <li>
            <a href={exportHref} download>
              Export these as CSV
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** The search and filter form (a GET, so a filtered list has an address). */
export function SubscriberFilters({ filter, lists }: { filter: SubscriberFilter; lists: readonly NewsletterList[] }) {
  return (
    <form method="get" action={SUBSCRIBERS_PATH} class="nr-filters" role="search">
      <div class="nr-field">
        <label for="q">Address contains</label>
        <input id="q" name="q" value={filter.q ?? ''} maxLength={200} />
      </div>
      <div class="nr-field">
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="">Any</option>
          {SUBSCRIBER_STATUSES.map(s => (
            <option key={s} value={s} selected={filter.status === s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="f-list">List</label>
        <select id="f-list" name="list">
          <option value="">Any</option>
          {lists.map(l => (
            <option key={l.id} value={String(l.id)} selected={filter.listId === l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <button class="nr-button nr-button--quiet" type="submit">
        Search
      </button>
    </form>
  )
}

/** How many match in each status, each a link to that status. */
export function StatusCounts({
  filter,
  counts,
}: {
  filter: SubscriberFilter
  counts: Record<SubscriberStatus, number>
}) {
  return (
    <ul class="nr-counts" aria-label="Subscribers by status">
      {SUBSCRIBER_STATUSES.map(s => (
        <li key={s}>
          <a href={listHref({ ...filter, status: s })} aria-current={filter.status === s ? 'true' : undefined}>
            <strong>{counts[s].toLocaleString('en')}</strong> {s}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** A date as YYYY-MM-DD (UTC): short enough for a dense table, and it sorts. */
const day = (iso: string | null) => (iso ? <Clock iso={iso} /> : '—')
/** Long text cut for the table; the subscriber's page shows it whole. */
const cut = (text: string) =>
  text ? <span title={text.length > 80 ? text : undefined}>{truncate(text, 80)}</span> : '—'

/** An address that may wrap before its @ in a narrow column. */
function breakable(email: string) {
  const at = email.lastIndexOf('@')
  return at > 0 ? (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  ) : (
    email
  )
}

/** The table of one page of subscribers. */
export function SubscriberTable({ subscribers }: { subscribers: readonly Subscriber[] }) {
  if (subscribers.length === 0) return <p>No subscribers match.</p>
  return (
    <div class="nr-table-scroll" tabindex={0} role="region" aria-label="Subscribers">
      <table class="nr-table nr-subscribers">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Lists</th>
            <th scope="col">Created</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Left</th>
            <th scope="col">Consent</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {subscribers.map(s => (
            <tr key={s.id}>
              <td class="nr-subscribers__email">
                <a href={`${SUBSCRIBERS_PATH}/${s.id}`}>{breakable(s.email)}</a>
              </td>
              <td>
                <span class={`nr-pill nr-pill--${s.status}`}>{s.status}</span>
              </td>
              <td>{s.lists.map(l => l.name).join(', ') || '—'}</td>
              <td>{day(s.createdAt)}</td>
              <td>{day(s.confirmedAt)}</td>
              <td>{day(s.unsubscribedAt)}</td>
              <td class="nr-subscribers__long">{cut(s.consent)}</td>
              <td class="nr-subscribers__long">{cut(s.statusReason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Newer and older pages of a filtered list. */
export function Pager({ filter, list }: { filter: SubscriberFilter; list: Paged<unknown> }) {
  if (list.pageCount <= 1) return null
  return (
    <nav class="nr-pager" aria-label="Pages">
      {list.page > 1 ? (
        <a rel="prev" href={listHref(filter, list.page - 1)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {list.page} of {list.pageCount}
      </span>
      {list.page < list.pageCount ? (
        <a rel="next" href={listHref(filter, list.page + 1)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** The subscribers page: a notice of what was done, the tabs, the filters, the counts, the table and its pages. */
export function SubscriberListPage({
  filter,
  list,
  counts,
  lists,
  isAdmin,
  done,
}: {
  filter: SubscriberFilter
  list: Paged<Subscriber>
  counts: Record<SubscriberStatus, number>
  lists: readonly NewsletterList[]
  isAdmin: boolean
  done?: string | undefined
}) {
  return (
    <>
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <SubscriberTabs current="list" isAdmin={isAdmin} exportHref={listHref(filter, 1, `${SUBSCRIBERS_PATH}.csv`)} />
      <SubscriberFilters filter={filter} lists={lists} />
      <StatusCounts filter={filter} counts={counts} />
      <p>
        {list.total.toLocaleString('en')} {list.total === 1 ? 'subscriber matches' : 'subscribers match'}.
      </p>
      <SubscriberTable subscribers={list.items} />
      <Pager filter={filter} list={list} />
    </>
  )
}
