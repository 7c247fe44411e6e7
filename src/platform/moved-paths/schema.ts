// Table type for moved addresses. Platform machinery: no newsroom words here.

/** An address that moved: a request for `old_path`, or for anything below it, is sent to `new_path`. */
export interface MovedPathsTable {
  /** A site-relative path without a query, e.g. `/documentaries/the-old-title`. */
  old_path: string
  new_path: string
  moved_at: string
}
