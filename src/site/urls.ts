// Addresses the site's pages share.

/** The href of page `n` of a list at `path` (page 1 has no page parameter); `path` may carry a query already. */
export function pageHref(path: string, n: number): string {
  return n <= 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${n}`
}
