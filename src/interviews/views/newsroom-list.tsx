// /newsroom/interviews: every interview whatever its status, filtered by status, with the person
// interviewed, the documentaries it was recorded for and when it last changed.
import { Clock } from '../../newsroom/views.js'
import { INTERVIEW_STATUSES, type InterviewStatus } from '../schema.js'
import type { Interview } from '../store.js'
import { interviewUrl } from '../urls.js'

/** One row of the list: the interview with the names it is shown with. */
export interface InterviewListRow {
  interview: Interview
  personName: string
  documentaryTitles: string[]
}

/** How a status reads in the newsroom. */
export const STATUS_LABELS: Record<InterviewStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  cleared: 'Cleared',
  published: 'Published',
}

export function InterviewsAdminPage({
  rows,
  status,
}: {
  rows: readonly InterviewListRow[]
  status: InterviewStatus | undefined
}) {
  return (
    <>
      <p>
        Every interview, drafts included. Published interviews are on /interviews and their own pages. An editor clears
        an interview before it is published.
      </p>
      <p class="nr-actions">
        <a class="nr-button" href="/newsroom/interviews/new">
          New interview
        </a>
      </p>
      <form method="get" action="/newsroom/interviews" class="nr-filters" role="search">
        <div class="nr-field">
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            <option value="">Any</option>
            {INTERVIEW_STATUSES.map(s => (
              <option key={s} value={s} selected={status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button class="nr-button nr-button--quiet" type="submit">
          Filter
        </button>
      </form>
      <p>
        {rows.length} {rows.length === 1 ? 'interview' : 'interviews'}
        {status ? ` ${STATUS_LABELS[status].toLowerCase()}` : ''}.
      </p>
      {rows.length === 0 ? null : (
        <div class="nr-table-scroll">
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Person</th>
                <th scope="col">Documentaries</th>
                <th scope="col">Recorded</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ interview: i, personName, documentaryTitles }) => (
                <tr key={i.id}>
                  <td>
                    <a href={`/newsroom/interviews/${i.id}`}>{i.title}</a>
                    {i.status === 'published' ? (
                      <>
                        {' '}
                        ·{' '}
                        <a href={interviewUrl(i.slug)}>
                          View<span class="visually-hidden"> {i.title} on the site</span>
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span class="nr-pill">{STATUS_LABELS[i.status]}</span>
                  </td>
                  <td>{personName}</td>
                  <td>{documentaryTitles.join(', ') || '—'}</td>
                  <td>{i.recordedOn ?? '—'}</td>
                  <td>
                    <Clock iso={i.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
