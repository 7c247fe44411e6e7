// The newsroom's front page: one short list per section, each row a link to open the thing,
// its state, and its time on the newsroom's clock.
import { Clock } from '../../newsroom/views.js'
import type { Dashboard, DashboardItem } from '../dashboard-data.js'

/** The sections in the order a newsroom works through them. */
const SECTIONS: readonly {
  key: keyof Dashboard
  title: string
  empty: string
  more?: { href: string; label: string }
}[] = [
  {
    key: 'inReview',
    title: 'In review',
    empty: 'Nothing is waiting for review.',
    more: { href: '/newsroom/stories?status=in_review', label: 'All stories in review' },
  },
  {
    key: 'drafts',
    title: 'Your drafts',
    empty: 'You have no drafts.',
    more: { href: '/newsroom/stories?status=draft', label: 'All drafts' },
  },
  { key: 'scheduled', title: 'Scheduled', empty: 'Nothing is scheduled.' },
  { key: 'published', title: 'Last published', empty: 'Nothing published yet.' },
  { key: 'media', title: 'Media in the pipeline', empty: 'No film or audio is processing, and none failed.' },
  {
    key: 'campaigns',
    title: 'Newsletter sends',
    empty: 'No campaign is scheduled, sending or paused.',
    more: { href: '/newsroom/newsletter/campaigns', label: 'All campaigns' },
  },
]

function Row({ item }: { item: DashboardItem }) {
  return (
    <li class="nr-dash__item">
      <span class="nr-hint">{item.kind}</span> <a href={item.href}>{item.title}</a>
      {item.state ? (
        <>
          {' '}
          <span class="nr-pill">{item.state}</span>
        </>
      ) : null}
      {item.at ? (
        <>
          {' '}
          <span class="nr-status">
            {item.at.label} <Clock iso={item.at.iso} />
          </span>
        </>
      ) : null}
      {item.liveHref ? (
        <>
          {' '}
          ·{' '}
          <a href={item.liveHref}>
            Live page<span class="visually-hidden">: {item.title}</span>
          </a>
        </>
      ) : null}
      {item.note ? <p class="nr-hint">{item.note}</p> : null}
    </li>
  )
}

/** The dashboard's content (the shell adds the heading). */
export function DashboardPage({ dashboard, email, role }: { dashboard: Dashboard; email: string; role: string }) {
  return (
    <>
      <p>
        You are signed in as <strong>{email}</strong> with the <strong>{role}</strong> role.
      </p>
      <div class="nr-dash">
        {SECTIONS.map(({ key, title, empty, more }) => {
          const items = dashboard[key]
          if (!items) return null
          return (
            <section key={key} class="nr-section nr-dash__section" aria-labelledby={`dash-${key}`} data-section={key}>
              <h2 id={`dash-${key}`}>{title}</h2>
              {items.length ? (
                <ul class="nr-dash__list">
                  {items.map(item => (
                    <Row key={`${item.kind}:${item.href}`} item={item} />
                  ))}
                </ul>
              ) : (
                <p>{empty}</p>
              )}
              {more && items.length ? (
                <p>
                  <a href={more.href}>{more.label}</a>
                </p>
              ) : null}
            </section>
          )
        })}
      </div>
    </>
  )
}
