// Previous / next links and page numbers for lists that grow.
import { pageHref } from '../urls.js'

/** Pagination for a list; nothing when it fits on one page. Lists not in date order name their steps (`labels`). */
export function Pagination({
  path,
  page,
  pageCount,
  labels = { previous: '← Newer', next: 'Older →' },
}: {
  path: string
  page: number
  pageCount: number
  labels?: { previous: string; next: string }
}) {
  if (pageCount <= 1) return null
  const numbers = pageWindow(page, pageCount)
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a class="pagination__step" rel="prev" href={pageHref(path, page - 1)}>
          {labels.previous}
        </a>
      ) : (
        <span class="pagination__step" aria-hidden="true" />
      )}
      <ol class="pagination__pages">
        {numbers.map((n, i) =>
          n === 0 ? (
            <li key={`gap${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page">{n}</span>
              ) : (
                <a href={pageHref(path, n)} aria-label={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a class="pagination__step" rel="next" href={pageHref(path, page + 1)}>
          {labels.next}
        </a>
      ) : (
        <span class="pagination__step" aria-hidden="true" />
      )}
    </nav>
  )
}

/** Page numbers around the current one, with 0 for a gap: 1 … 4 5 6 … 12. */
function pageWindow(page: number, count: number): number[] {
  const wanted = new Set([1, count, page - 1, page, page + 1].filter(n => n >= 1 && n <= count))
  const sorted = [...wanted].sort((a, b) => a - b)
  const out: number[] = []
  for (const n of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && n - last > 1) out.push(0)
    out.push(n)
  }
  return out
}
