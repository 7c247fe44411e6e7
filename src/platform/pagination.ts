// Offset pagination shared by every list that grows.

/** One page of a longer list. */
export interface Paged<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  pageCount: number
}

/** The offset for a 1-based page number. */
export function offsetOf(page: number, pageSize: number): number {
  return (Math.max(1, page) - 1) * pageSize
}

/** Wraps items and a total count into a page description. */
export function paged<T>(items: T[], page: number, pageSize: number, total: number): Paged<T> {
  return { items, page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
