// 404 and other error pages in the site's design.
import type { ErrorView } from '../../platform/http/error-handler.js'

/** The content of an error page. */
export function ErrorPage({ error }: { error: ErrorView }) {
  const title =
    error.status === 404 ? 'Page not found' : error.status >= 500 ? 'Something went wrong' : 'We could not do that'
  return (
    <div class="wrap wrap--narrow error-page">
      <p class="kicker">Error {error.status}</p>
      <h1>{title}</h1>
      <p class="error-page__message">{error.message}</p>
      {error.details.length > 1 ? (
        <ul>
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      <p>
        Try the <a href="/">home page</a>, our <a href="/documentaries">documentaries</a> or{' '}
        <a href="/articles">latest articles</a>.
      </p>
    </div>
  )
}
