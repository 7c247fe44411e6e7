// A failed newsroom request, shown inside the newsroom's shell: what went wrong in plain words,
// and the ways back to what the person was doing.

/** A link offered after an error. */
export interface WayBack {
  href: string
  label: string
}

/** What the newsroom's error page shows. */
export interface NewsroomErrorProps {
  status: number
  message: string
  details: readonly string[]
  /** Links back, most specific first (the page they came from, the list, the dashboard). */
  waysBack: readonly WayBack[]
}

/** The page's heading for a status. */
export function errorTitle(status: number): string {
  if (status >= 500) return 'Something went wrong'
  switch (status) {
    case 400:
      return 'That could not be done'
    case 401:
      return 'Please sign in'
    case 403:
      return 'Not allowed'
    case 404:
      return 'Not found'
    case 409:
      return 'Changed in the meantime'
    case 429:
      return 'Too many attempts'
    default:
      return 'That could not be done'
  }
}

/** The content of the page (the shell adds the heading and the navigation). */
export function NewsroomErrorPage({ status, message, details, waysBack }: NewsroomErrorProps) {
  return (
    <div class="nr-error" data-status={status}>
      <p class="nr-hint">Error {status}</p>
      <div class="nr-notice nr-notice--error" role="alert">
        <p>{message}</p>
        {details.length > 1 || (details.length === 1 && details[0] !== message) ? (
          <ul>
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {waysBack.length ? (
        <nav aria-label="Ways back">
          <ul class="nr-error__ways">
            {waysBack.map(w => (
              <li key={w.href}>
                <a href={w.href}>{w.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  )
}
