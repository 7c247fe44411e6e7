// Addresses the site's pages share.
import { canonicalQuery } from '../platform/http/page-responder.js'

/**
 * The href of page `n` of a list at `path` (page 1 has no page parameter); `path` may carry a query
 * already (a filtered list). The query is written in the page responder's canonical order, so a page
 * link answers at once instead of with a 301: `/documentaries?topic=x` page 2 is `?page=2&topic=x`.
 */
export function pageHref(path: string, n: number): string {
  const q = path.indexOf('?')
  const base = q === -1 ? path : path.slice(0, q)
  const params = [...new URLSearchParams(q === -1 ? '' : path.slice(q + 1))].filter(([name]) => name !== 'page')
  if (n > 1) params.push(['page', String(n)])
  const query = canonicalQuery(params)
  return query ? `${base}?${query}` : base
}
